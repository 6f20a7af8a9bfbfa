// Rule 3 for the people given (index seeks on their ids): registered sex offenders (marker current
// on asOf) in current contact with one of them, or the current partner of one of their parents.
// Same rows as risk/rule-03 for those people.
UNWIND $ids AS id
MATCH (c:Person {id: id})
CALL (c) {
  MATCH (c)-[h:HAS_CONTACT_WITH]-(o:Person)
  WHERE (h.from IS NULL OR h.from <= $asOf) AND (h.to IS NULL OR h.to >= $asOf)
  RETURN o, 'CONTACT' AS how, null AS parent, h.key AS relKey, h.from AS since
  UNION
  MATCH (c)<-[:PARENT_OF]-(par:Person)-[pt:PARTNER_OF]-(o:Person)
  WHERE (pt.from IS NULL OR pt.from <= $asOf) AND (pt.to IS NULL OR pt.to >= $asOf)
    AND NOT (o)-[:PARENT_OF]->(c)
  RETURN o, 'PARTNER' AS how, par AS parent, pt.key AS relKey, pt.from AS since
}
MATCH (o)<-[:ON]-(m:Marker {type: 'REGISTERED_SEX_OFFENDER'})
WHERE c <> o AND (m.from IS NULL OR m.from <= $asOf) AND (m.to IS NULL OR m.to >= $asOf)
RETURN c, o, m.id AS markerId, how, parent, relKey, since
ORDER BY c.id, o.id, m.id, how, relKey

// Details for the nodes of a network: markers current on asOf on people (their own, then their
// home's) and addresses, the parent links of people (for derived sibling edges), the types of every
// marker a person ever carried (whoever carried an offender type is an offender, for the redaction
// policy) and the agencies professionals work for.
CALL () {
  UNWIND $people AS id
  MATCH (p:Person {id: id})
  RETURN 'Person' AS label, id,
    COLLECT { MATCH (p)<-[:ON]-(m:Marker)
              WHERE (m.from IS NULL OR m.from <= $asOf) AND (m.to IS NULL OR m.to >= $asOf)
              RETURN m ORDER BY m.from, m.id }
    // the markers of the address they live at, carried by everyone living there
    + COLLECT { MATCH (p)-[l:LIVES_AT]->(:Address)<-[:ON]-(m:Marker)
                WHERE (l.from IS NULL OR l.from <= $asOf) AND (l.to IS NULL OR l.to >= $asOf)
                  AND (m.from IS NULL OR m.from <= $asOf) AND (m.to IS NULL OR m.to >= $asOf)
                RETURN m ORDER BY m.from, m.id } AS markers,
    COLLECT { MATCH (par:Person)-[pl:PARENT_OF]->(p) WHERE pl.from IS NULL OR pl.from <= $asOf
              RETURN {id: par.id, kind: pl.kind, from: pl.from} } AS parents,
    COLLECT { MATCH (p)<-[:ON]-(o:Marker) RETURN DISTINCT o.type } AS everCarried,
    null AS agency, null AS worksFor
  UNION ALL
  UNWIND $addresses AS id
  MATCH (a:Address {id: id})
  RETURN 'Address' AS label, id,
    COLLECT { MATCH (a)<-[:ON]-(m:Marker)
              WHERE (m.from IS NULL OR m.from <= $asOf) AND (m.to IS NULL OR m.to >= $asOf)
              RETURN m ORDER BY m.from, m.id } AS markers,
    [] AS parents, [] AS everCarried, null AS agency, null AS worksFor
  UNION ALL
  UNWIND $professionals AS id
  MATCH (pro:Professional {id: id})-[w:WORKS_FOR]->(ag:Agency)
  RETURN 'Professional' AS label, id, [] AS markers, [] AS parents, [] AS everCarried, ag AS agency,
         elementId(w) AS worksFor
}
RETURN label, id, markers, parents, everCarried, agency, worksFor

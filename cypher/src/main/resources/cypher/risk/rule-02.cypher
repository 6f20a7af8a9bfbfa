// Rule 2: addresses linked to a registered sex offender (who lived there while registered) or to a
// sexual-abuse referral about someone living there, that carry no address marker on asOf. The Java
// side checks the periods; residents on asOf come along for severity and for the people concerned.
CALL () {
  MATCH (m:Marker {type: 'REGISTERED_SEX_OFFENDER'})-[:ON]->(o:Person)
  WHERE m.from IS NULL OR m.from <= $asOf
  MATCH (o)-[l:LIVES_AT]->(a:Address)
  WHERE l.from IS NULL OR l.from <= $asOf
  RETURN a, {link: 'RSO', id: o.id, name: trim(coalesce(o.givenName, '') + ' ' + coalesce(o.familyName, '')),
             markerId: m.id, markerFrom: m.from, markerTo: m.to, from: l.from, to: l.to, key: l.key} AS link
  UNION ALL
  MATCH (r:Referral {concern: 'SEXUAL_ABUSE'})-[:ABOUT]->(c:Person)-[l:LIVES_AT]->(a:Address)
  WHERE date(r.receivedAt) <= $asOf
  RETURN a, {link: 'REFERRAL', id: c.id, name: trim(coalesce(c.givenName, '') + ' ' + coalesce(c.familyName, '')),
             referralId: r.id, day: date(coalesce(r.incidentAt, r.receivedAt)), from: l.from, to: l.to, key: l.key} AS link
}
WITH a, collect(link) AS links
WHERE NOT EXISTS { MATCH (a)<-[:ON]-(am:Marker)
                   WHERE (am.from IS NULL OR am.from <= $asOf) AND (am.to IS NULL OR am.to >= $asOf) }
RETURN a, links,
       COLLECT { MATCH (a)<-[l:LIVES_AT]-(p:Person)
                 WHERE (l.from IS NULL OR l.from <= $asOf) AND (l.to IS NULL OR l.to >= $asOf)
                 RETURN {id: p.id, dateOfBirth: p.dateOfBirth, deceasedOn: p.deceasedOn} } AS residents

// Rule 2, the whole area: addresses linked to a registered sex offender (who lived there while
// registered) or to a sexual-abuse referral (received by the end of asOf, London time) about someone
// living there, that carry no address marker on asOf. The Java side checks the periods; residents
// on asOf come along for severity and for the people concerned.
CALL () {
  MATCH (m:Marker {type: 'REGISTERED_SEX_OFFENDER'})-[:ON]->(:Person)-[l:LIVES_AT]->(a:Address)
  WHERE (m.from IS NULL OR m.from <= $asOf) AND (l.from IS NULL OR l.from <= $asOf)
  RETURN a
  UNION
  MATCH (r:Referral {concern: 'SEXUAL_ABUSE'})-[:ABOUT]->(:Person)-[:LIVES_AT]->(a:Address)
  WHERE r.receivedAt < $dayEnd
  RETURN a
}
WITH DISTINCT a
WHERE NOT EXISTS { MATCH (a)<-[:ON]-(am:Marker)
                   WHERE (am.from IS NULL OR am.from <= $asOf) AND (am.to IS NULL OR am.to >= $asOf) }
RETURN a,
       COLLECT { MATCH (a)<-[l:LIVES_AT]-(o:Person)<-[:ON]-(m:Marker {type: 'REGISTERED_SEX_OFFENDER'})
                 WHERE (m.from IS NULL OR m.from <= $asOf) AND (l.from IS NULL OR l.from <= $asOf)
                 WITH o, m, l ORDER BY o.id, m.id, l.from
                 RETURN {link: 'RSO', id: o.id, name: trim(coalesce(o.givenName, '') + ' ' + coalesce(o.familyName, '')),
                         markerId: m.id, markerFrom: m.from, markerTo: m.to, from: l.from, to: l.to, key: l.key} }
     + COLLECT { MATCH (a)<-[l:LIVES_AT]-(c:Person)<-[:ABOUT]-(r:Referral {concern: 'SEXUAL_ABUSE'})
                 WHERE r.receivedAt < $dayEnd
                 WITH c, r, l ORDER BY c.id, r.receivedAt, r.id, l.from
                 RETURN {link: 'REFERRAL', id: c.id, name: trim(coalesce(c.givenName, '') + ' ' + coalesce(c.familyName, '')),
                         referralId: r.id,
                         day: date(datetime({datetime: coalesce(r.incidentAt, r.receivedAt), timezone: 'Europe/London'})),
                         from: l.from, to: l.to, key: l.key} } AS links,
       COLLECT { MATCH (a)<-[l:LIVES_AT]-(p:Person)
                 WHERE (l.from IS NULL OR l.from <= $asOf) AND (l.to IS NULL OR l.to >= $asOf)
                 WITH p ORDER BY p.id
                 RETURN {id: p.id, dateOfBirth: p.dateOfBirth, deceasedOn: p.deceasedOn} } AS residents
ORDER BY a.id

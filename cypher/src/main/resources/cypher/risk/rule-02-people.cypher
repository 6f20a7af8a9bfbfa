// Rule 2 for the people given (index seeks on their ids): the addresses they live or lived at that
// carry no address marker on asOf, with the same links and residents as risk/rule-02 (the Java side
// keeps an address when one of the people is among those it concerns).
UNWIND $ids AS id
MATCH (:Person {id: id})-[:LIVES_AT]->(a:Address)
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

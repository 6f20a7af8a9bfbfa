// For a batch of people: the person, current involvements with professional and agency, and the
// facts the gap rules need (current protection plan, HSB marker or recent HSB referral, CSA
// victim marker, registered sex offender marker, and current co-residence with an RSO, whose id and
// name the caller shows only to a user who may see them).
UNWIND $ids AS id
MATCH (p:Person {id: id})
RETURN p,
  COLLECT { MATCH (p)<-[i:INVOLVED_WITH]-(pro:Professional)-[:WORKS_FOR]->(ag:Agency)
            WHERE (i.from IS NULL OR i.from <= $asOf) AND (i.to IS NULL OR i.to >= $asOf)
            RETURN {agency: ag, professional: pro, role: i.role, from: i.from, to: i.to,
                    lastContactOn: i.lastContactOn} ORDER BY ag.id, i.from } AS involvements,
  COLLECT { MATCH (p)<-[:ON]-(m:Marker)
            WHERE (m.from IS NULL OR m.from <= $asOf) AND (m.to IS NULL OR m.to >= $asOf)
            RETURN {type: m.type, from: m.from} } AS markers,
  COLLECT { MATCH (p)<-[:ABOUT]-(r:Referral {concern: 'HSB'})
            WHERE date(r.receivedAt) <= $asOf AND date(r.receivedAt) > $asOf - duration('P12M')
            RETURN date(r.receivedAt) } AS hsbReferrals,
  COLLECT { MATCH (p)-[l1:LIVES_AT]->(:Address)<-[l2:LIVES_AT]-(o:Person)<-[:ON]-(m:Marker {type: 'REGISTERED_SEX_OFFENDER'})
            WHERE o <> p
              AND (l1.from IS NULL OR l1.from <= $asOf) AND (l1.to IS NULL OR l1.to >= $asOf)
              AND (l2.from IS NULL OR l2.from <= $asOf) AND (l2.to IS NULL OR l2.to >= $asOf)
              AND (m.from IS NULL OR m.from <= $asOf) AND (m.to IS NULL OR m.to >= $asOf)
            RETURN DISTINCT {id: o.id, name: trim(coalesce(o.givenName, '') + ' ' + coalesce(o.familyName, ''))}
          } AS rsoHousehold

// For people the user may not see (shown as RESTRICTED_PERSON placeholders): the agencies that hold
// information about them on $today, so that the user knows whom to ask. An agency holds information
// when one of its professionals is involved with the person (an involvement that ended on or after
// $involvementEndedOnOrAfter still counts), when it recorded a marker on them that is current, or
// when it referred them, from its own systems. Only what came from an agency's own systems (an
// import) counts, never what a user recorded through the API: a marker recorded under a break-glass
// grant does not make the agency a holder once the grant ends (DESIGN §7: recording never creates a
// relationship by itself). Only people who exist give a row.
UNWIND $ids AS id
MATCH (p:Person {id: id})
RETURN id, COLLECT {
    MATCH (p)<-[i:INVOLVED_WITH]-(:Professional)-[:WORKS_FOR]->(a:Agency)
    WHERE (i.from IS NULL OR i.from <= $today) AND (i.to IS NULL OR i.to >= $involvementEndedOnOrAfter)
    RETURN a
    UNION
    MATCH (p)<-[:ON]-(m:Marker)
    WHERE (m.from IS NULL OR m.from <= $today) AND (m.to IS NULL OR m.to >= $today) AND m.recordedVia IS NULL
    MATCH (a:Agency {id: m.source})
    RETURN a
    UNION
    MATCH (p)<-[:ABOUT]-(r:Referral)-[:FROM]->(a:Agency)
    WHERE r.source = a.id AND r.recordedVia IS NULL
    RETURN a
  } AS holders

// For a batch of candidate children: the person, their parent links, assessments, whether a
// protection plan is current, and the agencies currently involved (one call per request).
UNWIND $ids AS id
MATCH (c:Person {id: id})
RETURN c,
  COLLECT { MATCH (par:Person)-[pl:PARENT_OF]->(c) WHERE pl.from IS NULL OR pl.from <= $asOf
            RETURN {id: par.id, kind: pl.kind, from: pl.from} } AS parents,
  COLLECT { MATCH (c)<-[:OF]-(a:Assessment) WHERE a.startedOn <= $asOf RETURN a.startedOn } AS assessments,
  EXISTS { MATCH (c)<-[:ON]-(m:Marker {type: 'CHILD_PROTECTION_PLAN'})
           WHERE (m.from IS NULL OR m.from <= $asOf) AND (m.to IS NULL OR m.to >= $asOf) } AS onPlan,
  COLLECT { MATCH (c)<-[i:INVOLVED_WITH]-(:Professional)-[:WORKS_FOR]->(ag:Agency)
            WHERE (i.from IS NULL OR i.from <= $asOf) AND (i.to IS NULL OR i.to >= $asOf)
            RETURN DISTINCT ag } AS agencies

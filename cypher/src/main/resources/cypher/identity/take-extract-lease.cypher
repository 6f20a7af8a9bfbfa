// Takes the lease on resolving agency extracts for $holder: one extract is resolved at a time across
// every instance on the store (two at once could each give one new NHS number to a person of its own,
// neither seeing the other's write). Taken when free, or left by a holder whose beat is older than
// $staleSeconds (its instance ended). The node is locked first (leaseAsked is set), so that the holder
// read is the last committed one and two instances never both take it. Times are the database's.
MERGE (g:IdentityGeneration {id: 'identity'})
  ON CREATE SET g.value = 0
SET g.leaseAsked = datetime.realtime()
WITH g, g.extractHolder IS NULL
        OR g.extractHolder = $holder
        OR coalesce(g.extractBeat < datetime.realtime() - duration({seconds: $staleSeconds}), true) AS free
FOREACH (_ IN CASE WHEN free THEN [1] ELSE [] END |
  SET g.extractHolder = $holder, g.extractSource = $source, g.extractSince = datetime.realtime(),
      g.extractBeat = datetime.realtime())
RETURN free AS taken, g.extractSource AS source, toString(g.extractSince) AS since

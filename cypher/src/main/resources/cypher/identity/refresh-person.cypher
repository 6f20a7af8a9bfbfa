// Recomputes a person's fields from their records after a merge or split: anchored records first
// (they gave the person its id), then in the order they were linked; each field from the first
// record that has it; aliases from all; the other records' names kept for search. A record whose
// agency changed it since it was linked, while a steward is asked about it (a pending
// CHANGED_SINCE_LINKED question), comes last, and its aliases count only when no other record gives
// any: what it now says is disputed (review 95: the next refresh renamed the person after it).
MATCH (p:Person {id: $id})
WITH p, COLLECT {
    MATCH (r:SourceRecord)-[:RECORD_OF]->(p)
    WITH r, EXISTS {
        (r)<-[:OF_RECORD]-(:MatchCandidate {status: 'PENDING', reason: 'CHANGED_SINCE_LINKED'})-[:MAYBE]->(p)
      } AS disputed
    RETURN {r: r, disputed: disputed} AS x
      ORDER BY disputed, coalesce(r.anchored, false) DESC, r.linkedAt, r.key
  } AS xs
WHERE size(xs) > 0
WITH p, [x IN xs | x.r] AS rs, [x IN xs WHERE NOT x.disputed | x.r] AS settled
WITH p, rs,
     reduce(all = [], r IN CASE WHEN size(settled) > 0 THEN settled ELSE rs END |
       all + [a IN coalesce(r.aliases, []) WHERE NOT a IN all]) AS aliases
SET p.givenName = head([r IN rs WHERE r.givenName IS NOT NULL | r.givenName]),
    p.familyName = head([r IN rs WHERE r.familyName IS NOT NULL | r.familyName]),
    p.dateOfBirth = head([r IN rs WHERE r.dateOfBirth IS NOT NULL | r.dateOfBirth]),
    p.dobEstimated = coalesce(head([r IN rs WHERE r.dateOfBirth IS NOT NULL | r.dobEstimated]), false),
    p.sex = head([r IN rs WHERE r.sex IS NOT NULL | r.sex]),
    p.deceasedOn = head([r IN rs WHERE r.deceasedOn IS NOT NULL | r.deceasedOn]),
    p.nhsNumber = head([r IN rs WHERE r.nhsNumber IS NOT NULL | r.nhsNumber]),
    p.pncId = head([r IN rs WHERE r.pncId IS NOT NULL | r.pncId]),
    p.upn = head([r IN rs WHERE r.upn IS NOT NULL | r.upn]),
    p.laCaseNumber = head([r IN rs WHERE r.laCaseNumber IS NOT NULL | r.laCaseNumber]),
    p.probationCrn = head([r IN rs WHERE r.probationCrn IS NOT NULL | r.probationCrn]),
    p.aliases = CASE WHEN size(aliases) = 0 THEN null ELSE aliases END
WITH p, aliases, reduce(names = [], r IN tail(rs) |
       CASE WHEN trim(coalesce(r.givenName, '') + ' ' + coalesce(r.familyName, '')) IN names + ['']
            THEN names ELSE names + trim(coalesce(r.givenName, '') + ' ' + coalesce(r.familyName, '')) END) AS names
SET p.recordNames = names,
    p.aliasesText = CASE WHEN size(aliases + names) = 0 THEN null
                    ELSE reduce(text = '', n IN aliases + names | text + ' ' + n) END

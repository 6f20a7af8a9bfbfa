// Recomputes a person's fields from their records after a merge or split: anchored records first
// (they gave the person its id), then in the order they were linked (the one that made the person first); each field from the first
// record that has it; aliases from all; the other records' names kept for search.
MATCH (p:Person {id: $id})
WITH p, COLLECT {
    MATCH (r:SourceRecord)-[:RECORD_OF]->(p)
    // of one import (one linkedAt), the record that made the person first, then in the extract's order,
    // as the import wrote them (review 98: by key alone, police:P10 came before police:P9 and renamed the
    // person; review 99: a steward's keep makes the first one REVIEW, and its place still counts)
    RETURN r ORDER BY coalesce(r.anchored, false) DESC, r.linkedAt, CASE r.linkedBy WHEN 'NEW' THEN 0 ELSE 1 END,
                      r.linkedSeq, r.key
  } AS rs
WHERE size(rs) > 0
WITH p, rs,
     reduce(all = [], r IN rs | all + [a IN coalesce(r.aliases, []) WHERE NOT a IN all]) AS aliases
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

UNWIND $rows AS row
MERGE (n:Person {id: row.id})
  ON CREATE SET n.recordedAt = coalesce(row.recordedAt, $now)
SET n.givenName = row.givenName, n.familyName = row.familyName,
    n.aliases = CASE WHEN size(row.aliases) = 0 THEN null ELSE row.aliases END,
    // the full-text index reads aliases as one text
    n.aliasesText = CASE WHEN size(row.aliases) = 0 THEN null
                    ELSE reduce(text = '', alias IN row.aliases | text + ' ' + alias) END,
    n.dateOfBirth = row.dateOfBirth, n.dobEstimated = row.dobEstimated, n.sex = row.sex,
    n.deceasedOn = row.deceasedOn, n.nhsNumber = row.nhsNumber, n.pncId = row.pncId,
    n.laCaseNumber = row.laCaseNumber, n.upn = row.upn, n.probationCrn = row.probationCrn,
    n.source = row.source, n.recordedAt = coalesce(row.recordedAt, n.recordedAt)

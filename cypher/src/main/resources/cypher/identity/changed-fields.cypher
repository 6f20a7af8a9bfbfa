// What a record's agency sent in the version a CHANGED_SINCE_LINKED question holds (the candidate's
// properties named new_…; newFieldNames lists them all, absent ones being fields the version left
// out): applied to the record when a steward keeps it or splits it off (review 96: written at once,
// a disputed version became the person's and the yardstick of its other records).
MATCH (m:MatchCandidate {id: $id})
RETURN properties(m) AS props

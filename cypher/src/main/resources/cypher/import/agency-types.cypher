// The stored type of each of these agencies that exists: an import is checked against it, since an
// agency's type decides what its users see (index seeks on the agency id constraint).
UNWIND $ids AS id
MATCH (a:Agency {id: id})
RETURN a.id AS id, a.type AS type

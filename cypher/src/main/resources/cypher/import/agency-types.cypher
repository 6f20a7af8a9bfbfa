// The stored type and name of each of these agencies that exists: an import is checked against
// them, since an agency's type decides what its users see and every user reads its name as who
// holds information (index seeks on the agency id constraint).
UNWIND $ids AS id
MATCH (a:Agency {id: id})
RETURN a.id AS id, a.type AS type, a.name AS name

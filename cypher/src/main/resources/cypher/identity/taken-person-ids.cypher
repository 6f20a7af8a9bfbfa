// Identity resolution with the store's person records held in memory: which of the ids new persons
// would get are taken already (by any person, with records or without).
UNWIND $ids AS id
MATCH (p:Person {id: id})
USING INDEX SEEK p:Person(id)
RETURN id

UNWIND $ids AS id
MATCH (a:Address {id: id})
RETURN a

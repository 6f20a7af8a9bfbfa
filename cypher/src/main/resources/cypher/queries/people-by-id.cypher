// People by id, for the ids given (an unknown id gives no row).
UNWIND $ids AS id
MATCH (p:Person {id: id})
RETURN p

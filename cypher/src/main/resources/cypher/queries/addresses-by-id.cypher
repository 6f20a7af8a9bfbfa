// Addresses by id, for the ids given (an unknown id gives no row).
UNWIND $ids AS id
MATCH (a:Address {id: id})
RETURN a

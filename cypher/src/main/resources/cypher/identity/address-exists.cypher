// Whether an address of this id exists (a split's new address takes a free id).
MATCH (a:Address {id: $id})
RETURN a.id AS id

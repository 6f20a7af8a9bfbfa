// Whether a person ($otherId) is near a person the user may see ($id): within six hops of family,
// household, address, contact, meeting and action links, as far as any answer about $id can show a
// placeholder (a network of depth 3, a connection of up to 6 hops, a family's households). A
// placeholder is read back only in the answer of someone near it.
MATCH (a:Person {id: $id}), (b:Person {id: $otherId})
OPTIONAL MATCH p = shortestPath((a)-[:PARENT_OF|PARTNER_OF|SIBLING_OF|LIVES_AT|HAS_CONTACT_WITH|CONCERNS|FOR|AGREED*..6]-(b))
RETURN p IS NOT NULL AS near

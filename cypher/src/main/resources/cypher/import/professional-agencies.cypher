// The agency each of these professionals works for, where the professional exists: an import that
// moves one to another agency changes who sees the people they are involved with, so it is named.
UNWIND $ids AS id
MATCH (p:Professional {id: id})-[:WORKS_FOR]->(a:Agency)
RETURN p.id AS id, a.id AS agency

// How many people the graph holds.
MATCH (p:Person)
RETURN count(p) AS people

MATCH (p:Person)
RETURN count(p) AS people

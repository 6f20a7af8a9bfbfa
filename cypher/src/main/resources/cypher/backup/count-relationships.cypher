// How many relationships a restore wrote.
MATCH ()-[r]->()
RETURN count(r) AS c

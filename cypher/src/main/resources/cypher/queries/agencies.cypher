// Every agency (a few dozen at most), for the redaction policy: types and names by id.
MATCH (a:Agency)
RETURN a

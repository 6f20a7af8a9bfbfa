CREATE INDEX person_upn IF NOT EXISTS FOR (n:Person) ON (n.upn);

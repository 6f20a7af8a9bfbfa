CREATE INDEX person_pnc_id IF NOT EXISTS FOR (n:Person) ON (n.pncId);

CREATE INDEX person_nhs_number IF NOT EXISTS FOR (n:Person) ON (n.nhsNumber);

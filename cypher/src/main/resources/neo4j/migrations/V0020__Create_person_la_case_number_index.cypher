CREATE INDEX person_la_case_number IF NOT EXISTS FOR (n:Person) ON (n.laCaseNumber);

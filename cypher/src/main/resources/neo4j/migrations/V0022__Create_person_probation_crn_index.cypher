CREATE INDEX person_probation_crn IF NOT EXISTS FOR (n:Person) ON (n.probationCrn);

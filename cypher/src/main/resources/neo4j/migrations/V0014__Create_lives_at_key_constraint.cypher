// Relationships without an id of their own are identified by a key made of their endpoints,
// type or kind and start date (DESIGN §4), so re-imports and concurrent imports MERGE onto one.
CREATE CONSTRAINT lives_at_key IF NOT EXISTS FOR ()-[r:LIVES_AT]-() REQUIRE r.key IS UNIQUE;

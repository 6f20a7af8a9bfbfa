// Relationships without an id of their own are identified by a key made of their endpoints,
// type or kind and start date (DESIGN §4), so re-imports and concurrent imports MERGE onto one.
CREATE CONSTRAINT sibling_of_key IF NOT EXISTS FOR ()-[r:SIBLING_OF]-() REQUIRE r.key IS UNIQUE;

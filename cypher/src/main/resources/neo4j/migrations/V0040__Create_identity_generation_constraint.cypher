// The identity generation: one node, made by the first write that moves it on
// (identity/bump-generation: every write that changes person records, the persons they belong to
// or what those persons hold), so that an import resolving against the records it holds in memory
// can tell that nobody else changed them (identity/generation). Unique, so that two first writers
// at once make one node.
CREATE CONSTRAINT identity_generation_id IF NOT EXISTS FOR (n:IdentityGeneration) REQUIRE n.id IS UNIQUE;

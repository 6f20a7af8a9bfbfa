// Identity resolution (DESIGN §9): every person and address record an agency sent is kept as a
// source record keyed by (source, localId), linked to the one resolved Person or Address it belongs
// to. The key is also kept whole ("source:localId") for the relationships that remember which
// records they came through.
CREATE CONSTRAINT source_record_key IF NOT EXISTS FOR (n:SourceRecord) REQUIRE (n.source, n.localId) IS UNIQUE;
CREATE CONSTRAINT address_record_key IF NOT EXISTS FOR (n:AddressRecord) REQUIRE (n.source, n.localId) IS UNIQUE;
CREATE INDEX source_record_whole_key IF NOT EXISTS FOR (n:SourceRecord) ON (n.key);

// How many person records the store holds (from the count store, not a scan): whether holding them
// in memory for an extract's resolution is worth reading them all (Resolution).
MATCH (r:SourceRecord)
RETURN count(r) AS records

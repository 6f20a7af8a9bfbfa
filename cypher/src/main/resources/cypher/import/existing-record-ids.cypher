// For an agency extract: which of the local ids it refers to are records of an earlier extract of
// the same source (people and addresses as source records, professionals under source:localId);
// agencies keep the partnership's ids.
RETURN [id IN $people WHERE EXISTS { MATCH (:SourceRecord {source: $source, localId: id}) }] AS Person,
       [id IN $addresses WHERE EXISTS { MATCH (:AddressRecord {source: $source, localId: id}) }] AS Address,
       [id IN $agencies WHERE EXISTS { MATCH (:Agency {id: id}) }] AS Agency,
       [id IN $professionals WHERE EXISTS { MATCH (:Professional {id: $source + ':' + id}) }] AS Professional

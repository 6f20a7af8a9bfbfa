// Blocking keys of identity resolution: a record's candidates are found by index seeks on these,
// never by comparing all pairs (DESIGN §9). Identifiers, the date of birth, the family name's sound
// with the birth year, the given and family names' sounds, the given name with the birthday;
// addresses on UPRN and on postcode with the standardised first line.
CREATE INDEX source_record_nhs_number IF NOT EXISTS FOR (n:SourceRecord) ON (n.nhsNumber);
CREATE INDEX source_record_pnc IF NOT EXISTS FOR (n:SourceRecord) ON (n.pncKey);
CREATE INDEX source_record_upn IF NOT EXISTS FOR (n:SourceRecord) ON (n.upn);
CREATE INDEX source_record_bk_dob IF NOT EXISTS FOR (n:SourceRecord) ON (n.bkDob);
CREATE INDEX source_record_bk_family_year IF NOT EXISTS FOR (n:SourceRecord) ON (n.bkFamilyYear);
CREATE INDEX source_record_bk_names IF NOT EXISTS FOR (n:SourceRecord) ON (n.bkNames);
CREATE INDEX source_record_bk_given_day IF NOT EXISTS FOR (n:SourceRecord) ON (n.bkGivenDay);
CREATE INDEX address_record_uprn IF NOT EXISTS FOR (n:AddressRecord) ON (n.uprn);
CREATE INDEX address_record_match_key IF NOT EXISTS FOR (n:AddressRecord) ON (n.matchKey);

CREATE INDEX address_uprn IF NOT EXISTS FOR (n:Address) ON (n.uprn);

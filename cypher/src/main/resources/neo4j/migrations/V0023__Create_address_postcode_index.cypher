CREATE INDEX address_postcode IF NOT EXISTS FOR (n:Address) ON (n.postcode);

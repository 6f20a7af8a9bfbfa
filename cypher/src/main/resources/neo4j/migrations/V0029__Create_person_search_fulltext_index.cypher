// Names, aliases and identifiers, folded to ASCII and lower case so that searches are case- and
// accent-insensitive ("chloe" finds "Chloé").
CREATE FULLTEXT INDEX person_search IF NOT EXISTS
FOR (n:Person) ON EACH [n.givenName, n.familyName, n.aliasesText, n.nhsNumber, n.pncId]
OPTIONS { indexConfig: { `fulltext.analyzer`: 'standard-folding', `fulltext.eventually_consistent`: false } };

// A break-glass grant: this user of this agency may see the person named, and their family and
// household, from $grant.from until $grant.until, for the stated purpose and reason.
CREATE (g:BreakGlass)
SET g = $grant
RETURN g, null AS review, 0 AS uses

// Need-to-know: a user's running break-glass grants found by user; information requests unique by
// id and found by the agency that made them (those addressed to an agency are found through it).
CREATE INDEX break_glass_user IF NOT EXISTS FOR (n:BreakGlass) ON (n.user);
CREATE CONSTRAINT information_request_id IF NOT EXISTS FOR (n:InformationRequest) REQUIRE n.id IS UNIQUE;
CREATE INDEX information_request_from_agency IF NOT EXISTS FOR (n:InformationRequest) ON (n.fromAgency);

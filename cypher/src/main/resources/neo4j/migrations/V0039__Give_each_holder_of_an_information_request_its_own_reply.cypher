// Data, not schema: each agency an information request is addressed to replies on its own
// ADDRESSED_TO relationship (hostile review 61: one holder's answer reached every holder, and one
// holder closed the request for all). A request made before: an open one is open to every holder;
// a closed one keeps its answer (or reason), user and time on the reply of the agency that gave them,
// and every other holder's reply says it did not reply (DECLINED, with that reason, at the time the
// request was closed). Both statements change only what is still in the old form, so applying them
// again changes nothing.
MATCH (r:InformationRequest)-[x:ADDRESSED_TO]->(a:Agency)
WHERE x.status IS NULL
WITH r, x, a, r.status = 'OPEN' OR r.closedByAgency = a.id AS own
SET x.status = CASE WHEN own THEN r.status ELSE 'DECLINED' END,
    x.answer = CASE WHEN own THEN r.answer END,
    x.declineReason = CASE WHEN own THEN r.declineReason
                           ELSE 'Not replied: the request was closed when another agency it was addressed to replied, '
                                + 'before each agency replied on its own' END,
    x.closedBy = CASE WHEN own THEN r.closedBy END,
    x.closedAt = r.closedAt;
MATCH (r:InformationRequest)
WHERE r.answer IS NOT NULL OR r.declineReason IS NOT NULL OR r.closedBy IS NOT NULL
   OR r.closedByAgency IS NOT NULL OR r.closedAt IS NOT NULL
REMOVE r.answer, r.declineReason, r.closedBy, r.closedByAgency, r.closedAt;

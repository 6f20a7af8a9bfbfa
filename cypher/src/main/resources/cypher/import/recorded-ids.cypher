// Which of a bundle's record ids are records a user recorded through the explorer (recordedVia set):
// an import never changes or takes over one of them. $prefix is an agency extract's "source:" (its
// records are stored under source:localId), null for a bundle without resolve.
RETURN [id IN $referrals WHERE EXISTS {
          MATCH (n:Referral {id: coalesce($prefix, '') + id}) WHERE n.recordedVia IS NOT NULL }] AS referrals,
       [id IN $meetings WHERE EXISTS {
          MATCH (n:Meeting {id: coalesce($prefix, '') + id}) WHERE n.recordedVia IS NOT NULL }] AS meetings,
       [id IN $actions WHERE EXISTS {
          MATCH (n:Action {id: coalesce($prefix, '') + id}) WHERE n.recordedVia IS NOT NULL }] AS actions,
       [id IN $assessments WHERE EXISTS {
          MATCH (n:Assessment {id: coalesce($prefix, '') + id}) WHERE n.recordedVia IS NOT NULL }] AS assessments,
       [id IN $markers WHERE EXISTS {
          MATCH (n:Marker {id: coalesce($prefix, '') + id}) WHERE n.recordedVia IS NOT NULL }] AS markers

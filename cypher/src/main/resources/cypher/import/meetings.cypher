// One row is one meeting with its concerns, attendance and agreed actions, written together;
// recordedVia is 'API' for a meeting written by recordStrategyMeeting (its attendance then never
// makes a need-to-know relationship), null for an import. Chair, decision (with its reason) and the
// next meeting's day are optional.
UNWIND $rows AS row
MERGE (m:Meeting {id: row.id})
  ON CREATE SET m.recordedAt = coalesce(row.recordedAt, $now)
SET m.kind = row.kind, m.heldOn = row.heldOn, m.source = row.source,
    m.chair = row.chair, m.decision = row.decision, m.decisionReason = row.decisionReason,
    m.nextMeetingOn = row.nextMeetingOn,
    m.recordedAt = coalesce(row.recordedAt, m.recordedAt), m.recordedVia = row.recordedVia
WITH m, row
CALL (m, row) {
  MATCH (m)-[old:CONCERNS]->(p) WHERE NOT p.id IN row.concerns
  DELETE old
}
CALL (m, row) {
  UNWIND range(0, size(row.concerns) - 1) AS i
  MATCH (p:Person {id: row.concerns[i]})
  MERGE (m)-[c:CONCERNS]->(p)
    ON CREATE SET c.recordedAt = coalesce(row.recordedAt, $now)
  SET c.source = row.source, c.toRecord = row.concernRecords[i]
}
CALL (m, row) {
  UNWIND row.attendance AS attendance
  MATCH (a:Agency {id: attendance.agency})
  MERGE (a)-[r:ATTENDED {key: attendance.agency + '|' + row.id}]->(m)
    ON CREATE SET r.recordedAt = coalesce(row.recordedAt, $now)
  SET r.invited = attendance.invited, r.attended = attendance.attended, r.source = row.source,
      r.recordedVia = row.recordedVia
}
CALL (m, row) {
  UNWIND row.actions AS act
  MERGE (x:Action {id: act.id})
    ON CREATE SET x.recordedAt = coalesce(row.recordedAt, $now)
  SET x.description = act.description, x.dueOn = act.dueOn, x.completedOn = act.completedOn,
      x.source = row.source, x.recordedVia = row.recordedVia
  // the agency's record now says whether it is done: a completion made in the explorer is no longer
  // there to undo; one recorded with the meeting in the explorer is (review 87)
  SET x.completedVia = CASE WHEN row.recordedVia = 'API' AND act.completedOn IS NOT NULL THEN 'API' END
  MERGE (m)-[agreed:AGREED]->(x)
    ON CREATE SET agreed.recordedAt = coalesce(row.recordedAt, $now)
  SET agreed.source = row.source
  WITH x, act, row
  CALL (x, act) {
    MATCH (x)-[old:OWNED_BY]->(owner) WHERE act.owner IS NULL OR owner.id <> act.owner
    DELETE old
  }
  CALL (x, act, row) {
    MATCH (owner:Agency {id: act.owner})
    MERGE (x)-[o:OWNED_BY]->(owner)
      ON CREATE SET o.recordedAt = coalesce(row.recordedAt, $now)
    SET o.source = row.source
  }
  CALL (x, act) {
    MATCH (x)-[old:FOR]->(p) WHERE NOT p.id IN act.for
    DELETE old
  }
  CALL (x, act, row) {
    UNWIND range(0, size(act.for) - 1) AS i
    MATCH (p:Person {id: act.for[i]})
    MERGE (x)-[f:FOR]->(p)
      ON CREATE SET f.recordedAt = coalesce(row.recordedAt, $now)
    SET f.source = row.source, f.toRecord = act.forRecords[i]
  }
}

// One meeting as recorded: its kind, day, chair, decision with its reason and the next meeting's
// day, the people it concerns, the attendance by agency and the actions agreed (owner, people, due).
MATCH (m:Meeting {id: $id})
RETURN m {.id, .kind, .heldOn, .chair, .decision, .decisionReason, .nextMeetingOn, .source} AS meeting,
       COLLECT { MATCH (m)-[:CONCERNS]->(p:Person) RETURN p.id ORDER BY p.id } AS concerns,
       COLLECT { MATCH (a:Agency)-[x:ATTENDED]->(m)
                 RETURN {agency: a {.id, .name, .type}, invited: x.invited, attended: x.attended} ORDER BY a.name } AS attendance,
       COLLECT { MATCH (m)-[:AGREED]->(x:Action)
                 OPTIONAL MATCH (x)-[:OWNED_BY]->(o:Agency)
                 RETURN {id: x.id, description: x.description, dueOn: x.dueOn, completedOn: x.completedOn,
                         owner: o {.id, .name, .type},
                         for: COLLECT { MATCH (x)-[:FOR]->(f:Person) RETURN f.id ORDER BY f.id }} ORDER BY x.dueOn, x.id } AS actions

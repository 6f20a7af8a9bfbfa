// Which of the ids a recording would create are taken already: a recording through the API makes
// new records and never changes (or takes over) an existing one.
RETURN COLLECT { UNWIND $referrals AS id MATCH (:Referral {id: id}) RETURN id }
     + COLLECT { UNWIND $meetings AS id MATCH (:Meeting {id: id}) RETURN id }
     + COLLECT { UNWIND $actions AS id MATCH (:Action {id: id}) RETURN id }
     + COLLECT { UNWIND $assessments AS id MATCH (:Assessment {id: id}) RETURN id }
     + COLLECT { UNWIND $markers AS id MATCH (:Marker {id: id}) RETURN id } AS taken

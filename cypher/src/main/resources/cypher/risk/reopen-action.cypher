// Undoes the completion of an action (reopenAction): it is open again, as before completeAction.
MATCH (ac:Action {id: $id})
REMOVE ac.completedOn

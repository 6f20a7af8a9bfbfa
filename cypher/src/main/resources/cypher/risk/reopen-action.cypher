// Undoes the completion of an action recorded through the explorer (reopenAction): it is open again,
// as before completeAction.
MATCH (ac:Action {id: $id})
REMOVE ac.completedOn, ac.completedVia

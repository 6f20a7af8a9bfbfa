// Undoes the completion of an action recorded through the explorer (reopenAction): it is open again,
// as before completeAction.
// An action whose completion meanwhile became its agency's own (a re-import), or was recorded again on
// another day than the one read, is left as it is.
MATCH (ac:Action {id: $id})
WHERE ac.completedVia = 'API' AND ac.completedOn = $completedOn
REMOVE ac.completedOn, ac.completedVia

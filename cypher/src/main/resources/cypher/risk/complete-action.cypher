// Records that an action was completed on a day, through the explorer (completedVia 'API'): only
// such a completion may be undone (reopen-action.cypher), never one an agency's own records gave.
// An action completed meanwhile (two people pressing "Done" at once) is left as it is: nothing is set,
// and the caller refuses the second completion.
MATCH (ac:Action {id: $id})
WHERE ac.completedOn IS NULL
SET ac.completedOn = $completedOn, ac.completedVia = 'API'

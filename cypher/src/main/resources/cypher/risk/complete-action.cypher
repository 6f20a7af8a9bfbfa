// Records that an action was completed on a day, through the explorer (completedVia 'API'): only
// such a completion may be undone (reopen-action.cypher), never one an agency's own records gave.
MATCH (ac:Action {id: $id})
SET ac.completedOn = $completedOn, ac.completedVia = 'API'

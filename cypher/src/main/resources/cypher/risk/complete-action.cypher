// Records that an action was completed on a day.
MATCH (ac:Action {id: $id})
SET ac.completedOn = $completedOn

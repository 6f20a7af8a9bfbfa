// completedActions reads the actions completed in a span of days by this index, not by every action.
CREATE INDEX action_completed_on IF NOT EXISTS FOR (n:Action) ON (n.completedOn);

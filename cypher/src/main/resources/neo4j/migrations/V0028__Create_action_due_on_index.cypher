CREATE INDEX action_due_on IF NOT EXISTS FOR (n:Action) ON (n.dueOn);

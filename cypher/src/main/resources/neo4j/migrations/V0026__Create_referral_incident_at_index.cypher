CREATE INDEX referral_incident_at IF NOT EXISTS FOR (n:Referral) ON (n.incidentAt);

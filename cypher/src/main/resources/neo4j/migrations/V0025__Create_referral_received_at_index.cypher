CREATE INDEX referral_received_at IF NOT EXISTS FOR (n:Referral) ON (n.receivedAt);

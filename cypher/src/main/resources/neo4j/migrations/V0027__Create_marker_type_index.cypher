CREATE INDEX marker_type IF NOT EXISTS FOR (n:Marker) ON (n.type);

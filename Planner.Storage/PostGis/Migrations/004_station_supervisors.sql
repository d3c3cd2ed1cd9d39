-- Workspace schema, version 4: full-time supervisors at a station (stations.geojson supervisors), read by
-- the Taicang supervision rule (one supervisor per 5 social workers). Existing rows keep it unknown (NULL).

ALTER TABLE stations ADD COLUMN supervisors integer;

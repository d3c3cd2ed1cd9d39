-- Workspace schema, version 3: a volunteer team's real-name registered members (teams.geojson
-- registered_members), which version 1 had no column for. Existing rows keep it unknown (NULL).

ALTER TABLE teams ADD COLUMN registered_members integer;

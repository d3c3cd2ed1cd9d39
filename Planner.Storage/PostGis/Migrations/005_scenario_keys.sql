-- Workspace schema, version 5: a scenario is keyed by its base region's key and its name, so two regions may
-- each have a scenario of the same name; results and circles carry the region too. Scenarios the API stored as
-- 'region/name' (names were global) get their bare name back, unless a scenario of that region already has
-- it (then the name stays as it was); the document's name follows.

ALTER TABLE circles DROP CONSTRAINT circles_scenario_result_fkey;
ALTER TABLE results DROP CONSTRAINT results_scenario_fkey;
ALTER TABLE results DROP CONSTRAINT results_pkey;
ALTER TABLE scenarios DROP CONSTRAINT scenarios_pkey;

CREATE TEMP TABLE scenario_rename ON COMMIT DROP AS
  SELECT s.name AS old, s.base_region AS region,
    CASE WHEN length(s.name) > length(s.base_region) + 1
          AND left(s.name, length(s.base_region) + 1) = s.base_region || '/'
          AND NOT EXISTS (SELECT 1 FROM scenarios t WHERE t.base_region = s.base_region AND t.name = substr(s.name, length(s.base_region) + 2))
      THEN substr(s.name, length(s.base_region) + 2) ELSE s.name END AS new
  FROM scenarios s;

ALTER TABLE results ADD COLUMN region text;
ALTER TABLE circles ADD COLUMN region text;
UPDATE results x SET region = r.region, scenario = r.new FROM scenario_rename r WHERE r.old = x.scenario;
UPDATE circles c SET region = r.region, scenario = r.new FROM scenario_rename r WHERE r.old = c.scenario;
UPDATE scenarios s SET name = r.new, document = jsonb_set(s.document, '{name}', to_jsonb(r.new))
  FROM scenario_rename r WHERE r.old = s.name AND r.new <> r.old;
DELETE FROM circles WHERE region IS NULL;
DELETE FROM results WHERE region IS NULL;
ALTER TABLE results ALTER COLUMN region SET NOT NULL;
ALTER TABLE circles ALTER COLUMN region SET NOT NULL;

ALTER TABLE scenarios ADD PRIMARY KEY (base_region, name);
ALTER TABLE results ADD PRIMARY KEY (region, scenario, name);
ALTER TABLE results ADD FOREIGN KEY (region, scenario) REFERENCES scenarios (base_region, name) ON DELETE CASCADE;
ALTER TABLE circles ADD FOREIGN KEY (region, scenario, result) REFERENCES results (region, scenario, name) ON DELETE CASCADE;

DROP INDEX circles_key;
CREATE INDEX circles_key ON circles (region, scenario, result, seq);

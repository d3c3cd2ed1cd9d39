-- Workspace schema, version 1. Runs with search_path set to the workspace schema first, then public
-- (where the postgis extension lives). Geometries are WGS84 (EPSG:4326).

CREATE TABLE regions (
  name        text PRIMARY KEY,
  version     bigint NOT NULL CHECK (version > 0),
  document    jsonb NOT NULL,
  updated_at  timestamptz NOT NULL
);

CREATE TABLE scenarios (
  name        text PRIMARY KEY,
  base_region text NOT NULL,
  version     bigint NOT NULL CHECK (version > 0),
  document    jsonb NOT NULL,
  updated_at  timestamptz NOT NULL
);

-- json (not jsonb): a result document is returned exactly as it was saved.
CREATE TABLE results (
  scenario    text NOT NULL REFERENCES scenarios (name) ON DELETE CASCADE,
  name        text NOT NULL,
  version     bigint NOT NULL CHECK (version > 0),
  document    json NOT NULL,
  updated_at  timestamptz NOT NULL,
  PRIMARY KEY (scenario, name)
);

CREATE TABLE units (
  fid bigserial PRIMARY KEY,
  region text NOT NULL REFERENCES regions (name) ON DELETE CASCADE,
  seq integer NOT NULL,
  code text, name text, level text, parent text, modelled integer,
  geom geometry(Geometry, 4326) NOT NULL
);

CREATE TABLE roads (
  fid bigserial PRIMARY KEY,
  region text NOT NULL REFERENCES regions (name) ON DELETE CASCADE,
  seq integer NOT NULL,
  road_id text, highway text, tags jsonb,
  geom geometry(LineString, 4326) NOT NULL
);

CREATE TABLE demand (
  fid bigserial PRIMARY KEY,
  region text NOT NULL REFERENCES regions (name) ON DELETE CASCADE,
  seq integer NOT NULL,
  point_id text, unit text, total double precision, counts jsonb,
  geom geometry(Point, 4326) NOT NULL
);

CREATE TABLE stations (
  fid bigserial PRIMARY KEY,
  region text NOT NULL REFERENCES regions (name) ON DELETE CASCADE,
  seq integer NOT NULL,
  station_id text, name text, level text, status text, social_workers integer, unit text,
  geom geometry(Point, 4326) NOT NULL
);

CREATE TABLE teams (
  fid bigserial PRIMARY KEY,
  region text NOT NULL REFERENCES regions (name) ON DELETE CASCADE,
  seq integer NOT NULL,
  team_id text, name text, members integer, active_members integer, skills jsonb, weekly_hours double precision, unit text,
  geom geometry(Point, 4326) NOT NULL
);

CREATE TABLE needs (
  fid bigserial PRIMARY KEY,
  region text NOT NULL REFERENCES regions (name) ON DELETE CASCADE,
  seq integer NOT NULL,
  need_id text, kind text, population_group text, hours_per_week double precision, unit text,
  geom geometry(Point, 4326) NOT NULL
);

CREATE TABLE candidates (
  fid bigserial PRIMARY KEY,
  region text NOT NULL REFERENCES regions (name) ON DELETE CASCADE,
  seq integer NOT NULL,
  candidate_id text, name text, cost double precision,
  geom geometry(Point, 4326) NOT NULL
);

CREATE TABLE circles (
  fid bigserial PRIMARY KEY,
  scenario text NOT NULL,
  result text NOT NULL,
  seq integer NOT NULL,
  station_id text, limit_minutes double precision,
  geom geometry(Geometry, 4326) NOT NULL,
  FOREIGN KEY (scenario, result) REFERENCES results (scenario, name) ON DELETE CASCADE
);

CREATE INDEX units_key ON units (region, seq);
CREATE INDEX roads_key ON roads (region, seq);
CREATE INDEX demand_key ON demand (region, seq);
CREATE INDEX stations_key ON stations (region, seq);
CREATE INDEX teams_key ON teams (region, seq);
CREATE INDEX needs_key ON needs (region, seq);
CREATE INDEX candidates_key ON candidates (region, seq);
CREATE INDEX circles_key ON circles (scenario, result, seq);

CREATE INDEX units_geom ON units USING gist (geom);
CREATE INDEX roads_geom ON roads USING gist (geom);
CREATE INDEX demand_geom ON demand USING gist (geom);
CREATE INDEX stations_geom ON stations USING gist (geom);
CREATE INDEX teams_geom ON teams USING gist (geom);
CREATE INDEX needs_geom ON needs USING gist (geom);
CREATE INDEX candidates_geom ON candidates USING gist (geom);
CREATE INDEX circles_geom ON circles USING gist (geom);

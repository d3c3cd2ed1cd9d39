-- Workspace schema, version 2: existing public buildings (public_buildings.geojson), a region layer like
-- candidates. Workspaces created at version 1 get an empty table; their regions read back with no buildings.

CREATE TABLE public_buildings (
  fid bigserial PRIMARY KEY,
  region text NOT NULL REFERENCES regions (name) ON DELETE CASCADE,
  seq integer NOT NULL,
  building_id text, name text, kind text, source text,
  geom geometry(Point, 4326) NOT NULL
);

CREATE INDEX public_buildings_key ON public_buildings (region, seq);
CREATE INDEX public_buildings_geom ON public_buildings USING gist (geom);

#!/usr/bin/env bash
# Rebuilds the sample regions data/guixi and data/porto-alegre from ../shared/data with the planner CLI.
#   scripts/build-samples.sh            rebuild into data/ (then `git diff data/` shows any change)
#   scripts/build-samples.sh --check    rebuild into a temporary folder and fail if it differs from data/
# SHARED_DATA overrides the source folder (default: ../shared/data next to the repository).
set -euo pipefail
cd "$(dirname "$0")/.."
SHARED="${SHARED_DATA:-../shared/data}"
OUT=data
CHECK=0
if [[ "${1:-}" == "--check" ]]; then
  CHECK=1
  OUT="$(mktemp -d)"
  trap 'rm -rf "$OUT"' EXIT
fi

dotnet build Planner.Cli -c Release -nologo -v quiet >/dev/null
planner() { dotnet Planner.Cli/bin/Release/net10.0/planner.dll "$@"; }

# 贵溪市 (Guixi, 360681): real OSM roads and place names, modelled units, modelled census demand,
# illustrative stations, teams and needs.
G="$OUT/guixi"
rm -rf "$G"
planner import osm "$SHARED/guixi/guixi.osm" --out "$G" --name 贵溪市 --code 360681
planner import units "$G"
planner import grids "$G" --cell-m 300
planner import census "$G" --csv "$SHARED/china-census/county_2020.csv" --code 360681 --share urban --over grid --weight Roads \
  --rate disabled=6.34 --rate-source "national rate of the 2006 Second China National Sample Survey on Disability, applied as a model"
planner import illustrative "$G"
planner import divisions "$G" --codes data/divisions/360681.csv
planner visits "$G" --illustrative-cases "$G/cases.csv"

# Porto Alegre: real OSM roads, real population (r5r H3 hexgrid), hexagon township-like units (modelled),
# healthcare hexagons as stand-in stations.
P="$OUT/porto-alegre"
rm -rf "$P"
planner import osm "$SHARED/porto-alegre/poa_osm.pbf" --out "$P" --name "Porto Alegre" --code 4314902 --default-circle custom
planner import units "$P" --hex-m 2000
planner import population "$P" --csv "$SHARED/porto-alegre/poa_hexgrid.csv" --id-column id --count-columns population \
  --source "r5r sample data poa_hexgrid.csv (H3 resolution 9 hexagon centroids)" --licence "MIT (r5r package sample data)"
planner import stations "$P" --csv "$SHARED/porto-alegre/poa_hexgrid.csv" --id-column id --where-positive healthcare \
  --name-prefix "Stand-in (healthcare hexagon)" --level village_point --status operating --social-workers 1 --licence MIT \
  --note "STAND-INS, not social-work stations: centroids of the r5r hexagons with healthcare > 0"

if [[ $CHECK == 1 ]]; then
  diff -r "$OUT/guixi" data/guixi && diff -r "$OUT/porto-alegre" data/porto-alegre
  echo "samples rebuild identically"
fi

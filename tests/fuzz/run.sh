#!/usr/bin/env bash
# Fuzzes one loader under AFL++: tests/fuzz/run.sh TARGET SECONDS
#   TARGET: region | geojson | demand | osm | geotiff | scenario | stationtable | shapefile
# Publishes tests/fuzz/Planner.Fuzz, instruments Planner.Core.dll with sharpfuzz (the local tool of
# tests/fuzz/dotnet-tools.json), seeds from the samples in data/ and the test fixtures, runs afl-fuzz for SECONDS
# and prints executions, crashes and hangs. Findings stay in ${FUZZ_OUT:-/tmp/planner-fuzz}/TARGET/findings;
# replay a crash with: dotnet $out/bin/Planner.Fuzz.dll TARGET findings/default/crashes/id:...
set -euo pipefail
target=${1:?usage: run.sh TARGET SECONDS}
seconds=${2:?usage: run.sh TARGET SECONDS}
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
out=${FUZZ_OUT:-/tmp/planner-fuzz}/$target
bin=${FUZZ_OUT:-/tmp/planner-fuzz}/bin

command -v afl-fuzz >/dev/null || { echo "afl-fuzz not found: apt-get install afl++" >&2; exit 2; }

# Publish (skipped with FUZZ_SKIP_BUILD=1 when a publish exists), then instrument a copy: sharpfuzz refuses an
# assembly it has instrumented already.
publish=${FUZZ_OUT:-/tmp/planner-fuzz}/publish
if [ "${FUZZ_SKIP_BUILD:-0}" != 1 ] || [ ! -f "$publish/Planner.Fuzz.dll" ]; then
  dotnet publish "$here/Planner.Fuzz/Planner.Fuzz.csproj" -c Release -o "$publish" --nologo -v quiet >/dev/null
fi
rm -rf "$bin" && cp -r "$publish" "$bin"
# The shapefile target also instruments the Shapefile library: Planner.Core only calls it, so without its own
# edges AFL would see one path however the .shp/.shx/.dbf bytes are mutated.
instrument=("$bin/Planner.Core.dll")
[ "$target" = shapefile ] && instrument+=("$bin/NetTopologySuite.IO.Esri.Shapefile.dll")
(cd "$here" && dotnet tool restore >/dev/null && for dll in "${instrument[@]}"; do dotnet tool run sharpfuzz "$dll" >/dev/null; done)

seeds=$out/seeds
rm -rf "$seeds" && mkdir -p "$seeds"
fixtures=$root/tests/Planner.Core.Tests/Fixtures
case $target in
  region)
    # The first byte picks the file (0 region.json, 1 units.geojson, 2 stations.geojson, 3 demand.csv).
    i=0
    for f in "$root/data/guixi/region.json" "$fixtures/regions/tiny/units.geojson" "$root/data/guixi/stations.geojson" "$fixtures/regions/tiny/demand.csv"; do
      { printf "\\x$(printf %02x $i)"; cat "$f"; } > "$seeds/$i-$(basename "$f")"; i=$((i + 1))
    done ;;
  geojson)
    cp "$root/data/guixi/stations.geojson" "$root/data/guixi/teams.geojson" "$root/data/guixi/boundaries.geojson" "$fixtures/regions/tiny/units.geojson" "$seeds/" ;;
  demand)
    cp "$fixtures/regions/tiny/demand.csv" "$seeds/tiny.csv"; head -c 2000 "$root/data/guixi/demand.csv" > "$seeds/guixi.csv" ;;
  osm)
    cp "$fixtures/public_buildings.osm" "$seeds/" ;;
  geotiff)
    cp "$fixtures/wuhan_pop60plus_100m_hankou_clip.tif" "$seeds/" ;;
  scenario)
    cp "$here/seeds/scenario/"* "$seeds/" ;;
  stationtable)
    # The first byte picks the reader (even: CSV, odd: .xlsx); the .xlsx seed is written by GDAL's XLSX driver.
    command -v ogr2ogr >/dev/null || { echo "ogr2ogr not found: apt-get install gdal-bin" >&2; exit 2; }
    printf 'id,name,level,status,social_workers,lon,lat\nS1,站一,township_station,operating,3,117.21,28.28\nS2,村点,village_point,built,1,117.25,28.30\n' > "$out/stations.csv"
    { printf '\x00'; cat "$out/stations.csv"; } > "$seeds/0-stations.csv"
    { printf '\x00'; iconv -f utf-8 -t gb18030 "$out/stations.csv"; } > "$seeds/2-stations-gb18030.csv"
    rm -f "$out/stations.xlsx" && ogr2ogr -f XLSX "$out/stations.xlsx" "$out/stations.csv" -nln stations >/dev/null
    { printf '\x01'; cat "$out/stations.xlsx"; } > "$seeds/1-stations.xlsx" ;;
  shapefile)
    # A Shapefile set of the tiny fixture's units by ogr2ogr; the first byte picks the member (0 .shp, 1 .shx,
    # 2 .dbf, 3 .prj, 4 .cpg) the input replaces. The harness reads the set from FUZZ_SHAPEFILE.
    command -v ogr2ogr >/dev/null || { echo "ogr2ogr not found: apt-get install gdal-bin" >&2; exit 2; }
    rm -rf "$out/shp" && mkdir -p "$out/shp"
    ogr2ogr -f "ESRI Shapefile" -lco ENCODING=UTF-8 "$out/shp/units.shp" "$fixtures/regions/tiny/units.geojson" >/dev/null
    export FUZZ_SHAPEFILE=$out/shp/units.shp
    i=0
    for m in shp shx dbf prj cpg; do
      [ -f "$out/shp/units.$m" ] && { printf "\\x$(printf %02x $i)"; cat "$out/shp/units.$m"; } > "$seeds/$i-units.$m"
      i=$((i + 1))
    done ;;
  *) echo "unknown target '$target'" >&2; exit 2 ;;
esac

rm -rf "$out/findings"
# A 2 GB GC heap limit: a memory bomb (a count the reader trusts) becomes an OutOfMemoryException AFL saves as a
# crash, instead of the kernel's OOM killer taking the fuzzer or another process on a shared machine.
export DOTNET_GCHeapHardLimit=0x80000000
export AFL_SKIP_BIN_CHECK=1 AFL_NO_UI=1 AFL_SKIP_CPUFREQ=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_NO_AFFINITY=1
# -t: a .NET start and a first JIT take seconds; -m none: the runtime reserves more address space than AFL's default.
timeout $((seconds + 60)) afl-fuzz -V "$seconds" -t 5000 -m none -i "$seeds" -o "$out/findings" -- dotnet "$bin/Planner.Fuzz.dll" "$target" >"$out/afl.log" 2>&1 || true

stats=$out/findings/default/fuzzer_stats
if [ ! -f "$stats" ]; then
  echo "afl-fuzz did not start; see $out/afl.log" >&2
  tail -20 "$out/afl.log" >&2
  exit 1
fi
get() { awk -F' *: *' -v k="$1" '$1 == k { print $2 }' "$stats"; }
crashes=$(ls "$out/findings/default/crashes" 2>/dev/null | grep -c '^id:' || true)
hangs=$(ls "$out/findings/default/hangs" 2>/dev/null | grep -c '^id:' || true)
echo "$target: $(get execs_done) executions in $(get run_time) s ($(get execs_per_sec)/s), $(get corpus_count) paths, $crashes crashes, $hangs hangs"

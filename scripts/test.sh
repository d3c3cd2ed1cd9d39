#!/usr/bin/env bash
# The whole test suite, on a fresh machine: installs what the tests need (Debian packages), starts a
# throw-away PostGIS on a free loopback port when the storage tests are present, runs every test project
# of the solution, and prints one closing line "Tests: N passed, N failed".
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

need_apt=()
if [ -f scripts/postgis.sh ] && ! ls /usr/lib/postgresql/*/lib/postgis-3.so >/dev/null 2>&1; then
  need_apt+=(postgresql-15-postgis-3)
fi
if [ -d tests/Planner.Desktop.Tests ]; then
  command -v chromium >/dev/null 2>&1 || need_apt+=(chromium)
  # Chinese labels in the map screenshots need a CJK font.
  fc-list 2>/dev/null | grep -qi "wenquanyi\|wqy" || need_apt+=(fonts-wqy-microhei)
fi
if [ -d tests/Planner.Reports.Tests ]; then
  # The report tests read the files back with the real tools: poppler (pdftotext, pdftoppm), GDAL (ogrinfo)
  # and LibreOffice (docx -> pdf, about 4 s); PDFs and charts are drawn in WenQuanYi Micro Hei.
  command -v pdftotext >/dev/null 2>&1 || need_apt+=(poppler-utils)
  command -v ogrinfo >/dev/null 2>&1 || need_apt+=(gdal-bin)
  command -v soffice >/dev/null 2>&1 || need_apt+=(libreoffice-writer-nogui)
  fc-list 2>/dev/null | grep -qi "wenquanyi\|wqy" || need_apt+=(fonts-wqy-microhei)
fi
# Import tests write their Shapefile and GeoPackage fixtures with GDAL's ogr2ogr (a second implementation) and
# their GBK CSVs with iconv (glibc, always present).
command -v ogr2ogr >/dev/null 2>&1 || need_apt+=(gdal-bin)
if [ ${#need_apt[@]} -gt 0 ]; then
  echo "Installing ${need_apt[*]} ..."
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi

if [ -f scripts/postgis.sh ]; then
  env_file="${TMPDIR:-/tmp}/planner-postgis.env"
  bash scripts/postgis.sh start
  trap 'bash scripts/postgis.sh stop || true' EXIT
  # shellcheck disable=SC1090
  source "$env_file"
  export PLANNER_REQUIRE_POSTGIS=1
fi

log=$(mktemp)
set +e
dotnet test "$root/CoverageMap.sln" -c Release --nologo 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e
passed=$(grep -Eo 'Passed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
failed=$(grep -Eo 'Failed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
rm -f "$log"
echo "Tests: ${passed} passed, ${failed} failed"
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  echo "dotnet test exited with $status (build error or crashed test host)"
fi
exit "$status"

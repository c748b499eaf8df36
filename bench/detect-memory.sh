#!/usr/bin/env bash
# Peak memory of `landwatch detect` on a generated 10,000 × 10,000 pixel pair (not committed).
#   bench/detect-memory.sh [SIZE]      SIZE pixels per side, default 10000
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
size="${1:-10000}"
data="$root/bench/data/detect-$size"
mkdir -p "$data"
if [ ! -f "$data/after.tif" ]; then
  echo "generating a $size × $size pixel pair in $data"
  (cd "$root" && mvn -B -q -DskipTests package)
  java -Djava.library.path="$("$root/scripts/setup-gdal" --print)" -cp "$root/cli/target/landwatch.jar" \
    io.landwatch.samples.BigScene "$data" "$size"
fi
/usr/bin/time -v "$root/landwatch" detect --before "$data/before.tif" --after "$data/after.tif" \
  --out "$data/detected.gpkg" --before-date 2023-01-15 --after-date 2023-04-20 2> "$data/time.log" | tail -1
grep -E "Maximum resident|Elapsed" "$data/time.log"

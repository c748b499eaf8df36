#!/usr/bin/env bash
# Detection quality on generated pairs with the realities of real imagery (gain and offset between
# dates, a season's browning, haze, noise, a one-pixel misregistration, DN storage without scale
# tags): pixel precision, recall and F1 of landwatch against change vector analysis + Otsu and
# |ΔNDVI| + Otsu on the same pairs. Writes bench/results/detect-quality.md.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
scripts/setup-gdal
mvn -B -q install -DskipTests -Dfuzz.skip=true -pl pipeline -am >/dev/null
mvn -B -q test -pl pipeline -Dgdal.jni.dir="$(scripts/setup-gdal --print)" -Dtest=DetectQualityTest \
  -Dsurefire.failIfNoSpecifiedTests=false -Dtest.excludedGroups= -Dfuzz.skip=true >/dev/null
mkdir -p bench/results
{
  echo "# Detection quality on generated realistic pairs ($(date -u +%Y-%m-%d))"
  echo
  echo "384 × 384 pixels of 10 m, bands red, NIR, green, blue; 15 changes (construction, cleared field, new pond) on"
  echo "vegetated fields; pixel F1 (precision, recall) against the known changes. Generator:"
  echo "pipeline/src/test/java/io/landwatch/detect/RealisticPair.java; CVA and |ΔNDVI| thresholded by Otsu, no cleaning."
  echo
  cat pipeline/target/detect-quality.md
} > bench/results/detect-quality.md
cat bench/results/detect-quality.md

#!/usr/bin/env bash
# One PostGIS run of the landwatch judgment on a sample county, in a throwaway cluster:
#   bench/postgis/run.sh COUNTY_DIR OUT.csv [expert|naive]
# expert (the peer of record): ogr2ogr builds the GiST indexes while loading, judge-expert.sql
# queries the big layers in place. naive: no index at load, judge.sql repairs and reprojects every
# parcel into temporary tables first.
# Prints "load_s=… sql_s=…" on the last line. Runs the server as the postgres user when root.
set -euo pipefail
county=$(cd "$1" && pwd); out=$(realpath -m "$2"); flavour="${3:-expert}"
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
pgbin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
work=$(mktemp -d /tmp/lw-pg.XXXXXX); chmod 755 "$work"
as=(); if [ "$(id -u)" -eq 0 ]; then chown postgres "$work"; as=(runuser -u postgres --); fi
"${as[@]}" "$pgbin/initdb" -D "$work/data" -A trust -U bench >/dev/null
cleanup() { "${as[@]}" "$pgbin/pg_ctl" -D "$work/data" -m immediate stop >/dev/null 2>&1 || true; rm -rf "$work"; }
trap cleanup EXIT
"${as[@]}" "$pgbin/pg_ctl" -D "$work/data" -l "$work/log" -w start \
  -o "-k $work -c listen_addresses='' -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c shared_buffers=1GB -c work_mem=256MB -c maintenance_work_mem=1GB" >/dev/null
"$pgbin/createdb" -h "$work" -U bench bench
psql=(psql -X -q -h "$work" -U bench -d bench)
"${psql[@]}" -c "CREATE EXTENSION postgis" >/dev/null
pg="PG:host=$work user=bench dbname=bench"
t0=$(date +%s.%N)
index=GIST; sql="$here/judge-expert.sql"
if [ "$flavour" = naive ]; then index=NONE; sql="$here/judge.sql"; fi
load() { ogr2ogr -f PostgreSQL "$pg" "$@" -lco GEOMETRY_NAME=geom -lco SPATIAL_INDEX=$index -gt 65536 --config PG_USE_COPY YES; }
load "$county/patches.shp" -nln patches -nlt PROMOTE_TO_MULTI
load "$county/approvals.gpkg" approvals -nln approvals -nlt PROMOTE_TO_MULTI
load "$county/homesteads.csv" -nln homesteads -oo GEOM_POSSIBLE_NAMES=NONE -oo KEEP_GEOM_COLUMNS=YES
load "$county/gd.shp" -nln gd -nlt PROMOTE_TO_MULTI -oo ENCODING=CP936
load "$county/jbnt.shp" -nln jbnt -nlt PROMOTE_TO_MULTI
load "$county/stbhhx.geojson" -nln stbhhx -nlt PROMOTE_TO_MULTI
load "$county/cun.shp" -nln cun -nlt PROMOTE_TO_MULTI
t1=$(date +%s.%N)
"${psql[@]}" -f "$sql" > "$out"
t2=$(date +%s.%N)
echo "load_s=$(echo "$t1 - $t0" | bc) sql_s=$(echo "$t2 - $t1" | bc)"

#!/usr/bin/python3
"""The landwatch judgment written with GeoPandas, as an analyst would, for the benchmark.

    judge.py COUNTY_DIR OUT.csv

Reads every layer, reprojects to EPSG:4526, repairs with make_valid, finds candidates with the
spatial index, unions, differences, intersects, and measures geodesic areas with pyproj.Geod on
the CGCS2000 ellipsoid. Writes one row per judged patch.
"""
import csv
import re
import sys
from datetime import date

import geopandas as gpd
import pandas as pd
from pyproj import Geod
from shapely import wkt as shapely_wkt
from shapely.geometry import MultiPolygon, Polygon, GeometryCollection
from shapely.ops import transform, unary_union
from shapely.validation import make_valid
from pyproj import Transformer

GEOD = Geod(a=6378137.0, rf=298.257222101)
TO_LONLAT = Transformer.from_crs(4526, 4490, always_xy=True).transform


def parse_date(v):
    if v is None or (isinstance(v, float) and v != v):
        return None
    if isinstance(v, (date, pd.Timestamp)):
        return pd.Timestamp(v).date()
    t = str(v).strip()
    m = re.fullmatch(r"(\d{4})(\d{2})(\d{2})", t) or re.match(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})", t)
    if not m:
        return None
    try:
        return date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None


def polygonal(g):
    if g is None or g.is_empty:
        return Polygon()
    if isinstance(g, (Polygon, MultiPolygon)):
        return g
    if isinstance(g, GeometryCollection):
        polys = [p for p in g.geoms if isinstance(p, (Polygon, MultiPolygon))]
        return unary_union(polys) if polys else Polygon()
    return Polygon()


def repair(g):
    """make_valid per part, then union the parts: overlapping parts count once (GEOS's default
    make_valid would turn their overlap into a hole)."""
    if g.is_valid:
        return polygonal(g)
    parts = list(g.geoms) if isinstance(g, MultiPolygon) else [g]
    return polygonal(unary_union([polygonal(p if p.is_valid else make_valid(p)) for p in parts]))


def fix(gdf):
    gdf = gdf[gdf.geometry.notna() & ~gdf.geometry.is_empty].to_crs(4526)
    gdf["geometry"] = [repair(g) for g in gdf.geometry]
    return gdf


def area(g):
    if g is None or g.is_empty:
        return 0.0
    return abs(GEOD.geometry_area_perimeter(transform(TO_LONLAT, g))[0])


def main(county, out):
    patches = fix(gpd.read_file(f"{county}/patches.shp"))
    approvals = fix(gpd.read_file(f"{county}/approvals.gpkg", layer="approvals"))
    homes = pd.read_csv(f"{county}/homesteads.csv")
    homes = gpd.GeoDataFrame(homes, geometry=[shapely_wkt.loads(w) for w in homes["WKT"]], crs=4526)
    approvals = pd.concat([
        gpd.GeoDataFrame({"id": approvals["PZWH"], "on": [parse_date(v) for v in approvals["PZRQ"]],
                          "until": [parse_date(v) for v in approvals["YXQZ"]]}, geometry=approvals.geometry, crs=4526),
        gpd.GeoDataFrame({"id": homes["ZJDBH"], "on": [parse_date(v) for v in homes["PZRQ"]], "until": None},
                         geometry=fix(homes).geometry, crs=4526)], ignore_index=True)
    farm = fix(gpd.read_file(f"{county}/gd.shp", encoding="gbk"))
    basic = fix(gpd.read_file(f"{county}/jbnt.shp"))
    eco = fix(gpd.read_file(f"{county}/stbhhx.geojson"))
    villages = fix(gpd.read_file(f"{county}/cun.shp"))

    rows = []
    for _, p in patches.iterrows():
        d = parse_date(p["HSX"])
        if d is None:
            continue
        g = p.geometry

        def hits(layer):
            idx = layer.sindex.query(g, predicate="intersects")
            return layer.iloc[idx]

        a = hits(approvals)
        mask = [on is not None and on <= d and (u is None or u != u or u >= d) for on, u in zip(a["on"], a["until"])]
        valid = a.loc[pd.Series(mask, index=a.index, dtype=bool)]
        u = polygonal(g.difference(unary_union(list(valid.geometry)))) if len(valid) else g
        fu = unary_union(list(hits(farm).geometry))
        bu = unary_union(list(hits(basic).geometry))
        eu = unary_union(list(hits(eco).geometry))
        f_u = polygonal(u.intersection(fu))
        v = hits(villages)
        best = None
        for name, vg in zip(v["CJMC"], v.geometry):
            ov = area(polygonal(g.intersection(vg)))
            if ov > 0 and (best is None or ov > best[0] or (ov == best[0] and name < best[1])):
                best = (ov, name)
        ar, ua = area(g), area(u)
        rows.append({
            "patch_id": p["JCBH"],
            "verdict": "approved" if ua <= 1.0 else "suspected_illegal",
            "area_m2": f"{ar:.2f}", "approved_m2": f"{ar - ua:.2f}", "unapproved_m2": f"{ua:.2f}",
            "farmland_m2": f"{area(f_u):.2f}",
            "basic_farmland_m2": f"{area(polygonal(u.intersection(bu))):.2f}",
            "other_farmland_m2": f"{area(polygonal(f_u.difference(bu))):.2f}",
            "ecological_m2": f"{area(polygonal(u.intersection(eu))):.2f}",
            "village": best[1] if best else "",
            "approvals": ";".join(sorted(set(valid["id"]))),
        })
    rows.sort(key=lambda r: r["patch_id"])
    with open(out, "w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, fieldnames=list(rows[0].keys()))
        w.writeheader()
        w.writerows(rows)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])

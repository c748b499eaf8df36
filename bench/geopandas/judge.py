#!/usr/bin/python3
"""The landwatch judgment written with GeoPandas, as an analyst would, for the benchmark.

    judge.py COUNTY_DIR OUT.csv

Reads every layer, reprojects to EPSG:4526, repairs the invalid records with make_valid, and
judges all patches at once, as GeoPandas is meant to be used: a spatial join for the approvals,
one vectorised overlay per layer (patches' unapproved parts × parcels) dissolved by patch, one
overlay with the villages; no Python loop over parcels. Geodesic areas with pyproj.Geod on the
CGCS2000 ellipsoid. Writes one row per judged patch.
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
    """Reprojects and repairs a layer: vectorised validity test, repair only for the invalid few."""
    gdf = gdf[gdf.geometry.notna() & ~gdf.geometry.is_empty].to_crs(4526)
    bad = ~gdf.geometry.is_valid
    if bad.any():
        gdf.loc[bad, "geometry"] = gdf.loc[bad, "geometry"].apply(repair)
    return gdf.reset_index(drop=True)


def area(g):
    if g is None or g.is_empty:
        return 0.0
    return abs(GEOD.geometry_area_perimeter(transform(TO_LONLAT, g))[0])


def per_patch(pieces, n):
    """The union of each patch's pieces (an overlay's output dissolved by patch), as a list by patch number."""
    out = [Polygon()] * n
    if len(pieces):
        for pid, g in pieces.dissolve("pid").geometry.items():
            out[pid] = polygonal(g)
    return out


def clip(shapes, layer):
    """shapes ∩ ⋃layer for every shape at once: one vectorised overlay, then a dissolve by shape."""
    pieces = gpd.overlay(shapes, layer[["geometry"]], how="intersection", keep_geom_type=True)
    return per_patch(pieces, len(shapes))


def main(county, out):
    patches = fix(gpd.read_file(f"{county}/patches.shp"))
    approvals = fix(gpd.read_file(f"{county}/approvals.gpkg", layer="approvals"))
    homes = pd.read_csv(f"{county}/homesteads.csv")
    homes = gpd.GeoDataFrame(homes, geometry=gpd.GeoSeries.from_wkt(homes["WKT"]), crs=4526)
    approvals = pd.concat([
        gpd.GeoDataFrame({"id": approvals["PZWH"], "on": approvals["PZRQ"].map(parse_date),
                          "until": approvals["YXQZ"].map(parse_date)}, geometry=approvals.geometry, crs=4526),
        gpd.GeoDataFrame({"id": homes["ZJDBH"], "on": homes["PZRQ"].map(parse_date), "until": None},
                         geometry=fix(homes).geometry, crs=4526)], ignore_index=True)
    farm = fix(gpd.read_file(f"{county}/gd.shp", encoding="gbk"))
    basic = fix(gpd.read_file(f"{county}/jbnt.shp"))
    eco = fix(gpd.read_file(f"{county}/stbhhx.geojson"))
    villages = fix(gpd.read_file(f"{county}/cun.shp"))

    patches["d"] = patches["HSX"].map(parse_date)
    P = patches[patches["d"].notna()][["JCBH", "d", "geometry"]].reset_index(drop=True)
    P["pid"] = P.index
    n = len(P)

    # approvals valid on each patch's date, unioned per patch; U = P minus them
    j = gpd.sjoin(P, approvals, predicate="intersects")
    ok = [on is not None and on <= d and (u is None or u != u or u >= d) for on, u, d in zip(j["on"], j["until"], j["d"])]
    valid = j[pd.Series(ok, index=j.index, dtype=bool)]
    cover = per_patch(gpd.GeoDataFrame({"pid": valid["pid"].values},
                                       geometry=approvals.geometry.loc[valid["index_right"]].values, crs=4526), n)
    has = [not c.is_empty for c in cover]
    U = gpd.GeoSeries([polygonal(g.difference(c)) if h else g for g, c, h in zip(P.geometry, cover, has)], crs=4526)
    ids = valid.groupby("pid")["id"].apply(lambda s: ";".join(sorted(set(s))))
    shapes = gpd.GeoDataFrame({"pid": P["pid"]}, geometry=U, crs=4526)

    f_u = clip(shapes, farm)
    b_u = clip(shapes, basic)
    e_u = clip(shapes, eco)
    other = [polygonal(f.difference(b)) if not b.is_empty else f for f, b in zip(f_u, b_u)]

    # the village each patch overlaps most; ties to the smaller name
    vp = gpd.overlay(P[["pid", "geometry"]], villages[["CJMC", "geometry"]], how="intersection", keep_geom_type=True)
    vp["ov"] = [area(polygonal(g)) for g in vp.geometry]
    vp = vp[vp["ov"] > 0].sort_values(["pid", "ov", "CJMC"], ascending=[True, False, True])
    village = vp.drop_duplicates("pid").set_index("pid")["CJMC"]

    rows = []
    for i in range(n):
        ar = area(P.geometry[i])
        ua = area(U[i]) if has[i] else ar
        rows.append({
            "patch_id": P["JCBH"][i],
            "verdict": "approved" if ua <= 1.0 else "suspected_illegal",
            "area_m2": f"{ar:.2f}", "approved_m2": f"{ar - ua:.2f}", "unapproved_m2": f"{ua:.2f}",
            "farmland_m2": f"{area(f_u[i]):.2f}",
            "basic_farmland_m2": f"{area(b_u[i]):.2f}",
            "other_farmland_m2": f"{area(other[i]):.2f}",
            "ecological_m2": f"{area(e_u[i]):.2f}",
            "village": village.get(i, ""),
            "approvals": ids.get(i, ""),
        })
    rows.sort(key=lambda r: r["patch_id"])
    with open(out, "w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, fieldnames=list(rows[0].keys()))
        w.writeheader()
        w.writerows(rows)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])

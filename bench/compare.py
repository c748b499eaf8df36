#!/usr/bin/python3
"""Cross-checks per-patch results of a peer (PostGIS, GeoPandas) against landwatch's patches.csv.

    compare.py LANDWATCH_patches.csv PEER.csv [--label NAME]

Compares verdict, village, approvals and every area; areas agree when they differ by at most
0.01 m² + 1e-7 relative. Prints the number of disagreements and the largest area difference;
exits 1 when anything disagrees.
"""
import argparse
import csv
import sys

AREAS = ["area_m2", "approved_m2", "unapproved_m2", "farmland_m2", "basic_farmland_m2",
         "other_farmland_m2", "ecological_m2"]


def read(path):
    with open(path, encoding="utf-8-sig", newline="") as f:
        return {r["patch_id"]: r for r in csv.DictReader(f)}


def compare(ours, peer, label, show=10):
    problems = []
    largest = (0.0, None, None)
    for pid in sorted(set(ours) | set(peer)):
        a, b = ours.get(pid), peer.get(pid)
        if a is None or b is None:
            problems.append(f"{pid}: only in {'landwatch' if b is None else label}")
            continue
        for k in AREAS:
            if k not in b:
                continue
            x, y = float(a[k] or 0), float(b[k] or 0)
            d = abs(x - y)
            if d > largest[0]:
                largest = (d, pid, k)
            if d > 0.01 + 1e-7 * max(abs(x), abs(y)) + 1e-9:
                problems.append(f"{pid}: {k} landwatch {x} vs {label} {y} (diff {d:.4f})")
        if "verdict" in b and a["verdict"] != b["verdict"]:
            problems.append(f"{pid}: verdict landwatch {a['verdict']} vs {label} {b['verdict']}")
        if "village" in b and (a["village"] or "") != (b["village"] or ""):
            problems.append(f"{pid}: village landwatch {a['village']} vs {label} {b['village']}")
        if "approvals" in b and (a["approvals"] or "") != (b["approvals"] or ""):
            problems.append(f"{pid}: approvals landwatch {a['approvals']} vs {label} {b['approvals']}")
    return problems, largest


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("landwatch")
    ap.add_argument("peer")
    ap.add_argument("--label", default="peer")
    args = ap.parse_args()
    problems, largest = compare(read(args.landwatch), read(args.peer), args.label)
    for p in problems[:20]:
        print("  " + p)
    print(f"cross-check {args.label}: {len(problems)} disagreements, largest area difference "
          f"{largest[0]:.4f} m² ({largest[1]} {largest[2]})")
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()

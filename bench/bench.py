#!/usr/bin/python3
"""landwatch side by side with PostGIS and GeoPandas on the same sample counties.

    bench/bench.py [--scales 1,10,100] [--runs 3] [--geopandas-scales 1] [--no-docs]

For each scale K it generates (once, cached in bench/data/scale-K) a sample county with
`landwatch samples --scale K`, then runs the tools interleaved (A B C A B C ...), each at least
--runs times, and reports the median, min–max, peak memory and the ratio landwatch ÷ peer.
landwatch runs as its launcher starts it (the newest Java of 25 or later it finds), and once per
round on Java 17 as well.
The per-patch results of every peer are cross-checked against landwatch's (verdict, village,
approvals, every area within 0.01 m² + 1e-7 relative); any disagreement fails the run.
Writes the full log to bench/results/ and the table into docs/BENCHMARKS.md.
"""
import argparse
import datetime
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import threading
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "bench"))
import compare  # noqa: E402

SEED = "20230420"
LOG_LINES = []
# landwatch as on a machine with Java 17 only: the launcher then uses the java on the PATH
JAVA17 = dict(os.environ, LANDWATCH_JAVA="java")


def log(msg=""):
    print(msg, flush=True)
    LOG_LINES.append(msg)


class RssSampler(threading.Thread):
    """Peak total RSS of a process tree, plus any PostgreSQL server started from a lw-pg. folder."""

    def __init__(self, pid):
        super().__init__(daemon=True)
        self.pid, self.peak, self.stop = pid, 0, False

    def run(self):
        while not self.stop:
            self.peak = max(self.peak, self.sample())
            time.sleep(0.05)

    def sample(self):
        procs = {}
        for d in os.listdir("/proc"):
            if not d.isdigit():
                continue
            try:
                with open(f"/proc/{d}/stat") as f:
                    parts = f.read().rsplit(")", 1)[1].split()
                with open(f"/proc/{d}/cmdline", "rb") as f:
                    cmd = f.read().replace(b"\0", b" ").decode(errors="replace")
                procs[int(d)] = (int(parts[1]), int(parts[21]) * os.sysconf("SC_PAGE_SIZE"), cmd)
            except (OSError, IndexError, ValueError):
                continue
        roots = {self.pid} | {p for p, (_, _, c) in procs.items() if "lw-pg." in c and "postgres" in c}
        tree, grew = set(roots), True
        while grew:
            grew = False
            for p, (pp, _, _) in procs.items():
                if pp in tree and p not in tree:
                    tree.add(p)
                    grew = True
        return sum(procs[p][1] for p in tree if p in procs)


def timed(cmd, env=None):
    t0 = time.monotonic()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=env, text=True)
    sampler = RssSampler(proc.pid)
    sampler.start()
    out, _ = proc.communicate()
    wall = time.monotonic() - t0
    sampler.stop = True
    sampler.join()
    if proc.returncode != 0:
        log(out)
        raise SystemExit(f"failed ({proc.returncode}): {' '.join(cmd)}")
    return wall, sampler.peak / 2**20, out


def county(scale):
    d = os.path.join(ROOT, "bench", "data", f"scale-{scale}")
    if not os.path.exists(os.path.join(d, ".complete")):
        shutil.rmtree(d, ignore_errors=True)
        log(f"generating sample county at scale {scale} in {d}")
        subprocess.run([os.path.join(ROOT, "landwatch"), "-q", "samples", d, "--seed", SEED, "--scale", str(scale)],
                       check=True)
        open(os.path.join(d, ".complete"), "w").close()
    return d


def fmt(xs):
    return f"{statistics.median(xs):8.2f} ({min(xs):.2f}–{max(xs):.2f})"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--scales", default="1,10,100")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--geopandas-scales", default="1")
    ap.add_argument("--no-docs", action="store_true")
    ap.add_argument("--spark-only", action="store_true",
                    help="run landwatch local vs landwatch --engine spark only (no peers); table into the Spark section")
    args = ap.parse_args()
    scales = [int(s) for s in args.scales.split(",")]
    gp_scales = {int(s) for s in args.geopandas_scales.split(",") if s}

    subprocess.run([os.path.join(ROOT, "scripts", "setup-gdal")], check=True, stdout=subprocess.DEVNULL)
    subprocess.run(["mvn", "-B", "-q", "-DskipTests", "package"], cwd=ROOT, check=True)
    java = subprocess.run(["java", "-version"], capture_output=True, text=True).stderr.splitlines()[0]
    log(f"# landwatch benchmark {datetime.datetime.now().isoformat(timespec='seconds')}")
    log(f"machine: {platform.node()}, {os.cpu_count()} cores, "
        f"{os.sysconf('SC_PAGE_SIZE') * os.sysconf('SC_PHYS_PAGES') / 2**30:.0f} GiB, {java}")
    log(f"command: bench/bench.py --scales {args.scales} --runs {args.runs} --geopandas-scales {args.geopandas_scales}")

    work = os.path.join(ROOT, "bench", "data", "runs")
    os.makedirs(work, exist_ok=True)
    if args.spark_only:
        return spark_comparison(scales, args.runs, work, args.no_docs)
    rows, failed = [], False
    warmed = False
    for scale in scales:
        d = county(scale)
        job = os.path.join(d, "job.yaml")
        if not warmed:
            # one untimed nightly run after the build: it writes the class-data-sharing archive the launcher
            # uses for `run` (store and task classes included)
            subprocess.run([os.path.join(ROOT, "landwatch"), "-q", "run", job, "--out", os.path.join(work, "warm-up"),
                            "--as-of", "2023-09-01"], check=True, stdout=subprocess.DEVNULL)
            subprocess.run([os.path.join(ROOT, "landwatch"), "-q", "run", job, "--out", os.path.join(work, "warm-up-17"),
                            "--no-store"], check=True, stdout=subprocess.DEVNULL, env=JAVA17)
            with open(os.path.join(work, "warm-up", "manifest.json")) as f:
                launcher_java = json.load(f)["java_version"]
            log(f"the launcher runs landwatch on Java {launcher_java}; the rows 'on Java 17' set LANDWATCH_JAVA=java")
            warmed = True
        times = {"landwatch": [], "landwatch_j17": [], "landwatch_store": [], "landwatch_cold": [], "postgis": [], "postgis_load": [], "postgis_sql": [],
                 "naive": [], "naive_load": [], "naive_sql": [], "geopandas": [], "cases_stage": []}
        rss = {"landwatch": [], "landwatch_j17": [], "landwatch_store": [], "landwatch_cold": [], "postgis": [], "naive": [], "geopandas": []}
        for i in range(args.runs):
            out = os.path.join(work, f"lw-{scale}")
            # cold: the nightly default without the big layers' envelope cache (a new farmland layer);
            # it leaves the cache the runs below use, as the nightly runs after it do
            shutil.rmtree(os.path.join(d, ".landwatch-cache"), ignore_errors=True)
            wall, peak, _ = timed([os.path.join(ROOT, "landwatch"), "run", job, "--out", os.path.join(work, f"lws-{scale}"),
                                   "--as-of", "2023-09-01"])
            times["landwatch_cold"].append(wall)
            rss["landwatch_cold"].append(peak)
            # --no-store: the peers judge; they keep no case store and plan no patrols
            wall, peak, text = timed([os.path.join(ROOT, "landwatch"), "run", job, "--out", out, "--no-store"])
            times["landwatch"].append(wall)
            rss["landwatch"].append(peak)
            wall, peak, _ = timed([os.path.join(ROOT, "landwatch"), "run", job, "--out", out + "-17", "--no-store"], env=JAVA17)
            times["landwatch_j17"].append(wall)
            rss["landwatch_j17"].append(peak)
            if i == 0:
                for line in text.splitlines():
                    if re.search(r"records/s|working CRS|stage ", line):
                        log("  " + line)
            # the nightly default: case store and patrol tasks; after the first run, a re-run that changes nothing
            wall, peak, text = timed([os.path.join(ROOT, "landwatch"), "run", job, "--out", os.path.join(work, f"lws-{scale}"),
                                      "--as-of", "2023-09-01"])
            times["landwatch_store"].append(wall)
            times["cases_stage"].append(float(re.search(r"stage cases and tasks: ([\d.]+) s", text).group(1)))
            rss["landwatch_store"].append(peak)
            pg_csv = os.path.join(work, f"pg-{scale}.csv")
            naive_csv = os.path.join(work, f"pgn-{scale}.csv")
            for key, flavour, path in [("postgis", "expert", pg_csv), ("naive", "naive", naive_csv)]:
                wall, peak, text = timed([os.path.join(ROOT, "bench", "postgis", "run.sh"), d, path, flavour])
                m = re.search(r"load_s=([\d.]+) sql_s=([\d.]+)", text)
                times[key].append(wall)
                times[key + "_load"].append(float(m.group(1)))
                times[key + "_sql"].append(float(m.group(2)))
                rss[key].append(peak)
            if scale in gp_scales:
                gp_csv = os.path.join(work, f"gp-{scale}.csv")
                wall, peak, _ = timed(["/usr/bin/python3", os.path.join(ROOT, "bench", "geopandas", "judge.py"), d, gp_csv])
                times["geopandas"].append(wall)
                rss["geopandas"].append(peak)
            log(f"scale {scale} run {i + 1}: landwatch {times['landwatch'][-1]:.2f} s (Java 17 {times['landwatch_j17'][-1]:.2f} s,"
                f" with store {times['landwatch_store'][-1]:.2f} s,"
                f" cold {times['landwatch_cold'][-1]:.2f} s),"
                f" postgis expert {times['postgis'][-1]:.2f} s, naive {times['naive'][-1]:.2f} s"
                + (f", geopandas {times['geopandas'][-1]:.2f} s" if scale in gp_scales else ""))
        ours = compare.read(os.path.join(work, f"lw-{scale}", "patches.csv"))
        for label, path in [("postgis expert", pg_csv), ("postgis naive", naive_csv)] + (
                [("geopandas", gp_csv)] if scale in gp_scales else []):
            problems, largest = compare.compare(ours, compare.read(path), label)
            for p in problems[:10]:
                log("  " + p)
            log(f"cross-check scale {scale} vs {label}: {len(problems)} disagreements, largest area difference "
                f"{largest[0]:.4f} m² over {len(ours)} patches")
            failed |= bool(problems)
        lw = statistics.median(times["landwatch"])
        lws = statistics.median(times["landwatch_store"])
        load_sql = [a + b for a, b in zip(times["postgis_load"], times["postgis_sql"])]
        naive_sql = [a + b for a, b in zip(times["naive_load"], times["naive_sql"])]
        expert = statistics.median(load_sql)
        rows.append((scale, "landwatch run (store + tasks, the nightly default)", fmt(times["landwatch_store"]),
                     f"{lws / expert:.3f}", f"{statistics.median(rss['landwatch_store']):.0f}"))
        lwc = statistics.median(times["landwatch_cold"])
        rows.append((scale, "  its cases-and-tasks stage (a re-run that changes nothing)", fmt(times["cases_stage"]), "", ""))
        rows.append((scale, "landwatch run, cold (no envelope cache: the first run on a new farmland layer)",
                     fmt(times["landwatch_cold"]), f"{lwc / expert:.3f}", f"{statistics.median(rss['landwatch_cold']):.0f}"))
        rows.append((scale, "landwatch run --no-store", fmt(times["landwatch"]), f"{lw / expert:.3f}",
                     f"{statistics.median(rss['landwatch']):.0f}"))
        lw17 = statistics.median(times["landwatch_j17"])
        rows.append((scale, "landwatch run --no-store on Java 17", fmt(times["landwatch_j17"]), f"{lw17 / expert:.3f}",
                     f"{statistics.median(rss['landwatch_j17']):.0f}"))
        rows.append((scale, "PostGIS expert: load + SQL (peer of record)", fmt(load_sql), "1", f"{statistics.median(rss['postgis']):.0f}"))
        rows.append((scale, "  expert load (ogr2ogr, GiST)", fmt(times["postgis_load"]), "", ""))
        rows.append((scale, "  expert SQL", fmt(times["postgis_sql"]), "", ""))
        rows.append((scale, "PostGIS naive: load + SQL", fmt(naive_sql), f"landwatch {lws / statistics.median(naive_sql):.3f}",
                     f"{statistics.median(rss['naive']):.0f}"))
        if times["geopandas"]:
            gp = statistics.median(times["geopandas"])
            rows.append((scale, "GeoPandas", fmt(times["geopandas"]), f"landwatch --no-store {lw / gp:.3f} (on Java 17 {lw17 / gp:.3f})",
                         f"{statistics.median(rss['geopandas']):.0f}"))
        rows.append(("", "", "", "", ""))

    table = ["| scale | tool | wall s, median (min–max) | ÷ PostGIS expert | peak RSS MiB |", "|---|---|---|---|---|"]
    table += [f"| {a} | {b} | {c} | {d} | {e} |" for a, b, c, d, e in rows if a != ""]
    log("")
    for line in table:
        log(line)
    stamp = datetime.datetime.now().strftime("%Y%m%d-%H%M%S")
    os.makedirs(os.path.join(ROOT, "bench", "results"), exist_ok=True)
    with open(os.path.join(ROOT, "bench", "results", f"{stamp}.log"), "w") as f:
        f.write("\n".join(LOG_LINES) + "\n")
    if not args.no_docs:
        doc = os.path.join(ROOT, "docs", "BENCHMARKS.md")
        text = open(doc).read()
        java_line = [l for l in LOG_LINES if l.startswith("the launcher runs")][:1]
        block = "\n".join([f"Run {stamp} (log: `bench/results/{stamp}.log`):", ""] + LOG_LINES[1:3] + java_line + [""] + table)
        text = re.sub(r"(<!-- table -->\n).*?(\n<!-- /table -->)", lambda m: m.group(1) + block + m.group(2), text, flags=re.S)
        open(doc, "w").write(text)
    sys.exit(1 if failed else 0)


def spark_comparison(scales, runs, work, no_docs):
    """landwatch's two engines side by side on the same job (Spark in local[2], partitioned join)."""
    rows = []
    for scale in scales:
        job = os.path.join(county(scale), "job.yaml")
        t = {"local": [], "spark": []}
        for i in range(runs):
            for engine in ("local", "spark"):
                out = os.path.join(work, f"{engine}-{scale}")
                cmd = [os.path.join(ROOT, "landwatch"), "-q", "run", job, "--out", out, "--no-store"]
                if engine == "spark":
                    cmd += ["--engine", "spark", "--master", "local[2]"]
                wall, peak, _ = timed(cmd)
                t[engine].append(wall)
            log(f"scale {scale} run {i + 1}: local {t['local'][-1]:.2f} s, spark {t['spark'][-1]:.2f} s")
        same = open(os.path.join(work, f"local-{scale}", "patches.csv"), "rb").read() == \
            open(os.path.join(work, f"spark-{scale}", "patches.csv"), "rb").read()
        log(f"scale {scale}: patches.csv of both engines identical: {same}")
        rows.append(f"| {scale} | {fmt(t['local'])} | {fmt(t['spark'])} | "
                    f"{statistics.median(t['spark']) / statistics.median(t['local']):.2f} | {same} |")
    table = ["| scale | local engine, s | Spark engine local[2], s | Spark ÷ local | identical outputs |",
             "|---|---|---|---|---|"] + rows
    for line in table:
        log(line)
    stamp = datetime.datetime.now().strftime("%Y%m%d-%H%M%S")
    with open(os.path.join(ROOT, "bench", "results", f"{stamp}-spark.log"), "w") as f:
        f.write("\n".join(LOG_LINES) + "\n")
    if not no_docs:
        doc = os.path.join(ROOT, "docs", "BENCHMARKS.md")
        text = open(doc).read()
        block = "\n".join([f"Run {stamp} (log: `bench/results/{stamp}-spark.log`):", ""] + table)
        text = re.sub(r"(<!-- spark -->\n).*?(\n<!-- /spark -->)", lambda m: m.group(1) + block + m.group(2), text, flags=re.S)
        open(doc, "w").write(text)


if __name__ == "__main__":
    main()

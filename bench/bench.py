#!/usr/bin/env python3
"""The load benchmark behind bench/run (see bench/README.md).

For each scale: a fresh private cluster under bench/data/, `convene bench-data`, then
`convene serve` (release build) and for each key page: its time alone, the statements
one request issues (from the PostgreSQL log), `wrk` at 10 and 50 connections and
`pgbench` running those statements at the pool's concurrency, interleaved, median of the
rounds; then the planner for a day and the worker's mails/s to bench/smtp_sink.py.
Writes bench/results/<date>.md. Meant to run under `flock /tmp/bench.lock`.
"""

import argparse
import datetime
import http.cookiejar
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = ROOT / "target" / "release" / "convene"
DATA = ROOT / "bench" / "data"
RESULTS = ROOT / "bench" / "results"
PASSWORD = "bench-password"
LOGIN = "person2@bench.example.org"  # the coordinator of group 1, the big group
POOL_SIZE = 8
HTTP_WORKERS = 2
# A page whose single request takes longer than this gets one round at 10 connections
# only: 50 connections would queue minutes of work and overrun the run's budget.
SLOW_PAGE_S = 1.0
LOG_PREFIX = "%m [%p] app=%a "
# The session settings the app's pool sets on each connection (src/db/mod.rs): pgbench and
# EXPLAIN run the page's statements under them, or JIT compiling would weigh on them alone.
APP_SESSION = {"PGOPTIONS": "-c jit=off"}


def log(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", flush=True)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def postgres_bindir() -> Path:
    versions = sorted(Path("/usr/lib/postgresql").glob("*/bin"), key=lambda p: int(p.parent.name))
    return versions[-1]


class Cluster:
    """The private cluster `convene` runs under a data directory, reached as its superuser."""

    def __init__(self, pgdata: Path, socket_dir: Path):
        self.pgdata, self.socket_dir = pgdata, socket_dir
        self.log = pgdata.parent / "postgres.log"

    def conninfo(self) -> list[str]:
        return ["-h", str(self.socket_dir), "-U", "convene", "-d", "convene"]

    def psql(self, sql: str) -> str:
        out = subprocess.run(
            ["psql", "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", *self.conninfo(), "-c", sql],
            env={**os.environ, "PGAPPNAME": "bench"},
            capture_output=True,
            text=True,
        )
        if out.returncode != 0:
            raise RuntimeError(f"psql failed: {out.stderr.strip()}\n{sql[:500]}")
        return out.stdout.strip()

    def set_logging(self, on: bool) -> None:
        if on:
            self.psql(f"ALTER SYSTEM SET log_line_prefix = '{LOG_PREFIX}'")
            self.psql("ALTER SYSTEM SET log_min_duration_statement = 0")
        else:
            self.psql("ALTER SYSTEM RESET log_min_duration_statement")
        self.psql("SELECT pg_reload_conf()")
        time.sleep(0.3)


def stop_leftover_cluster(data_dir: Path) -> None:
    """A cluster a killed run left running under `data_dir` is stopped before it is removed."""
    for pid_file in data_dir.glob("**/postmaster.pid"):
        pgdata = pid_file.parent
        command = [str(postgres_bindir() / "pg_ctl"), "-D", str(pgdata), "-m", "immediate", "-w", "stop"]
        if os.geteuid() == 0:
            command = ["su", "postgres", "-s", "/bin/sh", "-c", " ".join(command)]
        subprocess.run(command, capture_output=True)


# --- HTTP -----------------------------------------------------------------------------


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def sign_in(base: str) -> str:
    """Signs in through the form; returns the session cookie's value."""
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar), NoRedirect)
    page = opener.open(base + "/login").read().decode()
    token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
    form = urllib.parse.urlencode({"csrf_token": token, "email": LOGIN, "password": PASSWORD}).encode()
    request = urllib.request.Request(base + "/login", data=form, headers={"Origin": base})
    try:
        opener.open(request)
    except urllib.error.HTTPError as e:
        if e.code != 303:
            raise
    for cookie in jar:
        if cookie.name == "convene_session":
            return cookie.value
    raise RuntimeError("signing in gave no session cookie")


def fetch(url: str, cookie: str, timeout: float = 120) -> tuple[int, int, float]:
    """Status, body bytes and seconds of one GET."""
    request = urllib.request.Request(url, headers={"Cookie": f"convene_session={cookie}"})
    started = time.perf_counter()
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            body = response.read()
            status = response.status
    except urllib.error.HTTPError as e:
        body, status = e.read(), e.code
    return status, len(body), time.perf_counter() - started


def settle(base: str, limit_s: float = 60) -> float:
    """Waits until /healthz answers quickly (the server has worked off what a load left
    queued); returns how long that took."""
    started = time.perf_counter()
    while time.perf_counter() - started < limit_s:
        try:
            _, _, seconds = fetch(base + "/healthz", "", timeout=5)
            if seconds < 0.2:
                break
        except OSError:
            pass
        time.sleep(0.5)
    return time.perf_counter() - started


UNITS = {"us": 1e-3, "ms": 1.0, "s": 1e3, "m": 60e3}


def wrk(url: str, cookie: str, connections: int, seconds: int) -> dict:
    out = subprocess.run(
        ["wrk", "-t", "2", "-c", str(connections), "-d", f"{seconds}s", "--timeout", "10s", "--latency",
         "-H", f"Cookie: convene_session={cookie}", url],
        capture_output=True, text=True,
    ).stdout

    def latency(percent: str) -> float | None:
        m = re.search(rf"^\s+{percent}%\s+([\d.]+)(us|ms|s|m)\s*$", out, re.M)
        return float(m.group(1)) * UNITS[m.group(2)] if m else None

    rps = re.search(r"Requests/sec:\s+([\d.]+)", out)
    done = re.search(r"(\d+) requests in", out)
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    return {
        "rps": float(rps.group(1)) if rps else 0.0,
        "requests": int(done.group(1)) if done else 0,
        "p50": latency("50"),
        "p99": latency("99"),
        "non_2xx": int(non_2xx.group(1)) if non_2xx else 0,
        "timeouts": int(errors.group(4)) if errors else 0,
        "errors": sum(int(errors.group(i)) for i in (1, 2, 3)) if errors else 0,
    }


# --- The statements of one request --------------------------------------------------------

RECORD = re.compile(r"^\d{4}-\d\d-\d\d [\d:.]+ \w+ \[(\d+)\] app=(\S*) (\w+):  (.*)$")
PARAM = re.compile(r"\$(\d+) = ('(?:[^']|'')*'|NULL)")


def log_records(text: str):
    """(pid, app, level, message) of each log record, continuation lines joined."""
    record = None
    for line in text.splitlines():
        m = RECORD.match(line)
        if m:
            if record:
                yield record
            record = [m.group(1), m.group(2), m.group(3), m.group(4)]
        elif record and line.startswith("\t"):
            record[3] += "\n" + line[1:]
    if record:
        yield record


def statements(text: str) -> list[dict]:
    """The statements the app ran, in order: SQL with its parameters filled in, and the
    server's time for it (parse, bind and execute)."""
    found, pending, last_was_execute = [], {}, False
    for pid, app, level, message in log_records(text):
        if app == "bench":
            last_was_execute = False
            continue
        if level == "DETAIL":
            # Bind records carry the same DETAIL; only an execute's belongs to the statement.
            if last_was_execute and message.startswith("parameters: "):
                found[-1]["params"] = dict((int(n), v) for n, v in PARAM.findall(message))
            continue
        last_was_execute = False
        m = re.match(r"duration: ([\d.]+) ms  (parse|bind|execute|statement)([^:]*): (.*)", message, re.S)
        if level != "LOG" or not m:
            continue
        ms, step, sql = float(m.group(1)), m.group(2), m.group(4)
        if step in ("parse", "bind"):
            pending[pid] = pending.get(pid, 0.0) + ms
            continue
        found.append({"pid": pid, "sql": sql, "ms": ms + pending.pop(pid, 0.0), "params": {}})
        last_was_execute = True
    for s in found:
        s["filled"] = fill(s["sql"], s["params"])
    return found


def fill(sql: str, params: dict[int, str], for_pgbench: bool = False) -> str:
    sql = " ".join(sql.split()).rstrip(";")
    for number in sorted(params, reverse=True):
        value = params[number]
        if for_pgbench and ":" in value:
            # pgbench reads `:name` as a variable even inside quotes; an escape string hides it.
            value = "E" + value.replace("\\", "\\\\").replace(":", "\\x3a")
        sql = re.sub(rf"\${number}(?!\d)", lambda _: value, sql)
    return sql


def pgbench(cluster: Cluster, script: Path, clients: int, seconds: int, mode: str) -> dict:
    out = subprocess.run(
        ["pgbench", "-n", "-M", mode, "-c", str(clients), "-j", "2", "-T", str(seconds), "-f", str(script),
         *cluster.conninfo()],
        env={**os.environ, **APP_SESSION}, capture_output=True, text=True,
    )
    tps = re.search(r"tps = ([\d.]+) \(without initial connection time\)", out.stdout)
    latency = re.search(r"latency average = ([\d.]+) ms", out.stdout)
    return {
        "tps": float(tps.group(1)) if tps and out.returncode == 0 else 0.0,
        "latency": float(latency.group(1)) if latency else None,
        "error": None if out.returncode == 0 else (out.stderr.strip().splitlines() or ["failed"])[-1],
    }


def explain(cluster: Cluster, sql: str) -> str:
    # Rolled back: the heaviest statement may be a write (a session touched).
    out = subprocess.run(
        ["psql", "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", *cluster.conninfo()],
        input=f"BEGIN;\nEXPLAIN (ANALYZE, BUFFERS) {sql};\nROLLBACK;\n",
        env={**os.environ, **APP_SESSION, "PGAPPNAME": "bench"}, capture_output=True, text=True,
    )
    if out.returncode != 0:
        return f"(EXPLAIN failed: {out.stderr.strip()[:500]})"
    return "\n".join(shorten(line, 240) for line in out.stdout.rstrip().splitlines())


def shorten(text: str, limit: int) -> str:
    """`text` for the report: long lists of values summarised, long lines cut."""
    text = re.sub(r"'\{([^}]{100,})\}'", lambda m: f"'{{… {m.group(1).count(',') + 1} values …}}'", text)
    return text if len(text) <= limit else text[:limit] + " …"


# --- One page ----------------------------------------------------------------------------


def measure_page(args, cluster: Cluster, base: str, cookie: str, name: str, path: str, work: Path) -> dict:
    url = base + path
    log(f"  {name}: {path}")
    singles = [fetch(url, cookie) for _ in range(3)]
    status, size = singles[-1][0], singles[-1][1]
    page_time = statistics.median(s[2] for s in singles)

    offset = cluster.log.stat().st_size
    cluster.set_logging(True)
    fetch(url, cookie)
    cluster.set_logging(False)
    with open(cluster.log, errors="replace") as f:
        f.seek(offset)
        captured = statements(f.read())

    script = work / f"{re.sub(r'[^a-z]+', '-', name)}.sql"
    script.write_text("".join(fill(s["sql"], s["params"], for_pgbench=True) + ";\n" for s in captured))
    mode = "prepared"
    if pgbench(cluster, script, 1, 1, mode)["error"]:
        mode = "simple"
    heaviest = max(captured, key=lambda s: s["ms"]) if captured else None

    slow = page_time > SLOW_PAGE_S
    rounds = 1 if slow else args.rounds
    runs = {"c10": [], "c50": [], "pgbench": []}
    for _ in range(rounds):
        wrk(url, cookie, 2, 1)  # warm-up
        settle(base)
        runs["c10"].append(wrk(url, cookie, 10, args.seconds * (3 if slow else 1)))
        settle(base)
        if not slow:
            runs["c50"].append(wrk(url, cookie, 50, args.seconds))
            settle(base)
        runs["pgbench"].append(pgbench(cluster, script, POOL_SIZE, args.seconds, mode))

    def median(key: str, field: str):
        values = [r[field] for r in runs[key] if r.get(field) is not None]
        return statistics.median(values) if values else None

    result = {
        "name": name, "path": path, "status": status, "bytes": size, "page_ms": page_time * 1e3,
        "statements": len(captured), "db_ms": sum(s["ms"] for s in captured), "rounds": rounds, "slow": slow,
        "pgbench_mode": mode, "pgbench_error": next((r["error"] for r in runs["pgbench"] if r["error"]), None),
        "tps": median("pgbench", "tps"),
        "heaviest_ms": heaviest["ms"] if heaviest else None,
        "heaviest_sql": heaviest["filled"] if heaviest else None,
        "explain": explain(cluster, heaviest["filled"]) if heaviest else "",
        "top": sorted(captured, key=lambda s: -s["ms"])[:3],
    }
    for key in ("c10", "c50"):
        for field in ("rps", "p50", "p99"):
            result[f"{key}_{field}"] = median(key, field)
        result[f"{key}_bad"] = sum(r["non_2xx"] + r["timeouts"] + r["errors"] for r in runs[key])
    log(f"    {status}, {size} B, {page_time * 1e3:.1f} ms alone, {len(captured)} statements, "
        f"c10 {result['c10_rps']} req/s, c50 {result['c50_rps']} req/s, pgbench {result['tps']} tps ({mode})")
    return result


def rss_kb(pid: int) -> dict:
    fields = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        key, _, value = line.partition(":")
        if key in ("VmHWM", "VmRSS"):
            fields[key] = int(value.split()[0])
    return fields


# --- Planner and worker ------------------------------------------------------------------


def planner(env: dict, limit_s: int = 150) -> dict:
    """Times a day's run of the planner: the reminders that came due in the last 24 hours,
    once a run as of 24 hours ago has caught up with everything current then."""
    yesterday = datetime.datetime.now(datetime.timezone.utc) - datetime.timedelta(days=1)
    at = yesterday.strftime("%Y-%m-%dT%H:%M:%SZ")
    try:
        subprocess.run([str(BIN), "remind", "--at", at], env=env, capture_output=True, timeout=limit_s, check=True)
    except subprocess.TimeoutExpired:
        return {"seconds": float(limit_s), "output": [f"the day before's run stopped after {limit_s} s, unfinished"]}
    started = time.perf_counter()
    try:
        out = subprocess.run([str(BIN), "remind"], env=env, capture_output=True, text=True, timeout=limit_s)
        said = (out.stdout or out.stderr).strip().splitlines()[-1:]
    except subprocess.TimeoutExpired:
        said = [f"stopped after {limit_s} s, unfinished"]
    return {"seconds": time.perf_counter() - started, "output": said}


def worker(cluster: Cluster, env: dict, smtp_port: int, mails: int) -> dict:
    """Queues `mails` mails beside whatever the planner queued, then lets `worker --once`
    send them to the sink (mails/s from its run: it drains everything due) and the worker
    loop take whatever is left."""
    cluster.psql(
        "INSERT INTO outbox (kind, dedupe_key, user_id, recipient, subject, body_text, message_id) "
        f"SELECT 'invitation', 'bench-mail-' || i, 1 + i % 100, 'person' || (1 + i % 100) || '@bench.example.org', "
        f"'Benchmark mail ' || i, 'A mail of the benchmark.', '<bench-' || i || '@bench.example.org>' "
        f"FROM generate_series(1, {mails}) AS i"
    )
    pending_sql = "SELECT count(*) FROM outbox WHERE sent_at IS NULL AND dead_at IS NULL AND cancelled_at IS NULL " \
                  "AND held_for_digest = false AND next_attempt_at <= now()"
    sent_sql = "SELECT count(*) FROM outbox WHERE sent_at IS NOT NULL"
    env = {**env, "SMTP_URL": f"smtp://127.0.0.1:{smtp_port}?tls=none"}
    due = int(cluster.psql(pending_sql))
    # Mail held for a digest counts as sent once the planner made the digest: count from here.
    already = int(cluster.psql(sent_sql))
    started = time.perf_counter()
    once = subprocess.run([str(BIN), "worker", "--once"], env=env, capture_output=True, text=True)
    once_s = time.perf_counter() - started
    once_sent = int(cluster.psql(sent_sql)) - already
    loop = subprocess.Popen([str(BIN), "worker"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    started, before = time.perf_counter(), once_sent + already
    sent = before
    while time.perf_counter() - started < 30:
        time.sleep(0.5)
        sent = int(cluster.psql(sent_sql))
        if int(cluster.psql(pending_sql)) == 0:
            break
    elapsed = time.perf_counter() - started
    loop.send_signal(signal.SIGTERM)
    loop.wait(timeout=30)
    return {
        "due": due, "once_sent": once_sent, "once_seconds": once_s, "once_output": once.stdout.strip(),
        "loop_sent": sent - before, "loop_seconds": elapsed,
        "mails_per_s": once_sent / once_s if once_s > 0 else 0.0,
        "left": int(cluster.psql(pending_sql)),
    }


# --- One scale ---------------------------------------------------------------------------


def run_scale(args, scale: float) -> dict:
    data_dir = DATA / f"scale-{scale:g}"
    stop_leftover_cluster(data_dir)
    shutil.rmtree(data_dir, ignore_errors=True)
    data_dir.mkdir(parents=True)
    work = data_dir / "scripts"
    work.mkdir()
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "SMTP_URL", "RUST_LOG")}
    env.update({"DATA_DIR": str(data_dir), "LOG": "info", "LOG_FORMAT": "human", "BACKGROUND_JOBS": "off",
                "DATABASE_POOL_SIZE": str(POOL_SIZE), "HTTP_WORKERS": str(HTTP_WORKERS)})

    load = os.getloadavg()[0]
    log(f"scale {scale:g}: generating (load average {load:.1f})")
    started = time.perf_counter()
    out = subprocess.run([str(BIN), "bench-data", "--scale", f"{scale:g}", "--seed", str(args.seed)],
                         env=env, capture_output=True, text=True)
    generate_s = time.perf_counter() - started
    if out.returncode != 0:
        raise RuntimeError(f"bench-data failed:\n{out.stderr}")
    pages = [line.split("\t")[1:] for line in out.stdout.splitlines() if line.startswith("page\t")]
    where = re.search(r"private PostgreSQL cluster in (\S+?)(?: \(.*?\))?, socket in (\S+?)[,\s]",
                      re.sub(r"\x1b\[[0-9;]*m", "", out.stderr))
    cluster = Cluster(Path(where.group(1)), Path(where.group(2)))
    log(f"  {generate_s:.0f} s: {out.stdout.splitlines()[0]}")

    port, smtp_port = free_port(), free_port()
    base = f"http://127.0.0.1:{port}"
    sink = subprocess.Popen([sys.executable, str(ROOT / "bench" / "smtp_sink.py"), str(smtp_port),
                             str(data_dir / "sink-count")])
    server_log = open(data_dir / "serve.log", "w")
    server = subprocess.Popen([str(BIN), "serve"], env={**env, "BIND": f"127.0.0.1:{port}", "LOG": "warn"},
                              stdout=server_log, stderr=server_log)
    try:
        for _ in range(600):
            try:
                if fetch(base + "/healthz", "", timeout=1)[0] == 200:
                    break
            except OSError:
                time.sleep(0.1)
        cookie = sign_in(base)
        results = [measure_page(args, cluster, base, cookie, name, path, work) for name, path in pages]
        time.sleep(3)
        memory = rss_kb(server.pid)
        log("  planner and worker")
        plan = planner(env)
        mail = worker(cluster, env, smtp_port, args.mails)
        sizes = cluster.psql("SELECT pg_size_pretty(pg_database_size('convene'))")
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=60)
        sink.send_signal(signal.SIGTERM)
        sink.wait(timeout=10)
    sink_count = (data_dir / "sink-count").read_text().strip() if (data_dir / "sink-count").exists() else "?"
    return {"scale": scale, "generate_s": generate_s, "summary": out.stdout.splitlines()[0], "pages": results,
            "memory": memory, "planner": plan, "worker": mail, "sink": sink_count, "db_size": sizes,
            "load": (load, os.getloadavg()[0])}


# --- The report --------------------------------------------------------------------------


def number(value, digits=0) -> str:
    return "–" if value is None else f"{value:,.{digits}f}"


def report(args, runs: list[dict], started: datetime.datetime, seconds: float) -> str:
    commit = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"], capture_output=True,
                            text=True).stdout.strip()
    dirty = subprocess.run(["git", "-C", str(ROOT), "status", "--porcelain", "--untracked-files=no"],
                           capture_output=True, text=True).stdout.strip()
    lines = [
        f"# Benchmark {started:%Y-%m-%d %H:%M} UTC",
        "",
        f"Commit `{commit}`{' (with uncommitted changes)' if dirty else ''}, seed {args.seed}, "
        f"{os.cpu_count()} cores shared by app, PostgreSQL and the load generators; "
        f"release build, {HTTP_WORKERS} HTTP workers, pool of {POOL_SIZE} connections, background jobs off "
        f"while pages are measured. Each page: three requests alone (median = page time), one request's "
        f"statements from the PostgreSQL log (`log_min_duration_statement = 0`), then {args.rounds} rounds of "
        f"`wrk` at 10 and 50 connections for {args.seconds} s and `pgbench` running those statements "
        f"at {POOL_SIZE} clients for {args.seconds} s; medians of the rounds. A page whose request takes over "
        f"{SLOW_PAGE_S:g} s alone gets one round of {3 * args.seconds} s at 10 connections and none at 50. "
        f"Run took {seconds / 60:.1f} min.",
        "",
    ]
    by_scale = {run["scale"]: run for run in runs}
    small = by_scale.get(min(by_scale)) if len(by_scale) > 1 else None
    for run in runs:
        lines += [f"## Scale {run['scale']:g}", "", f"{run['summary']}; generated in {run['generate_s']:.0f} s, "
                  f"database {run['db_size']}; the machine's load average {run['load'][0]:.1f} at the start, "
                  f"{run['load'][1]:.1f} at the end (other work on the machine included).", ""]
        ratio_head = f" | ÷ scale {small['scale']:g}" if small and run is not small else ""
        lines += [
            f"| page | status | bytes | alone ms | statements | DB ms | req/s @10 | p50/p99 ms @10 "
            f"| req/s @50 | p50/p99 ms @50 | non-2xx/timeouts | pgbench tps | req/s ÷ tps{ratio_head} |",
            "|---|---|---|---|---|---|---|---|---|---|---|---|---|" + ("---|" if ratio_head else ""),
        ]
        for page in run["pages"]:
            best = page["c50_rps"] if page["c50_rps"] is not None else page["c10_rps"]
            share = best / page["tps"] if page["tps"] and best is not None else None
            ratio = ""
            if ratio_head:
                other = next((p for p in small["pages"] if p["name"] == page["name"]), None)
                ratio = f" | {number(page['page_ms'] / other['page_ms'], 1) if other else '–'}"
            lines.append(
                f"| {page['name']} | {page['status']} | {page['bytes']:,} | {number(page['page_ms'], 1)} "
                f"| {page['statements']} | {number(page['db_ms'], 1)} | {number(page['c10_rps'], 1)} "
                f"| {number(page['c10_p50'], 1)} / {number(page['c10_p99'], 1)} | {number(page['c50_rps'], 1)} "
                f"| {number(page['c50_p50'], 1)} / {number(page['c50_p99'], 1)} "
                f"| {page['c10_bad'] + page['c50_bad']} | {number(page['tps'], 0)}"
                f"{'' if page['pgbench_mode'] == 'prepared' else ' (simple)'} | {number(share, 2)}{ratio} |"
            )
        memory, plan, mail = run["memory"], run["planner"], run["worker"]
        lines += [
            "",
            f"- Server RSS: peak {memory.get('VmHWM', 0) / 1024:.0f} MB, {memory.get('VmRSS', 0) / 1024:.0f} MB "
            f"3 s after the last load.",
            f"- Planner (`convene remind`, the whole process): {plan['seconds']:.2f} s; "
            f"{' '.join(plan['output'])}",
            f"- Worker: {mail['due']} mails due; `worker --once` sent {mail['once_sent']} in "
            f"{mail['once_seconds']:.2f} s = **{mail['mails_per_s']:.0f} mails/s** "
            f"({mail['once_output'] or 'no output'}); the worker loop then sent "
            f"{mail['loop_sent']} in {mail['loop_seconds']:.1f} s, "
            f"{mail['left']} left due; the sink took {run['sink']}.",
            "",
        ]
        for page in run["pages"]:
            if page["pgbench_error"]:
                lines += [f"pgbench on {page['name']}: {page['pgbench_error']}", ""]
    last = runs[-1]
    lines += [f"## Heaviest statement of each page, scale {last['scale']:g}", ""]
    for page in last["pages"]:
        lines += [f"### {page['name']} (`{page['path']}`)", ""]
        if not page["heaviest_sql"]:
            lines += ["No statement captured.", ""]
            continue
        top = "; ".join(f"{s['ms']:.1f} ms" for s in page["top"])
        lines += [f"{page['statements']} statements, {page['db_ms']:.1f} ms of server time in all; "
                  f"the three heaviest {top}.", "", "```sql", shorten(page["heaviest_sql"], 3000), "```", "", "```",
                  page["explain"][:12000], "```", ""]
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scales", default="0.1,1", help="comma-separated, the smallest first (default 0.1,1)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--rounds", type=int, default=3, help="wrk/pgbench pairs per page (median)")
    parser.add_argument("--seconds", type=int, default=3, help="length of each wrk and pgbench run")
    parser.add_argument("--mails", type=int, default=1000, help="mails queued for the worker")
    parser.add_argument("--output", type=Path, help="default bench/results/<date>.md")
    args = parser.parse_args()
    started, clock = datetime.datetime.now(datetime.timezone.utc), time.perf_counter()
    runs = [run_scale(args, float(scale)) for scale in args.scales.split(",")]
    RESULTS.mkdir(parents=True, exist_ok=True)
    output = args.output or RESULTS / f"{started:%Y-%m-%d}.md"
    output.write_text(report(args, runs, started, time.perf_counter() - clock))
    log(f"wrote {output.relative_to(ROOT) if output.is_relative_to(ROOT) else output}")


if __name__ == "__main__":
    main()

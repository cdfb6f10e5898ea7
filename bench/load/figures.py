"""The figures of one load run (run.py's result dictionary): computed, printed, kept in figures["summary"]."""

import os

# Requests that are pages a person reads (GET); sign-in and the RSVP form posts are counted apart.
PAGES = {
    "home",
    "programmes",
    "news",
    "events",
    "event",
    "directory search",
    "suggestions",
    "notifications",
    "event session",
}
SATURATED = 90  # % of the machine, or of one core for one process


def percentile(values, fraction):
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


def deliveries(sent, clients):
    """Each message against each socket of its room (not the sender's) open when it was sent and
    still open at the end: received once, never, or more than once."""
    by_room = {}
    for client in clients:
        if client["opened"]:
            by_room.setdefault(client["room"], []).append(client)
    expected = once = missing = duplicated = 0
    for room, sender, number, at in sent:
        key = f"{sender}:{number}"
        for client in by_room.get(room, []):
            if client["index"] == sender or client["opened"] > at or (client["closed"] or 0) < at:
                continue
            expected += 1
            count = client["received"].get(key, 0)
            once += count == 1
            missing += count == 0
            duplicated += count > 1
    return {"expected": expected, "once": once, "missing": missing, "duplicated": duplicated}


def summarise(figures):
    locust, analyst = figures["locust"], figures["analyst"]
    requests = [r for r in locust.get("requests", []) if r[1] != "WS"]
    started, deadline = figures["started"], figures["deadline"]
    window = analyst.get("import") or {}
    during = (window.get("started_at", 0), window.get("finished_at", 0))
    errors = [r for r in requests if r[5] is not None]
    server_errors = [r for r in requests if (r[4] or 0) >= 500]
    kinds = {}
    for at, _type, name, ms, _status, _error in requests:
        kinds.setdefault(name, {"all": [], "import": []})["all"].append(ms)
        if during[0] <= at <= during[1]:
            kinds[name]["import"].append(ms)
    pages = [ms for r in requests if r[2] in PAGES for ms in [r[3]]]
    pages_import = [r[3] for r in requests if r[2] in PAGES and during[0] <= r[0] <= during[1]]
    latencies = [seconds * 1000 for _at, seconds in locust.get("latencies", [])]
    latencies_import = [s * 1000 for at, s in locust.get("latencies", []) if during[0] <= at <= during[1]]
    samples = figures["samples"]
    groups = [k for k in (samples[0] if samples else {}) if isinstance(samples[0][k], dict)]
    cpu = {
        g: {
            "mean": sum(s[g]["total"] for s in samples) / len(samples),
            "max": max(s[g]["total"] for s in samples),
            "max_one_process": max(s[g]["max"] for s in samples),
        }
        for g in groups
    }
    first = {}
    for sample in samples:
        moment = sample["t"] - started
        if sample["cpu"] >= SATURATED:
            first.setdefault("CPU of the machine (all cores)", moment)
        for g in groups:
            if sample[g]["max"] >= SATURATED:
                first.setdefault(f"one core: a process of {g}", moment)
    going = [s["going"] for s in samples] + [figures["going_end"]]
    imported = window.get("processed", 0)
    running = window.get("seconds", 0) - window.get("queued_s", 0)
    summary = {
        "requests": len(requests),
        "rps": len(requests) / (deadline - started),
        "errors": len(errors),
        "server_errors": len(server_errors),
        "error_kinds": sorted({f"{r[2]}: {r[4]} {r[5]}"[:160] for r in errors})[:8],
        "kinds": {
            name: {
                "n": len(v["all"]),
                **{f"p{p}": percentile(v["all"], p / 100) for p in (50, 95, 99)},
                "p95_import": percentile(v["import"], 0.95),
            }
            for name, v in sorted(kinds.items())
        },
        "pages_p95": percentile(pages, 0.95),
        "pages_p95_import": percentile(pages_import, 0.95),
        "pages_import_n": len(pages_import),
        "chat": {
            "p50": percentile(latencies, 0.5),
            "p99": percentile(latencies, 0.99),
            "p99_import": percentile(latencies_import, 0.99),
            "sent": len(locust.get("sent", [])),
            "acked": locust.get("acked", 0),
            "errors": locust.get("errors", 0),
            "connect_failures": locust.get("connect_failures", 0),
            "stored": figures["stored"],
            "stored_distinct": figures["stored_distinct"],
            **deliveries(locust.get("sent", []), locust.get("clients", [])),
        },
        "event": {
            "capacity": figures["capacity"],
            "max_going": max(going),
            "going_end": figures["going_end"],
            "waitlisted_end": figures["waitlisted_end"],
        },
        "import_rows_per_s": imported / running if running > 0 else 0,
        "cpu": cpu,
        "machine_cpu_mean": sum(s["cpu"] for s in samples) / len(samples) if samples else 0,
        "load_max": max((s["load"] for s in samples), default=0),
        "first_saturated": sorted(first.items(), key=lambda item: item[1]),
    }
    figures["summary"] = summary
    return summary


def report(figures):
    s = summarise(figures)
    chat, event, analyst = s["chat"], s["event"], figures["analyst"]
    cpus = figures["cpus"] or os.cpu_count()
    print(
        f"requests          : {s['requests']} HTTP in {figures['duration']} s = {s['rps']:.1f}/s "
        f"({s['rps'] / cpus:.1f}/s per core, {cpus} cores)"
    )
    print(
        "load average      : {:.1f} {:.1f} {:.1f} (1, 5, 15 min) when the load started".format(
            *figures["load_before"]
        )
    )
    print(f"errors            : {s['errors']} (server errors 5xx: {s['server_errors']})")
    for kind in s["error_kinds"]:
        print(f"    {kind}")
    print(f"{'kind':18}{'n':>7}{'p50':>8}{'p95':>8}{'p99':>8}  p95 during the import (ms)")
    for name, k in s["kinds"].items():
        print(f"{name:18}{k['n']:7}{k['p50']:8.0f}{k['p95']:8.0f}{k['p99']:8.0f}  {k['p95_import']:.0f}")
    print(
        f"pages p95         : {s['pages_p95']:.0f} ms; while the import ran {s['pages_p95_import']:.0f} ms "
        f"({s['pages_import_n']} pages)"
    )
    print(
        f"chat delivery     : p50 {chat['p50']:.0f} ms, p99 {chat['p99']:.0f} ms "
        f"(p99 while the import ran {chat['p99_import']:.0f} ms)"
    )
    print(
        f"messages          : sent {chat['sent']}, acknowledged {chat['acked']}, stored {chat['stored']} "
        f"({chat['stored_distinct']} distinct), send errors {chat['errors']}, "
        f"sockets refused {chat['connect_failures']}"
    )
    print(
        f"deliveries        : expected {chat['expected']}, exactly once {chat['once']}, "
        f"missing {chat['missing']}, duplicated {chat['duplicated']}"
    )
    over = event["max_going"] > event["capacity"]
    print(
        f"popular event     : capacity {event['capacity']}, going at most {event['max_going']} "
        f"(end: {event['going_end']} going, {event['waitlisted_end']} waitlisted) -> "
        + ("OVER CAPACITY" if over else "never over")
    )
    imp, link = analyst.get("import", {}), analyst.get("linkage", {})
    print(
        f"import            : {imp.get('status', 'not started')}, {imp.get('processed', 0)} of "
        f"{analyst.get('rows', 0)} rows in {imp.get('seconds', 0):.0f} s (queued "
        f"{imp.get('queued_s', 0):.0f} s): {s['import_rows_per_s']:.0f} rows/s"
    )
    print(
        f"linkage           : {link.get('status', 'not started')}, {link.get('records', 0)} records, "
        f"{link.get('seconds', 0):.0f} s"
    )
    print(
        f"CPU (% of a core) : machine mean {s['machine_cpu_mean']:.0f}% of all cores, "
        f"load average max {s['load_max']:.1f}"
    )
    for name, c in s["cpu"].items():
        print(
            f"    {name:34} mean {c['mean']:5.0f}  max {c['max']:5.0f}"
            f"  one process max {c['max_one_process']:5.0f}"
        )
    saturated = ", ".join(f"{name} at +{moment:.0f} s" for name, moment in s["first_saturated"][:4])
    print(f"first saturated   : {saturated or 'nothing reached ' + str(SATURATED) + '%'}")
    targets = [
        ("0 server errors", s["server_errors"] == 0),
        ("page p95 <= 300 ms while importing", s["pages_p95_import"] <= 300),
        ("chat p99 <= 200 ms while importing", chat["p99_import"] <= 200),
        ("never over capacity", not over),
        (
            "every message stored and delivered once",
            chat["stored"] == chat["sent"] and chat["once"] == chat["expected"],
        ),
    ]
    print("targets           : " + "; ".join(f"{name}: {'met' if ok else 'NOT met'}" for name, ok in targets))

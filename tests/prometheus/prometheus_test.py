#!/usr/bin/env python3
"""Debian's real Prometheus scrapes `feedwatch --headless --demo --metrics-listen`, and what it
stored is checked against the event stream of the same run (docs/metrics.md, "Tested with the
real thing"). Also runs `promtool check metrics` on the exposition and `promtool check rules` /
`promtool test rules` on packaging/prometheus/. Exit 77 (CTest: skipped) only when Prometheus
is not installed (packaging/install-deps.sh test installs it, best effort)."""

import argparse
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request

REFUSED = "qc-metrics"
FREEZE_AT_S = 20  # the demo freezes the queue feed this long after feedwatch started
# Stats reach the exporter a little after the event that changed them (the engine flushes its
# stats a few times a second); samples this close to a change of the same feed are not compared.
SETTLE_S = 1.5

failures = []
passes = []


def check(ok, what):
    print(("ok    " if ok else "FAIL  ") + what, flush=True)
    (passes if ok else failures).append(what)
    return ok


def wait_for(predicate, timeout, what, step=0.2):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(step)
    raise SystemExit(f"FAIL  timed out after {timeout} s waiting for {what}")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def http_get(url, timeout=5):
    with urllib.request.urlopen(url, timeout=timeout) as reply:
        return reply.status, reply.read()


def read_events(path):
    events = []
    try:
        with open(path, encoding="utf-8") as f:
            for line in f:
                if line.endswith("\n"):
                    events.append(json.loads(line))
    except FileNotFoundError:
        pass
    return events


def wall_s(event):
    # "2026-11-22T10:00:00.123Z"
    ts = event["ts"]
    return time.mktime(time.strptime(ts[:19], "%Y-%m-%dT%H:%M:%S")) - time.timezone + float(
        "0." + ts[20:23])


class Prometheus:
    def __init__(self, binary, work, target, rules):
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        config = os.path.join(work, "prometheus.yml")
        with open(config, "w", encoding="utf-8") as f:
            f.write(f"""global:
  scrape_interval: 1s
  scrape_timeout: 1s
  evaluation_interval: 1s
rule_files: ["{rules}"]
scrape_configs:
  - job_name: feedwatch
    static_configs:
      - targets: ["{target}"]
""")
        self.log = open(os.path.join(work, "prometheus.log"), "w", encoding="utf-8")
        self.process = subprocess.Popen(
            [binary, f"--config.file={config}",
             f"--storage.tsdb.path={os.path.join(work, 'data')}",
             f"--web.listen-address=127.0.0.1:{self.port}", "--log.level=warn"],
            stdout=self.log, stderr=subprocess.STDOUT)

    def ready(self):
        try:
            return http_get(self.base + "/-/ready", 1)[0] == 200
        except OSError:
            return False

    def query(self, expr, at=None):
        params = {"query": expr}
        if at is not None:
            params["time"] = f"{at:.3f}"
        _, body = http_get(self.base + "/api/v1/query?" + urllib.parse.urlencode(params))
        answer = json.loads(body)
        if answer["status"] != "success":
            raise SystemExit(f"FAIL  query {expr}: {answer}")
        return answer["data"]["result"]

    def stop(self):
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(20)
        except subprocess.TimeoutExpired:
            self.process.kill()
        self.log.close()


def samples(result):
    """{feed: [(t, value), ...]} from a range-vector result."""
    out = {}
    for series in result:
        feed = series["metric"].get("feed", "")
        out[feed] = [(float(t), float(v)) for t, v in series["values"]]
    return out


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--feedwatch", required=True)
    parser.add_argument("--rules", required=True)
    parser.add_argument("--rules-test", required=True)
    parser.add_argument("--work", required=True)
    args = parser.parse_args()

    prometheus_bin = shutil.which("prometheus") or "/usr/bin/prometheus"
    promtool = shutil.which("promtool") or "/usr/bin/promtool"
    if not (os.access(prometheus_bin, os.X_OK) and os.access(promtool, os.X_OK)):
        print("SKIP: Debian's prometheus package is not installed (packaging/install-deps.sh "
              "test installs it, best effort); the real-Prometheus test cannot run")
        return 77
    version = subprocess.run([prometheus_bin, "--version"], capture_output=True, text=True)
    print((version.stdout or version.stderr).splitlines()[0])

    rules = subprocess.run([promtool, "check", "rules", args.rules], capture_output=True,
                           text=True)
    check(rules.returncode == 0, "promtool check rules: " + rules.stdout.strip().replace("\n", " "))
    tests = subprocess.run([promtool, "test", "rules", os.path.basename(args.rules_test)],
                           cwd=os.path.dirname(args.rules_test), capture_output=True, text=True)
    check(tests.returncode == 0,
          "promtool test rules: " + (tests.stdout + tests.stderr).strip().replace("\n", " "))

    shutil.rmtree(args.work, ignore_errors=True)
    os.makedirs(args.work)
    events_path = os.path.join(args.work, "events.jsonl")
    env = dict(os.environ)
    env.update({"QT_QPA_PLATFORM": "offscreen",
                "XDG_CONFIG_HOME": os.path.join(args.work, "config"),
                "XDG_DATA_HOME": os.path.join(args.work, "data-home"),
                "FEEDWATCH_DEMO_SCENARIO": f"at {FREEZE_AT_S}s freeze queue"})
    feedwatch_log = open(os.path.join(args.work, "feedwatch.log"), "w", encoding="utf-8")
    feedwatch = subprocess.Popen(
        [args.feedwatch, "--headless", "--demo", "--metrics-listen", "127.0.0.1:0",
         "--events", events_path, "--journal", os.path.join(args.work, "journal.sqlite"),
         "--duration", "150", "--set", "heartbeat.interval_ms=1000",
         "--set", "heartbeat.timeout_ms=1000"],
        env=env, stdout=feedwatch_log, stderr=subprocess.STDOUT)
    started = time.monotonic()
    prometheus = None
    try:
        listening = wait_for(
            lambda: next((e for e in read_events(events_path) if e["event"] == "metrics"), None),
            20, "the metrics event")
        check("url" in listening, f"feedwatch serves {listening.get('url')}")
        url = listening["url"]
        target = url.split("/")[2]

        prometheus = Prometheus(prometheus_bin, args.work, target, os.path.abspath(args.rules))
        wait_for(prometheus.ready, 30, "Prometheus to be ready")
        print(f"Prometheus ready on {prometheus.base}, "
              f"{time.monotonic() - started:.1f} s after feedwatch started")

        # Two scrapes with all 8 feeds up, before the freeze.
        def two_scrapes():
            r = prometheus.query('count_over_time(up{job="feedwatch"}[1m])')
            return r and float(r[0]["value"][1]) >= 2
        wait_for(two_scrapes, 30, "two scrapes")
        exposition = http_get(url)[1]
        lint = subprocess.run([promtool, "check", "metrics"], input=exposition,
                              capture_output=True)
        check(lint.returncode == 0, "promtool check metrics on the exposition ("
              f"{len(exposition)} bytes): "
              + (lint.stdout + lint.stderr).decode().strip().replace("\n", " "))
        up_now = prometheus.query('sum(feedwatch_feed_up{job="feedwatch"})')
        before_freeze = time.monotonic() - started < FREEZE_AT_S
        check(before_freeze, f"two scrapes in before the freeze at {FREEZE_AT_S} s "
              f"({time.monotonic() - started:.1f} s)")

        # The freeze: a heartbeat timeout on queue, then a few more scrapes.
        timeout_event = wait_for(
            lambda: next((e for e in read_events(events_path)
                          if e["event"] == "heartbeat_timeout" and e["feed"] == "queue"), None),
            FREEZE_AT_S + 30, "the queue's heartbeat_timeout")
        time.sleep(4)  # four more scrapes at 1 s; Prometheus has no "next scrape" to wait for
        end = time.time()
        events = read_events(events_path)

        scrape_times = [t for t, _ in samples(prometheus.query(
            'up{job="feedwatch"}[5m]', end)).get("", [])]
        up = samples(prometheus.query('feedwatch_feed_up{job="feedwatch"}[5m]', end))
        timeouts = samples(prometheus.query(
            'feedwatch_feed_heartbeat_timeouts_total{job="feedwatch"}[5m]', end))
        # One series per close code and decision: summed per scrape (a series that appears
        # later had no disconnect of its kind before).
        queue_disconnects = {}
        for series in prometheus.query(
                'feedwatch_feed_disconnects_total{job="feedwatch",feed="queue"}[5m]', end):
            for t, v in series["values"]:
                queue_disconnects[float(t)] = queue_disconnects.get(float(t), 0) + float(v)

        # The demo serves the tac-webbuilder profile's 9 default feeds and, like the real
        # server, refuses qc-metrics with HTTP 500: that feed stays down throughout.
        all_feeds = sorted(up)
        check(len(all_feeds) == 9 and REFUSED in all_feeds, f"9 feeds in Prometheus: {all_feeds}")
        check(all(v == 0 for _, v in up.get(REFUSED, [])),
              f"{REFUSED} (HTTP 500 on the upgrade) never up: {up.get(REFUSED, [])[-3:]}")
        feeds = [f for f in all_feeds if f != REFUSED]
        freeze_wall = wall_s(timeout_event)

        # The event stream's view: each feed's state at a time.
        changes = {}  # feed -> [(t, connected)]
        for e in events:
            if e["event"] == "state" and e["feed"]:
                changes.setdefault(e["feed"], []).append((wall_s(e), e["state"] == "connected"))

        def connected_at(feed, t):
            state = False
            for at, connected in changes.get(feed, []):
                if at <= t:
                    state = connected
            return state

        def settled(times, t):
            return all(abs(t - at) > SETTLE_S for at in times)

        # 8 up in Prometheus where the stream says 8 connected, at least twice before the freeze.
        all_up = [t for t in scrape_times if t < freeze_wall - SETTLE_S
                  and sum(v for f in feeds for at, v in up[f] if at == t) == 8
                  and all(connected_at(f, t) for f in feeds)]
        check(len(all_up) >= 2, f"scrapes with all 8 feeds up, in Prometheus and in the event "
              f"stream: {len(all_up)} before the freeze")
        check(up_now and float(up_now[0]["value"][1]) == 8,
              f"sum(feedwatch_feed_up) == 8 after two scrapes: {up_now}")

        # Every settled sample of every feed agrees with the stream.
        compared = mismatched = 0
        for f in feeds:
            times = [at for at, _ in changes.get(f, [])]
            for t, v in up[f]:
                if not settled(times, t):
                    continue
                compared += 1
                if v != (1.0 if connected_at(f, t) else 0.0):
                    mismatched += 1
                    print(f"      {f} at {t:.3f}: Prometheus {v}, events say "
                          f"{'connected' if connected_at(f, t) else 'not connected'}")
        check(compared >= 8 * 6 and mismatched == 0,
              f"feedwatch_feed_up against the event stream: {compared} samples compared, "
              f"{mismatched} differ")

        # After the freeze: queue down, the others up, its heartbeat timeouts up by the events'.
        last = {f: up[f][-1] for f in feeds}
        check(last["queue"][1] == 0 and not connected_at("queue", last["queue"][0]),
              f"queue down after the freeze: up {last['queue'][1]} at {last['queue'][0]:.3f}")
        check(all(last[f][1] == 1 for f in feeds if f != "queue"),
              "the other 7 feeds still up: "
              + ", ".join(f"{f}={last[f][1]:.0f}" for f in feeds if f != "queue"))
        hb_events = [wall_s(e) for e in events
                     if e["event"] == "heartbeat_timeout" and e["feed"] == "queue"]
        queue_timeouts = timeouts.get("queue", [])
        first, final = queue_timeouts[0], queue_timeouts[-1]
        expected_final = sum(1 for t in hb_events if t <= final[0])
        check(first[1] == 0 and final[1] >= 1 and final[1] == expected_final,
              f"heartbeat timeouts of queue: {first[1]:.0f} before, {final[1]:.0f} after "
              f"(event stream: {expected_final})")
        check(all(timeouts[f][-1][1] == 0 for f in feeds if f != "queue"),
              "no heartbeat timeout on the other feeds")
        bad = 0
        checked = 0
        disconnect_events = [wall_s(e) for e in events
                             if e["event"] == "disconnected" and e["feed"] == "queue"]
        for t in scrape_times:
            v = queue_disconnects.get(t, 0)
            if settled(disconnect_events, t):
                checked += 1
                bad += v != sum(1 for at in disconnect_events if at <= t)
        check(checked > 0 and bad == 0,
              f"disconnects of queue against the event stream: {checked} samples, {bad} differ")

        # The example rules ran on real data: FeedwatchFeedDown pending for the frozen queue and
        # the refused feed only.
        alerts = prometheus.query('ALERTS{alertname="FeedwatchFeedDown"}', end)
        check(sorted(a["metric"]["feed"] for a in alerts) == sorted(["queue", REFUSED]),
              f"FeedwatchFeedDown pending for: {[a['metric']['feed'] for a in alerts]}")

        durations = samples(prometheus.query(
            'scrape_duration_seconds{job="feedwatch"}[5m]', end)).get("", [])
        scraped = prometheus.query('scrape_samples_scraped{job="feedwatch"}', end)
        print(f"figures: {len(scrape_times)} scrapes, {scraped[0]['value'][1]} samples each, "
              f"scrape duration max {max(v for _, v in durations) * 1000:.1f} ms, "
              f"median {sorted(v for _, v in durations)[len(durations) // 2] * 1000:.1f} ms")
    finally:
        if prometheus:
            prometheus.stop()
        feedwatch.send_signal(signal.SIGTERM)
        try:
            code = feedwatch.wait(30)
            check(code == 0, f"feedwatch exits 0 on SIGTERM ({code})")
        except subprocess.TimeoutExpired:
            feedwatch.kill()
            check(False, "feedwatch exits on SIGTERM")
        feedwatch_log.close()

    print(f"{len(passes)} passed, {len(failures)} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())

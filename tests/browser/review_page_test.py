#!/usr/bin/env python3
"""End to end: the review page in headless Chromium clears a false positive that the next
screening run then suppresses (docs/serve.md, "The review page").

    review_page_test.py --corridor BUILD/corridor --source REPO --artefacts BUILD/browser

Builds the demo database (samples/) plus one shipment of the test's own, T-01: its consignee is
a Singapore resident named Chen Quanguo, a namesake of the SDN-listed Chen Quanguo (ofac-sdn
29220), so the name alone puts the shipment in the review queue (a short Chinese name without
corroboration reviews, never blocks: docs/matching.md) - a false positive by construction. Screens,
serves, drives the page through chromedriver's WebDriver HTTP API (stdlib only, no npm): picks
T-01 from the queue, clears the sdn_party hit with a reason, and waits for the page to say the
decision was recorded. Checks what the page shows a reviewer on the samples: T-01's names side
by side, a name match whose names differ with the difference marked, an ownership finding drawn
as a chain from the listed owner to the party, a route with the legs a hit names marked risky.
Then screens again and checks the hit now appears as suppressed and T-01 is now clear. Keeps
ARTEFACTS/review_page.png (the page after the decision), review_page_ownership.png and
review_page_route.png.
Everything runs on 127.0.0.1 and stops by itself (every wait has a deadline).
"""
import argparse
import base64
import json
import os
import re
import shutil
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request

AS_OF = "2025-12-01"
FALSE_POSITIVE = """
INSERT INTO entity (entity_id, kind, name, country, address, birth_date) VALUES
  ('E-T01', 'person', 'Chen Quanguo', 'SG', '12 Kallang Avenue, Singapore', NULL),
  ('E-T02', 'company', 'Shenzhen Lianhua Precision Parts Co., Ltd.', 'CN', '88 Bao An Road', NULL);
INSERT INTO shipment (shipment_id, shipped_on, mode, origin_country, destination_country,
                      final_destination_country, declared_value, currency) VALUES
  ('T-01', '2025-11-20', 'sea', 'CN', 'SG', 'SG', 4200, 'USD');
INSERT INTO shipment_party (shipment_id, entity_id, role) VALUES
  ('T-01', 'E-T02', 'shipper'), ('T-01', 'E-T01', 'consignee');
INSERT INTO shipment_item (shipment_id, line, hs_code, description, quantity, unit, value,
                           origin_country) VALUES
  ('T-01', 1, '7318.15', 'Stainless steel screws', 20000, 'pcs', 4200, 'CN');
INSERT INTO shipment_leg (shipment_id, seq, location, location_name, country, kind) VALUES
  ('T-01', 1, 'CNSZX', 'Shenzhen', 'CN', 'port'), ('T-01', 2, 'SGSIN', 'Singapore', 'SG', 'port');
"""
HIT = "sdn_party:ofac-sdn:29220"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def run(*args):
    result = subprocess.run(args, capture_output=True, text=True, timeout=120)
    if result.returncode != 0:
        sys.exit(f"FAILED: {' '.join(args)}\n{result.stdout}{result.stderr}")
    return result.stdout


def http(method, url, body=None, timeout=30):
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(url, data=data, method=method,
                                     headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return json.loads(response.read() or b"null")
    except urllib.error.HTTPError as error:
        sys.exit(f"FAILED: {method} {url}: {error.code} {error.read()[:500]!r}")


def wait_until(what, check, seconds=30):
    deadline = time.time() + seconds
    while time.time() < deadline:
        value = check()
        if value:
            return value
        time.sleep(0.2)
    sys.exit(f"FAILED: timed out waiting for {what}")


class WebDriver:
    """The few WebDriver commands the test needs, over chromedriver's HTTP API."""
    ELEMENT = "element-6066-11e4-a52e-4f735466cecf"

    def __init__(self, port, profile):
        self.base = f"http://127.0.0.1:{port}"
        options = {"args": ["--headless=new", "--no-sandbox", "--disable-gpu",
                            "--disable-dev-shm-usage", "--window-size=1400,1000",
                            f"--user-data-dir={profile}", "--no-first-run"]}
        if shutil.which("chromium"):
            options["binary"] = shutil.which("chromium")
        answer = http("POST", self.base + "/session",
                      {"capabilities": {"alwaysMatch": {"goog:chromeOptions": options}}}, 60)
        self.session = f"{self.base}/session/{answer['value']['sessionId']}"

    def go(self, url):
        http("POST", self.session + "/url", {"url": url})

    def script(self, source, *args):
        return http("POST", self.session + "/execute/sync",
                    {"script": source, "args": list(args)})["value"]

    def find(self, css):
        answer = http("POST", self.session + "/element", {"using": "css selector", "value": css})
        return answer["value"][self.ELEMENT]

    def type(self, css, text):
        http("POST", f"{self.session}/element/{self.find(css)}/value", {"text": text})

    def click(self, css):
        http("POST", f"{self.session}/element/{self.find(css)}/click", {})

    def screenshot(self, path):
        png = http("GET", self.session + "/screenshot")["value"]
        with open(path, "wb") as out:
            out.write(base64.b64decode(png))

    def quit(self):
        try:
            http("DELETE", self.session, timeout=10)
        except SystemExit:
            pass


def screen(corridor, db, rules, out):
    run(corridor, "screen", "--db", db, "--rules", rules, "--out", out, "--as-of", AS_OF,
        "--format", "json")
    shipments = {}
    with open(out) as lines:
        for line in lines:
            record = json.loads(line)
            if "shipment" in record:
                shipments[record["shipment"]["shipment_id"]] = record["shipment"]
    return shipments


def make_database(corridor, source, work):
    db = os.path.join(work, "demo.db")
    run(corridor, "init", "--db", db)
    with sqlite3.connect(db) as connection:
        with open(os.path.join(source, "samples", "corridor_demo.sql")) as sql:
            connection.executescript(sql.read())
        connection.executescript(FALSE_POSITIVE)
    run(corridor, "import-incidents", "--db", db, "--format", "acled", "--path",
        os.path.join(source, "samples", "incidents_acled.csv"))
    return db


def start_server(corridor, db, rules, scores, work):
    log_path = os.path.join(work, "serve.log")
    log = open(log_path, "w")
    server = subprocess.Popen([corridor, "serve", "--db", db, "--rules", rules, "--scores",
                               scores, "--listen", "127.0.0.1:0", "--as-of", AS_OF],
                              stderr=log)

    def port():
        with open(log_path) as text:
            found = re.search(r"listening on http://127\.0\.0\.1:(\d+)/", text.read())
        if server.poll() is not None:
            sys.exit("FAILED: corridor serve exited: " + open(log_path).read())
        return found and found.group(1)

    return server, wait_until("corridor serve to listen", port, 120)


def open_shipment(driver, shipment_id):
    """Clicks the shipment's row in the queue and waits for its detail to be drawn."""
    driver.click(f'#queue .row[data-shipment="{shipment_id}"]')
    wait_until(f"{shipment_id} to be shown", lambda: driver.script(
        "const h = document.querySelector('#detail h2');"
        "return h && h.textContent.startsWith(arguments[0]) &&"
        " document.querySelector('#detail h3') !== null;", shipment_id))


def first_with(driver, predicate):
    """The first queued shipment one of whose evidence satisfies the JS `predicate(e)`."""
    return driver.script(
        "const test = new Function('e', 'return ' + arguments[0]);"
        "const s = state.queue.shipments.find((s) => s.hits.some((h) =>"
        " h.evidence.some((e) => test(e))));"
        "return s ? s.shipment_id : null;", predicate)


def check_reading_aids(driver, artefacts):
    """What the issue asks the page to show a reviewer, on the samples: names side by side with
    the differing parts marked, the ownership chain drawn, the route with the risky leg marked."""
    # Names: on T-01, the party's name and the listed name, every shared word marked the same.
    names = driver.script(
        "const n = document.querySelector(`[data-hit=\"${arguments[0]}\"]`)"
        ".closest('.evidence').querySelector('[data-role=names]');"
        "return n && {same: n.querySelectorAll('.word.same').length,"
        " differs: n.querySelectorAll('.word.differs, .differs-part').length,"
        " text: n.textContent};", HIT)
    if not names or names["same"] < 4 or names["differs"] != 0:
        sys.exit(f"FAILED: T-01's names side by side: {names}")
    # A match whose names differ: the differing words (or letters) are marked.
    words = "wordsOf(%s).map((w) => w.toLowerCase()).sort().join(' ')"
    fuzzy = first_with(driver, "e.list_match && e.list_match.list_id && " +
                       words % "e.list_match.query_name" + " !== " +
                       words % "e.list_match.matched_name")
    if not fuzzy:
        sys.exit("FAILED: no queued sample has a name match with differing names")
    open_shipment(driver, fuzzy)
    marked = driver.script(
        "return [...document.querySelectorAll('#detail [data-role=names]')].map((n) =>"
        " n.querySelectorAll('.word.differs, .differs-part').length);")
    if not marked or max(marked) < 1:
        sys.exit(f"FAILED: {fuzzy}: differing names shown without a marked difference: {marked}")
    print(f"page: names side by side ({names['text']!r}); {fuzzy}'s differences marked")
    # Ownership: the path from the listed owner to the party, one node per step and one more.
    owned = first_with(driver, "e.ownership && e.ownership.path && e.ownership.path.length > 0")
    if not owned:
        sys.exit("FAILED: no queued sample has an ownership finding with a path")
    open_shipment(driver, owned)
    chain = driver.script(
        "const e = state.queue.shipments.find((s) => s.shipment_id === arguments[0]).hits"
        ".flatMap((h) => h.evidence).find((e) => e.ownership && e.ownership.path &&"
        " e.ownership.path.length);"
        "const c = document.querySelector('#detail [data-role=chain]');"
        "return c && {nodes: [...c.querySelectorAll('.node')].map((n) => n.textContent),"
        " listed: [...c.querySelectorAll('.node')].map((n) => n.classList.contains('listed')),"
        " steps: e.ownership.path.length, party: e.party.name,"
        " owner: e.ownership.path[0].owner_name || e.ownership.path[0].owner};", owned)
    if (not chain or len(chain["nodes"]) != chain["steps"] + 1 or
            chain["nodes"][0] != chain["owner"] or chain["nodes"][-1] != chain["party"] or
            chain["listed"] != [True] + [False] * chain["steps"]):
        sys.exit(f"FAILED: {owned}: the ownership chain drawn is {chain}")
    driver.screenshot(os.path.join(artefacts, "review_page_ownership.png"))
    print(f"page: {owned} ownership chain {' -> '.join(chain['nodes'])}")
    # Route: every leg in order, the legs a hit names outlined as risky, the others not.
    routed = first_with(driver, "e.leg && e.leg.seq")
    if not routed:
        sys.exit("FAILED: no queued sample has a hit that names a route leg")
    open_shipment(driver, routed)
    route = wait_until(f"{routed}'s route", lambda: driver.script(
        "const legs = [...document.querySelectorAll('#detail [data-role=route] .leg')];"
        "if (!legs.length) return null;"
        "const named = new Set(state.queue.shipments.find((s) => s.shipment_id === arguments[0])"
        ".hits.flatMap((h) => h.evidence).filter((e) => e.leg && e.leg.seq)"
        ".map((e) => String(e.leg.seq)));"
        "return {seqs: legs.map((l) => l.dataset.seq),"
        " risky: legs.filter((l) => l.classList.contains('risky')).map((l) => l.dataset.seq),"
        " named: [...named]};", routed))
    if (not route["risky"] or sorted(route["risky"]) != sorted(route["named"]) or
            route["seqs"] != sorted(route["seqs"], key=int)):
        sys.exit(f"FAILED: {routed}: route {route}")
    driver.screenshot(os.path.join(artefacts, "review_page_route.png"))
    print(f"page: {routed} route legs {route['seqs']}, risky {route['risky']}")
    check_badges(driver)


def check_badges(driver):
    """Every queued shipment's detail: no badge is empty (a rule without a decision floor once
    showed an empty one); a floor badge reads 'at least REVIEW|HOLD|BLOCK'."""
    ids = driver.script("return state.queue.shipments.map((s) => s.shipment_id);")
    floors = 0
    for shipment_id in ids:
        open_shipment(driver, shipment_id)
        texts = driver.script("return [...document.querySelectorAll('#detail .badge')]"
                              ".map((b) => b.textContent.trim());")
        if any(not text or text == "undefined" for text in texts):
            sys.exit(f"FAILED: {shipment_id} shows an empty badge: {texts}")
        floors += sum(text.startswith("at least ") for text in texts)
    if floors == 0:
        sys.exit("FAILED: no hit on the page shows its rule's decision floor")
    print(f"page: {len(ids)} shipments, no empty badge, {floors} floor badges")


def drive_page(driver, page, artefacts):
    driver.go(page + "?shipment=T-01")
    wait_until("the queue to load",
              lambda: driver.script("return document.body.dataset.loaded === 'true';"))
    heading = driver.script("return document.querySelector('#detail h2').textContent;")
    if not heading.startswith("T-01"):
        sys.exit(f"FAILED: the page opened {heading!r}, not T-01")
    # What a reviewer sees: the names side by side, the route with its legs.
    words = driver.script("return [...document.querySelectorAll("
                          f"'[data-hit=\"{HIT}\"]')].length;")
    if words < 1:
        sys.exit(f"FAILED: no actions for hit {HIT} on the page")
    legs = driver.script("return document.querySelectorAll('#detail .leg').length;")
    if legs != 2:
        sys.exit(f"FAILED: the route shows {legs} legs, T-01 has 2")
    driver.type("#reviewer", "r.browser-test")
    box = f'[data-hit="{HIT}"]'
    driver.type(box + " input.reason",
                "namesake: Singapore resident, not the listed Xinjiang official")
    driver.click(box + ' button[data-decision="cleared"]')
    status = wait_until("the decision to be recorded", lambda: driver.script(
        "const s = document.querySelector(arguments[0] + ' .decision-status');"
        "return s && s.textContent;", box))
    driver.screenshot(os.path.join(artefacts, "review_page.png"))
    if not status.startswith("recorded: cleared by r.browser-test"):
        sys.exit(f"FAILED: the page says {status!r}")
    print(f"page: {status}")
    check_reading_aids(driver, artefacts)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--corridor", required=True)
    parser.add_argument("--source", required=True)
    parser.add_argument("--artefacts", required=True)
    args = parser.parse_args()
    os.makedirs(args.artefacts, exist_ok=True)
    for tool in ("chromedriver",):
        if not shutil.which(tool):
            sys.exit(f"FAILED: {tool} is not installed (.ci/install-deps installs it)")
    work = tempfile.mkdtemp(prefix="corridor-browser-")
    rules = os.path.join(args.source, "rules")
    server = chromedriver = driver = None
    try:
        db = make_database(args.corridor, args.source, work)
        before = screen(args.corridor, db, rules, os.path.join(work, "run1.scores"))
        if before["T-01"]["decision"] != "REVIEW":
            sys.exit(f"FAILED: T-01 should review on the namesake, got {before['T-01']['decision']}")
        server, port = start_server(args.corridor, db, rules, os.path.join(work, "run1.scores"),
                                    work)
        driver_port = free_port()
        chromedriver = subprocess.Popen(["chromedriver", f"--port={driver_port}"],
                                        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        wait_until("chromedriver", lambda: _ready(driver_port))
        driver = WebDriver(driver_port, os.path.join(work, "profile"))
        drive_page(driver, f"http://127.0.0.1:{port}/", args.artefacts)

        after = screen(args.corridor, db, rules, os.path.join(work, "run2.scores"))
        t01 = after["T-01"]
        suppressed = [h["rule_id"] for h in t01.get("suppressed_hits", [])]
        counted = [h["rule_id"] for h in t01["hits"]]
        if "sdn_party" not in suppressed or "sdn_party" in counted:
            sys.exit(f"FAILED: after the decision sdn_party is counted {counted}, "
                     f"suppressed {suppressed}")
        if t01["decision"] != "CLEAR":
            sys.exit(f"FAILED: T-01 is {t01['decision']} after its only listed hit was cleared")
        for shipment_id, score in before.items():
            if shipment_id != "T-01" and after[shipment_id]["decision"] != score["decision"]:
                sys.exit(f"FAILED: {shipment_id} changed decision without a decision of its own")
        print(f"rerun: T-01 {before['T-01']['decision']} -> {t01['decision']}, "
              f"sdn_party suppressed; screenshot {args.artefacts}/review_page.png")
        print("1 passed, 0 failed")
    finally:
        if driver:
            driver.quit()
        for process in (chromedriver, server):
            if process and process.poll() is None:
                process.terminate()
                try:
                    process.wait(timeout=15)
                except subprocess.TimeoutExpired:
                    process.kill()
        if server and server.returncode not in (0, None):
            print(f"FAILED: corridor serve exited {server.returncode} on SIGTERM")
            sys.exit(1)
        shutil.rmtree(work, ignore_errors=True)


def _ready(port):
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/status", timeout=2) as response:
            return json.loads(response.read())["value"]["ready"]
    except (OSError, ValueError, KeyError):
        return False


if __name__ == "__main__":
    main()

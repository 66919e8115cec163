#!/usr/bin/env python3
"""Constant-rate load on a running `corridor serve` from a second process (stdlib only).

    serve_load.py --url http://127.0.0.1:PORT --route screen|match [--rate 200] [--seconds 20]

Sends one request every 1/rate seconds on one keep-alive connection (the next one goes at its
slot, or at once when the previous answer came late, which is counted), and prints the latency
percentiles of the answers, measured from sending to the end of the response. /screen gets a
shipment with 5 parties, /match one query; the names cycle through a fixed, invented set so
runs compare. Stops after --seconds; exits 1 when any request fails.
"""
import argparse
import http.client
import json
import sys
import time
import urllib.parse

NAMES = [
    ("Shenzhen Bright Star Electronics Co., Ltd", "company", "CN"),
    ("Bishkek Alatoo Trading LLC", "company", "KG"),
    ("Quanguo Chen", "person", "CN"),
    ("Almaty Steppe Logistics LLP", "company", "KZ"),
    ("Tashkent Silk Way Import", "company", "UZ"),
    ("Yerevan Ararat Components CJSC", "company", "AM"),
    ("Dubai Gulf Horizon General Trading FZE", "company", "AE"),
    ("Istanbul Bosphorus Makina A.S.", "company", "TR"),
    ("Ivan Petrovich Sokolov", "person", "RU"),
    ("Hong Kong Pearl River Supply Ltd", "company", "HK"),
    ("Xinjiang Production and Construction Corps", "organization", "CN"),
]
ROLES = ["shipper", "consignee", "notify", "end_user", "forwarder"]


def screen_body(i):
    parties = []
    for k, role in enumerate(ROLES):
        name, kind, country = NAMES[(i + k) % len(NAMES)]
        parties.append({"entity_id": f"E-{k}", "role": role, "name": name, "kind": kind,
                        "country": country})
    return {"shipment_id": f"LOAD-{i}", "origin_country": "CN", "destination_country": "KG",
            "final_destination_country": "KG",
            "parties": parties,
            "items": [{"line": 1, "hs_code": "8542.31", "description": "Processors",
                       "value": 12000}],
            "legs": [{"seq": 1, "location": "CNSZX", "country": "CN"},
                     {"seq": 2, "location": "KGFRU", "country": "KG"}]}


def match_body(i):
    name, kind, country = NAMES[i % len(NAMES)]
    schema = {"person": "Person", "company": "Company"}.get(kind, "Organization")
    return {"queries": {"q": {"schema": schema,
                              "properties": {"name": [name], "country": [country.lower()]}}}}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--url", required=True)
    parser.add_argument("--route", choices=["screen", "match"], required=True)
    parser.add_argument("--rate", type=float, default=200)
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--token", default="")
    args = parser.parse_args()
    url = urllib.parse.urlparse(args.url)
    connection = http.client.HTTPConnection(url.hostname, url.port, timeout=10)
    path = "/screen" if args.route == "screen" else "/match/default"
    make = screen_body if args.route == "screen" else match_body
    headers = {"Content-Type": "application/json"}
    if args.token:
        headers["Authorization"] = "Bearer " + args.token
    bodies = [json.dumps(make(i)) for i in range(len(NAMES) * 4)]
    count = int(args.rate * args.seconds)
    latencies, failures, late = [], 0, 0
    start = time.perf_counter()
    for i in range(count):
        slot = start + i / args.rate
        now = time.perf_counter()
        if now < slot:
            time.sleep(slot - now)
        elif now - slot > 1 / args.rate:
            late += 1
        sent = time.perf_counter()
        connection.request("POST", path, body=bodies[i % len(bodies)], headers=headers)
        response = connection.getresponse()
        response.read()
        latencies.append(time.perf_counter() - sent)
        if response.status != 200:
            failures += 1
    elapsed = time.perf_counter() - start
    latencies.sort()

    def pct(p):
        return latencies[min(len(latencies) - 1, int(p / 100 * len(latencies)))] * 1000

    print(f"{args.route}: {count} requests in {elapsed:.1f} s ({count / elapsed:.0f}/s), "
          f"failures {failures}, sent late {late}; latency ms p50 {pct(50):.2f} "
          f"p90 {pct(90):.2f} p99 {pct(99):.2f} max {latencies[-1] * 1000:.2f}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())

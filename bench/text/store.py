"""Load and timing for bench/text/store: reads comments from the labelled set at run time."""
import base64
import csv
import http.client
import json
import statistics
import sys
import threading
import time

port, count, reviews, clients = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3], int(sys.argv[4])


def call(conn, method, path, body=None, auth=None):
    try:
        return send(conn, method, path, body, auth)
    except (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError):
        conn.close()  # an idle keep-alive connection the server closed: http.client reconnects
        return send(conn, method, path, body, auth)


def send(conn, method, path, body, auth):
    headers = {"Content-Type": "application/json", "Accept": "application/json"}
    headers["Authorization"] = auth or AUTH
    conn.request(method, path, json.dumps(body) if body is not None else None, headers)
    response = conn.getresponse()
    text = response.read().decode()
    if response.status >= 300:
        raise RuntimeError(f"{method} {path}: {response.status} {text}")
    return json.loads(text) if text else None


def connection():
    return http.client.HTTPConnection("localhost", port)


basic = "Basic " + base64.b64encode(b"admin:text-bench-password").decode()
AUTH = basic
token = call(connection(), "POST", "/api/v1/tokens", {"name": "text-bench"}, basic)["token"]
AUTH = "Bearer " + token
admin = connection()
call(admin, "POST", "/api/v1/org-units", {"code": "bench", "kind": "COMPANY", "name": {"zh-CN": "基准", "en": "Bench"}})
q = lambda kind, code: {"type": kind, "code": code, "required": False, "text": {"zh-CN": code, "en": code}}
call(admin, "POST", "/api/v1/surveys", {"code": "bench", "title": {"zh-CN": "基准", "en": "Bench"},
                                        "questions": [q("NPS", "nps"), q("CSAT", "csat"), q("TEXT", "comment")]})
call(admin, "POST", "/api/v1/surveys/bench/publish", {})
for code, keywords in [("delivery", ["送餐", "配送", "送到", "骑手"]), ("taste", ["味道", "好吃", "难吃"]),
                       ("portion", ["分量", "量"]), ("packaging", ["包装", "洒"])]:
    call(admin, "POST", "/api/v1/themes", {"code": code, "name": {"zh-CN": code, "en": code},
                                           "keywords": keywords, "examples": []})

with open(reviews, encoding="utf-8") as f:
    every = [(int(r["label"]), r["review"]) for r in csv.DictReader(f)]
# The set is sorted by label: take rows spread over all of it.
rows = [every[i * len(every) // count] for i in range(min(count, len(every)))]
ids = [0] * len(rows)
failed = []


def submit(worker, workers):
    conn = connection()
    for i in range(worker, len(rows), workers):
        label, text = rows[i]
        nps = 9 if label == 1 else 3
        body = {"unit": "bench", "responseKey": f"bench-{i}", "submittedAt": "2024-05-14T04:00:00Z",
                "answers": {"nps": nps, "csat": 4 if label == 1 else 2, "comment": text}}
        try:
            ids[i] = call(conn, "POST", "/api/v1/surveys/bench/responses", body)["id"]
        except RuntimeError as error:
            failed.append(str(error)[:200])


start = time.time()
threads = [threading.Thread(target=submit, args=(w, clients)) for w in range(clients)]
[t.start() for t in threads]
[t.join() for t in threads]
submitted = time.time()
stored = len(rows) - len(failed)
print(f"{stored} responses submitted in {submitted - start:.1f} s ({stored / (submitted - start):.0f}/s, {clients} clients)"
      + (f", {len(failed)} refused, first: {failed[0]}" if failed else ""))

pending = set(i for i in ids if i)
while pending:
    for i in list(pending):
        if call(admin, "GET", f"/api/v1/responses/{i}/comments"):
            pending.discard(i)
    if pending:
        time.sleep(0.1)
done = time.time()
print(f"all comments analysed {done - submitted:.1f} s after the last submission, "
      f"{stored / (done - start):.0f} comments/s from the first submission")

times = []
for _ in range(3):
    t0 = time.time()
    rebuilt = call(admin, "POST", "/api/v1/text/rebuild", {})
    times.append(time.time() - t0)
best = min(times)
print(f"rebuild of {rebuilt['responses']} responses ({rebuilt['comments']} comments): "
      f"best of 3 {best:.1f} s, {rebuilt['comments'] / best:.0f} comments/s")

times = []
for _ in range(10):
    t0 = time.time()
    report = call(admin, "GET", "/api/v1/text/themes?from=2024-05-01&to=2024-05-31&grain=day")
    times.append(time.time() - t0)
print(f"theme report over {stored} comments ({len(report['themes'])} themes, {len(report['factors'])} factors): "
      f"median {statistics.median(times) * 1000:.0f} ms")
top = report["detractorDrivers"]["drivers"][:3]
print("top detractor drivers: " + ", ".join(
    f"{d['code']} {d['detractorShare']:.0%} vs {d['otherShare']:.0%} (p {d['test']['pValue']:.2g})" for d in top))

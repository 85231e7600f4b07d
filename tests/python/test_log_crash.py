"""Crash test of the transparency log: SIGKILL `thiqa serve` while it appends, restart it, and check that no
acknowledged entry is lost and that the log after restart is consistent with every checkpoint published before.

Needs THIQA_BIN and THIQA_TEST_MODEL_URL, as every test here (see conftest.py).
"""

import base64
import http.client
import json
import os
import subprocess
import threading
import time
import urllib.error
import urllib.request

from conftest import THIQA_BIN, ThiqaProcess, check_prerequisites


def crash_server() -> ThiqaProcess:
    """A server of its own whose log publishes a checkpoint every 50 ms."""
    server = ThiqaProcess("log-crash")
    with open(server.config) as f:
        config = json.load(f)
    config["log"].update({"level": "warning", "origin": "crash.thiqa.test/log", "checkpointIntervalMs": 50})
    with open(server.config, "w") as f:
        json.dump(config, f)
    return server


def get(url: str):
    with urllib.request.urlopen(url, timeout=10) as r:
        return r.status, r.read()


def parse_checkpoint(note: str):
    lines = note.split("\n")
    return int(lines[1]), base64.b64decode(lines[2]).hex()


def test_no_acknowledged_entry_is_lost_and_the_log_stays_consistent():
    check_prerequisites()
    server = crash_server()
    workdir = server.workdir
    api_key = server.create_key("log-crash")
    server.start()

    acknowledged = {}  # log index -> (interaction id, receipt)
    checkpoints = {}  # size -> note
    lock = threading.Lock()
    stop = threading.Event()

    def client(worker: int):
        n = 0
        while not stop.is_set():
            stream = (worker + n) % 3 == 0
            n += 1
            body = json.dumps(
                {"model": server.model, "messages": [{"role": "user", "content": f"Salam {worker}-{n}"}], "max_tokens": 1, "stream": stream}
            ).encode()
            request = urllib.request.Request(
                server.base_url + "/v1/chat/completions", data=body, method="POST",
                headers={"Authorization": f"Bearer {api_key}", "Content-Type": "application/json"},
            )
            try:
                with urllib.request.urlopen(request, timeout=60) as r:
                    payload = r.read()
                    interaction = r.headers.get("X-Thiqa-Interaction-Id")
                    receipt = r.headers.get("X-Thiqa-Receipt")
                    if stream:
                        index = None
                        for event in payload.decode().split("\n\n"):
                            if event.startswith("data: {") and '"thiqa"' in event:
                                meta = json.loads(event[len("data: "):]).get("thiqa", {})
                                index = meta.get("log_index")
                                interaction = meta.get("interaction_id", interaction)
                                receipt = meta.get("receipt", receipt)
                        if not payload.decode().rstrip().endswith("data: [DONE]"):
                            continue  # cut off by the kill: not acknowledged
                    else:
                        header = r.headers.get("X-Thiqa-Log-Index")
                        index = int(header) if header is not None else None
                    assert index is not None, "an answered call carries its log index"
                    with lock:
                        acknowledged[int(index)] = (interaction, receipt)
            except (urllib.error.URLError, http.client.HTTPException, ConnectionError, OSError, json.JSONDecodeError):
                if stop.is_set():
                    return
                time.sleep(0.05)

    def watcher():
        while not stop.is_set():
            try:
                _, note = get(server.base_url + "/log/v1/checkpoint")
                size, _ = parse_checkpoint(note.decode())
                with lock:
                    checkpoints.setdefault(size, note.decode())
            except (urllib.error.URLError, http.client.HTTPException, ConnectionError, OSError):
                pass
            time.sleep(0.03)

    threads = [threading.Thread(target=client, args=(w,)) for w in range(6)] + [threading.Thread(target=watcher)]
    for t in threads:
        t.start()
    # Let appends and checkpoints accumulate, then kill the server in the middle of them.
    deadline = time.time() + 60
    while time.time() < deadline:
        with lock:
            if len(acknowledged) >= 40 and len(checkpoints) >= 3:
                break
        time.sleep(0.05)
    server.kill()
    stop.set()
    for t in threads:
        t.join(timeout=70)

    with lock:
        acked = dict(acknowledged)
        published = dict(checkpoints)
    assert len(acked) >= 10, f"only {len(acked)} calls were acknowledged before the kill"
    assert published, "no checkpoint was seen before the kill"
    print(f"killed after {len(acked)} acknowledged calls (largest index {max(acked)}), {len(published)} checkpoints seen")

    server.start()
    try:
        # Every acknowledged index holds the same interaction: its receipt finds the record, whose public leaf is
        # the one at that index, and the proof verifies.
        for index, (interaction, receipt) in sorted(acked.items()):
            status, body = get(f"{server.base_url}/log/v1/entries/{index}")
            assert status == 200, f"acknowledged entry {index} is missing after the crash"
            entry = json.loads(body)
            lookup = urllib.request.Request(
                server.base_url + "/receipts/v1/lookup", data=json.dumps({"receipt": receipt}).encode(), method="POST",
                headers={"Content-Type": "application/json"},
            )
            with urllib.request.urlopen(lookup, timeout=30) as r:
                document = json.loads(r.read())["receipt"]
            assert document["interaction_id"] == interaction, f"receipt of entry {index} finds another record"
            decision = document["entries"][0]
            assert decision["inclusion"]["leafIndex"] == index, f"entry {index} changed across the crash"
            assert decision["leaf"] == entry["data"], f"entry {index} changed across the crash"

        # The new checkpoint covers everything acknowledged and extends every checkpoint published before.
        _, note = get(server.base_url + "/log/v1/checkpoint")
        size, root = parse_checkpoint(note.decode())
        assert size > max(acked), f"the checkpoint after restart ({size}) does not cover acknowledged entry {max(acked)}"
        for old_size, old_note in sorted(published.items()):
            old_size, old_root = parse_checkpoint(old_note)
            assert old_size <= size, f"the log shrank from {old_size} to {size}"
            if old_size == 0:
                continue
            _, proof = get(f"{server.base_url}/log/v1/proof/consistency?first={old_size}&second={size}")
            document = json.loads(proof)
            # Check against the roots this client saw signed, not the ones the server sends back.
            document["root1"] = old_root
            document["root2"] = root
            path = os.path.join(workdir, f"consistency-{old_size}.json")
            with open(path, "w") as f:
                json.dump(document, f)
            verdict = subprocess.run([THIQA_BIN, "log", "verify-proof", path], capture_output=True, text=True)
            assert verdict.returncode == 0, f"checkpoint {old_size} is not consistent with {size}: {verdict.stderr}"

        # The stored tree, checkpoints and signatures recomputed from the leaves.
        assert "intact" in server.cli("log", "verify")

        # And from the outside, as an auditor.
        public_key = server.cli("log", "public-key").strip()
        audit = subprocess.run(
            [THIQA_BIN, "log", "audit", "--url", server.base_url, "--public-key", public_key,
             "--state", os.path.join(workdir, "audit-state.json"), "--samples", "1000"],
            capture_output=True, text=True, timeout=300,
        )
        assert audit.returncode == 0, audit.stdout + audit.stderr
    finally:
        server.kill()

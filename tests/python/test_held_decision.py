"""A decision held for a human, through a real `thiqa serve` and the official `openai` client: the held answer does
not make the client raise (complete or streamed), the hold survives `kill -9`, and after a restart a reviewer's
approval (with `thiqa reviews`) releases the answer, which the caller fetches and the person has explained.

Needs THIQA_BIN and THIQA_TEST_MODEL_URL, as every test here (see conftest.py).
"""

import json
import shutil
import subprocess
import urllib.request

from conftest import THIQA_BIN, TENANT, ThiqaProcess, check_prerequisites


def request(server, method, path, body=None, token=None):
    headers = {"Content-Type": "application/json"}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(server.base_url + path, data=data, method=method, headers=headers)
    with urllib.request.urlopen(req, timeout=60) as r:
        return json.load(r)


def reviews(server, token, *args):
    done = subprocess.run([THIQA_BIN, "reviews", *args, "--url", server.base_url, "--token", token], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, f"thiqa reviews {' '.join(args)} failed ({done.returncode}): {done.stderr or done.stdout}"
    return done.stdout


def test_a_held_decision_survives_kill_9_and_is_released_after_a_restart():
    check_prerequisites()
    server = ThiqaProcess("held")
    try:
        api_key = server.create_key("held")
        dpo = server.cli("staff", "create", "--name", "Youssef Bennani", "--role", "dpo", "--quiet").strip()
        server.start()
        out = reviews(server, dpo, "stop", f"{TENANT}/held", "--reason", "answers under investigation")
        assert "stopped" in out

        client = server.client(api_key)
        completion = client.chat.completions.create(
            model=server.model, messages=[{"role": "user", "content": "Salam, wach 3ndi l7a9 f da3m?"}], max_tokens=8
        )
        # The client does not raise, and reads a normal assistant message that says a person will decide.
        assert completion.object == "chat.completion"
        message = completion.choices[0].message
        assert message.role == "assistant" and message.content
        pending = completion.model_extra["thiqa"]["pending"]
        assert pending["status"] == "held"
        determination, receipt = pending["determination_id"], pending["receipt"]
        assert message.content == pending["message"]

        # A streamed held call: one chunk that says so, then the end; no exception either.
        chunks = list(client.chat.completions.create(model=server.model, messages=[{"role": "user", "content": "Salam"}], max_tokens=4, stream=True))
        texts = [c.choices[0].delta.content for c in chunks if c.choices and c.choices[0].delta.content]
        assert len(texts) == 1 and texts[0]
        assert any((c.model_extra or {}).get("thiqa", {}).get("pending") for c in chunks)

        queued = reviews(server, dpo, "list", "--use-case", f"{TENANT}/held")
        assert determination in queued

        # kill -9 while it is held, then start again on the same database.
        server.kill()
        server.start()
        assert determination in reviews(server, dpo, "list")
        shown = reviews(server, dpo, "show", determination)
        assert "draft:" in shown and "stop_switch" in shown

        out = reviews(server, dpo, "approve", determination, "--note", "conforme")
        assert "approved" in out

        status = request(server, "GET", f"/v1/determinations/{determination}", token=api_key)
        assert status["status"] == "approved" and isinstance(status["answer"], str)
        person = request(server, "POST", "/oversight/v1/lookup", {"receipt": receipt, "language": "ary-Latn"})
        assert person["final"] is True and person["answer"] == status["answer"]
        assert "Chafo bnadem w wafe9 3lih." in person["explanation"]["summary"]["text"]
        assert [e["event"] for e in person["log"]["entries"]] == ["held", "approved"]

        reviews(server, dpo, "resume", f"{TENANT}/held")
        released = client.chat.completions.create(model=server.model, messages=[{"role": "user", "content": "Salam"}], max_tokens=4)
        assert "pending" not in (released.model_extra or {}).get("thiqa", {})
    finally:
        server.kill()
        shutil.rmtree(server.workdir, ignore_errors=True)

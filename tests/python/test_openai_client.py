"""The official `openai` client works unchanged against Thiqa: only its base URL and key point at Thiqa.

Everything goes through a real `thiqa serve` (see conftest.py) in front of the real bundled model; answers are
kept short (the model runs at a few tens of tokens a second on this machine).
"""

import json
import re
import sqlite3
import subprocess
import time
import urllib.request

import openai
from conftest import THIQA_BIN
import pytest

PROMPT = [{"role": "user", "content": "Say hello in one short sentence."}]


def stored(server, sql: str, *params):
    """Reads the session server's SQLite database (read-only) behind its back."""
    connection = sqlite3.connect(f"file:{server.database}?mode=ro", uri=True, timeout=10)
    try:
        return connection.execute(sql, params).fetchall()
    finally:
        connection.close()


def stored_interaction(server, interaction_id: str):
    for _ in range(100):
        rows = stored(server, "SELECT outcome, http_status, stream, prompt_tokens, completion_tokens, decisions, log_index FROM interactions WHERE id = ?", interaction_id)
        if rows:
            outcome, status, stream, prompt, completion, decisions, log_index = rows[0]
            return {
                "outcome": outcome, "http_status": status, "stream": bool(stream), "prompt_tokens": prompt,
                "completion_tokens": completion, "decisions": json.loads(decisions), "log_index": log_index,
            }
        time.sleep(0.05)
    raise AssertionError(f"interaction {interaction_id} was not recorded")


# MARK: Chat


def test_chat_completion(server, client):
    raw = client.chat.completions.with_raw_response.create(model=server.model, messages=PROMPT, max_tokens=8)
    completion = raw.parse()
    assert completion.object == "chat.completion"
    assert completion.choices, "no choices"
    assert completion.choices[0].message.role == "assistant"
    assert isinstance(completion.choices[0].message.content, str) and completion.choices[0].message.content.strip()
    assert completion.usage is not None
    assert completion.usage.prompt_tokens > 0
    assert 0 < completion.usage.completion_tokens <= 8
    assert completion.usage.total_tokens == completion.usage.prompt_tokens + completion.usage.completion_tokens

    # Thiqa's own headers: the record's id, the AI disclosure, where the request went, its log leaf.
    interaction_id = raw.headers["x-thiqa-interaction-id"]
    assert raw.headers["x-thiqa-ai-generated"] == "true"
    assert "AI" in raw.headers["x-thiqa-ai-disclosure"]
    assert raw.headers["x-thiqa-backend"] == "local"
    assert raw.headers["x-thiqa-jurisdiction"] == "MA"
    log_index = int(raw.headers["x-thiqa-log-index"])

    record = stored_interaction(server, interaction_id)
    assert record["outcome"] == "completed" and record["http_status"] == 200 and not record["stream"]
    assert record["completion_tokens"] == completion.usage.completion_tokens
    assert record["log_index"] == log_index


def test_streaming(server, client):
    stream = client.chat.completions.create(model=server.model, messages=PROMPT, max_tokens=12, stream=True)
    chunks = list(stream)
    assert len(chunks) >= 2
    assert all(chunk.object == "chat.completion.chunk" for chunk in chunks)
    text = "".join(choice.delta.content or "" for chunk in chunks for choice in chunk.choices)
    assert text.strip(), "the streamed text is empty"

    # The last chunk carries the usage (no choices) and Thiqa's meta data; no other chunk carries usage.
    last = chunks[-1]
    assert last.choices == []
    assert last.usage is not None
    assert last.usage.prompt_tokens > 0 and 0 < last.usage.completion_tokens <= 12
    assert last.usage.total_tokens == last.usage.prompt_tokens + last.usage.completion_tokens
    assert all(chunk.usage is None for chunk in chunks[:-1])
    thiqa = last.model_extra["thiqa"]
    assert thiqa["ai_generated"] is True
    assert thiqa["backend"] == "local"
    assert isinstance(thiqa["log_index"], int)

    record = stored_interaction(server, thiqa["interaction_id"])
    assert record["outcome"] == "completed" and record["stream"]
    assert record["completion_tokens"] == last.usage.completion_tokens
    assert record["log_index"] == thiqa["log_index"]


# MARK: Models


def test_models_list_and_retrieve(server, client):
    models = client.models.list()
    ids = [model.id for model in models]
    assert ids == [server.model]
    assert all(model.object == "model" for model in models)

    model = client.models.retrieve(server.model)
    assert model.id == server.model
    assert model.object == "model"
    assert model.model_extra["thiqa"] == {"jurisdictions": ["MA"], "sovereign": True, "backends": ["local"]}

    with pytest.raises(openai.NotFoundError) as caught:
        client.models.retrieve("no-such-model")
    assert caught.value.status_code == 404
    assert caught.value.code == "model_not_found"


# MARK: Errors


def test_unknown_key_is_an_authentication_error(server):
    with pytest.raises(openai.AuthenticationError) as caught:
        server.client("sk-this-is-not-a-thiqa-key").models.list()
    assert caught.value.status_code == 401
    assert caught.value.code == "invalid_api_key"
    assert caught.value.type == "invalid_request_error"


def test_wrong_secret_is_an_authentication_error(server):
    key = server.keys.chat
    forged = key[:-4] + ("AAAA" if not key.endswith("AAAA") else "BBBB")
    with pytest.raises(openai.AuthenticationError) as caught:
        server.client(forged).chat.completions.create(model=server.model, messages=PROMPT, max_tokens=4)
    assert caught.value.status_code == 401
    assert caught.value.response.headers["www-authenticate"] == "Bearer"


def test_revoked_key_is_an_authentication_error(server):
    with pytest.raises(openai.AuthenticationError) as caught:
        server.client(server.keys.revoked).models.list()
    assert caught.value.status_code == 401
    assert "revoked" in caught.value.message


def test_unknown_model_is_not_found(client):
    with pytest.raises(openai.NotFoundError) as caught:
        client.chat.completions.create(model="gpt-imaginary", messages=PROMPT, max_tokens=4)
    assert caught.value.status_code == 404
    assert caught.value.code == "model_not_found"
    assert caught.value.param == "model"
    assert "gpt-imaginary" in caught.value.message


@pytest.mark.parametrize(
    "arguments, param, code",
    [
        ({"temperature": 5}, "temperature", "invalid_value"),
        ({"top_p": "high"}, "top_p", "invalid_type"),
        ({"max_tokens": 100000}, "max_tokens", "invalid_value"),
        ({"extra_body": {"stream": "yes"}}, "stream", "invalid_type"),
    ],
)
def test_invalid_parameter_is_a_bad_request_naming_it(server, client, arguments, param, code):
    with pytest.raises(openai.BadRequestError) as caught:
        client.chat.completions.create(model=server.model, messages=PROMPT, **arguments)
    error = caught.value
    assert error.status_code == 400
    assert error.param == param
    assert error.body["param"] == param
    assert error.code == code
    assert error.type == "invalid_request_error"
    assert param in error.message


def test_message_content_of_the_wrong_type_names_the_field(server, client):
    with pytest.raises(openai.BadRequestError) as caught:
        client.chat.completions.create(model=server.model, messages=[{"role": "system", "content": "Be brief."}, {"role": "user", "content": 42}])
    assert caught.value.param == "messages[1].content"
    assert caught.value.code == "invalid_type"
    with pytest.raises(openai.BadRequestError) as caught:
        client.chat.completions.create(model=server.model, messages=[{"role": "robot", "content": "beep"}])
    assert caught.value.param == "messages[0].role"


def test_missing_messages_is_a_bad_request(server, client):
    with pytest.raises(openai.BadRequestError) as caught:
        client.chat.completions.create(model=server.model, messages=[])
    assert caught.value.param == "messages"


def test_oversized_body_is_refused_with_413(server, client):
    # The session server accepts bodies up to 64 KiB.
    with pytest.raises(openai.APIStatusError) as caught:
        client.chat.completions.create(model=server.model, messages=[{"role": "user", "content": "x" * 100_000}], max_tokens=4)
    assert caught.value.status_code == 413
    assert caught.value.code == "request_too_large"


def test_rate_limit_is_a_rate_limit_error_with_retry_after(server):
    client = server.client(server.keys.limited)
    assert [model.id for model in client.models.list()] == [server.model]
    # The client would honour Retry-After (a minute here) and retry twice; ask it not to, for this call only.
    with pytest.raises(openai.RateLimitError) as caught:
        client.with_options(max_retries=0).models.list()
    assert caught.value.status_code == 429
    assert caught.value.code == "rate_limit_exceeded"
    retry_after = int(caught.value.response.headers["retry-after"])
    assert 1 <= retry_after <= 60


# MARK: Privacy


def test_personal_data_is_stored_and_logged_only_as_placeholders(server):
    client = server.client(server.keys.kept)
    cin, phone = "BE123456", "0612345678"
    raw = client.chat.completions.with_raw_response.create(
        model=server.model,
        messages=[{"role": "user", "content": f"Bonjour, mon numéro de CIN est {cin} et mon téléphone est le {phone}. Répétez-les."}],
        max_tokens=24,
    )
    completion = raw.parse()
    assert completion.choices
    interaction_id = raw.headers["x-thiqa-interaction-id"]

    record = stored_interaction(server, interaction_id)
    assert "privacy:CIN:mask" in record["decisions"]
    assert "privacy:PHONE:mask" in record["decisions"]

    # Kept content is sealed at rest (under the subject's key, or a key of its own in the key store apart): the row is
    # there, and neither the values nor even their placeholders can be read from the database. That the kept text
    # holds placeholders is checked after opening it, in the Swift suite (PrivacyGatewayTests, RightsStoreTests).
    rows = stored(server, "SELECT key_id, sealed FROM kept_contents WHERE interaction_id = ?", interaction_id)
    assert len(rows) == 1, "content kept for a use case with --content-retention 1h"
    key_id, sealed = rows[0]
    assert key_id and sealed
    for value in (cin, phone, "06 12 34 56 78", "<CIN_", "CIN est"):
        assert value not in sealed

    # Nothing anywhere in the database holds the raw values (records, contents, vault, transparency log).
    for (table,) in stored(server, "SELECT name FROM sqlite_master WHERE type = 'table'"):
        for row in stored(server, f'SELECT * FROM "{table}"'):
            text = " ".join(str(column) for column in row)
            assert cin not in text and phone not in text, f"raw personal data in table {table}"


def test_embeddings_are_one_flat_vector_per_input(server, client):
    result = client.embeddings.create(model=server.model, input=["salam, kidayr?", "Bonjour, je voudrais un extrait d'acte de naissance"])
    assert len(result.data) == 2
    for item in result.data:
        vector = item.embedding
        assert isinstance(vector, list) and vector and all(isinstance(x, float) for x in vector), "a flat list of floats"
        assert abs(sum(x * x for x in vector) - 1.0) < 1e-3, "normalised"
    assert len(result.data[0].embedding) == len(result.data[1].embedding)


def test_the_receipt_proves_the_call_against_the_public_log(server, client):
    raw = client.chat.completions.with_raw_response.create(model=server.model, messages=PROMPT, max_tokens=4)
    receipt = raw.headers["x-thiqa-receipt"]
    request = urllib.request.Request(
        server.base_url + "/receipts/v1/lookup", data=json.dumps({"receipt": receipt}).encode(), headers={"Content-Type": "application/json"}
    )
    with urllib.request.urlopen(request, timeout=10) as r:
        document = r.read().decode()
    assert raw.headers["x-thiqa-interaction-id"] in document
    public_key = server.cli("log", "public-key").strip()
    verdict = server.cli("log", "verify-proof", "-", "--public-key", public_key, config=False, input=document)
    assert verdict.startswith("valid: included in the signed tree"), verdict
    # A record changed by one character no longer verifies.
    forged = document.replace('"outcome":"completed"', '"outcome":"rejected"')
    done = subprocess.run([THIQA_BIN, "log", "verify-proof", "-"], input=forged, capture_output=True, text=True, timeout=60)
    assert done.returncode == 1, done.stdout + done.stderr


# MARK: Graceful shutdown


def test_sigterm_lets_an_in_flight_stream_finish(fresh_server):
    client = fresh_server.client(fresh_server.keys.chat)
    with client.chat.completions.with_streaming_response.create(
        model=fresh_server.model, messages=[{"role": "user", "content": "Count from one to twenty in words."}], max_tokens=64, stream=True
    ) as response:
        assert response.status_code == 200
        events = []
        terminated = False
        for line in response.iter_lines():
            if not line.startswith("data: "):
                continue
            events.append(line[len("data: "):])
            if not terminated:
                fresh_server.terminate()
                terminated = True
        assert terminated, "no event arrived before the stream ended"
    assert events[-1] == "[DONE]", f"the stream did not end with [DONE]: {events[-3:]}"
    final = json.loads(events[-2])
    assert final["choices"] == [] and final["usage"]["completion_tokens"] > 1
    assert final["thiqa"]["ai_generated"] is True
    assert len(events) > 3, "the stream stopped right after SIGTERM"
    status = fresh_server.wait_exit()
    assert status == 0, f"thiqa serve exited with {status} after SIGTERM:\n{fresh_server.log_tail()}"

"""Model thiqa-assistant through the official OpenAI client: listed, answered plain and streamed with its sources
in the `thiqa` object and in the text, and a follow-up resolved in the same conversation."""

import json
import os
import shutil

import pytest

from conftest import ROOT, ThiqaProcess, check_prerequisites

KNOWLEDGE = os.path.join(ROOT, "knowledge", "procedures")


@pytest.fixture(scope="module")
def assistant_server():
    check_prerequisites()
    process = ThiqaProcess("assistant")
    key = process.create_key("assistant")
    with open(process.config) as f:
        config = json.load(f)
    config["assistant"] = {"knowledgePath": KNOWLEDGE}
    with open(process.config, "w") as f:
        json.dump(config, f)
    process.start()
    process.assistant_key = key
    try:
        yield process
    finally:
        process.kill()
        shutil.rmtree(process.workdir, ignore_errors=True)


def test_listed_and_answered_with_sources(assistant_server):
    client = assistant_server.client(assistant_server.assistant_key)
    assert "thiqa-assistant" in [m.id for m in client.models.list().data]
    answer = client.chat.completions.create(model="thiqa-assistant", messages=[{"role": "user", "content": "kifach n9ad passport?"}])
    text = answer.choices[0].message.content
    assert text.startswith("Salam!")
    assert "https://www.passeport.ma/" in text
    thiqa = answer.model_extra["thiqa"]
    assert thiqa["sources"][0] == {"title": thiqa["sources"][0]["title"], "url": "https://www.passeport.ma/", "procedure_id": "passport"}
    assert thiqa["assistant"]["language"] == "ary-Latn"
    assert thiqa["assistant"]["decision"] == "assistant:extractive"


def test_streamed(assistant_server):
    client = assistant_server.client(assistant_server.assistant_key)
    stream = client.chat.completions.create(
        model="thiqa-assistant", stream=True, messages=[{"role": "user", "content": "كيف أحصل على شهادة السكنى؟"}]
    )
    chunks = list(stream)
    assert chunks[0].model_extra["thiqa"]["sources"][0]["procedure_id"] == "residence-certificate"
    text = "".join(c.choices[0].delta.content or "" for c in chunks if c.choices)
    assert text.startswith("مرحبا!")
    assert "المصادر" in text
    assert chunks[-1].model_extra["thiqa"]["receipt"].startswith("rcp_")


def test_follow_up_in_a_conversation(assistant_server):
    client = assistant_server.client(assistant_server.assistant_key)
    headers = {"X-Thiqa-Conversation-Id": "python-follow-up"}
    client.chat.completions.create(model="thiqa-assistant", messages=[{"role": "user", "content": "Je veux renouveler mon passeport"}], extra_headers=headers)
    answer = client.chat.completions.create(model="thiqa-assistant", messages=[{"role": "user", "content": "et combien ça coûte ?"}], extra_headers=headers)
    assert "500 DH" in answer.choices[0].message.content
    assert answer.model_extra["thiqa"]["assistant"]["basis"] == "follow_up_conversation"


def test_out_of_scope_is_i_dont_know(assistant_server):
    client = assistant_server.client(assistant_server.assistant_key)
    answer = client.chat.completions.create(model="thiqa-assistant", messages=[{"role": "user", "content": "Quelle est la meilleure recette de couscous ?"}])
    text = answer.choices[0].message.content
    assert text.startswith("Je ne sais pas")
    assert "3737" in text and "https://www.idarati.ma/" in text

"""A real `thiqa serve` in front of the bundled model, for tests that use the official `openai` client.

Needs:
- THIQA_BIN: the built `thiqa` binary (default: .build/debug/thiqa in the repository)
- THIQA_TEST_MODEL_URL: an OpenAI-compatible model server with /v1 (`scripts/model-server start 18081` gives
  http://127.0.0.1:18081/v1); `scripts/test` sets it.

Missing prerequisites fail the run: these tests never skip.
"""

import json
import os
import shutil
import signal
import socket
import subprocess
import tempfile
import time
import types
import urllib.error
import urllib.request

import openai
import pytest

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
THIQA_BIN = os.environ.get("THIQA_BIN") or os.path.join(ROOT, ".build", "debug", "thiqa")
MODEL_URL = os.environ.get("THIQA_TEST_MODEL_URL", "")
# How long in-flight streams may run on after SIGTERM (`shutdown.gracePeriodMs`), and the slack we allow on top.
GRACE_PERIOD_S = 60
EXIT_SLACK_S = 10
TENANT = "python"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def model_name() -> str:
    """The name the model server answers to (the bundled model: gemma-3-270m)."""
    with urllib.request.urlopen(MODEL_URL.rstrip("/") + "/models", timeout=10) as r:
        return json.load(r)["data"][0]["id"]


class ThiqaProcess:
    """One `thiqa serve` with its own temporary configuration, SQLite database and keys."""

    def __init__(self, name: str):
        self.workdir = tempfile.mkdtemp(prefix=f"thiqa-{name}-")
        self.port = free_port()
        self.model = model_name()
        self.database = os.path.join(self.workdir, "thiqa.sqlite")
        self.config = os.path.join(self.workdir, "thiqa.json")
        self.log_path = os.path.join(self.workdir, "serve.log")
        self.process = None
        with open(self.config, "w") as f:
            json.dump(
                {
                    "http": {"host": "127.0.0.1", "port": self.port},
                    "storage": {"driver": "sqlite", "sqlite": {"path": self.database}},
                    "limits": {"maxBodyBytes": 65536, "maxMessages": 16, "maxCompletionTokens": 512},
                    "shutdown": {"gracePeriodMs": GRACE_PERIOD_S * 1000},
                    "privacy": {"vaultKeyPath": os.path.join(self.workdir, "keys", "vault.key")},
                    "log": {"level": "info", "keyPath": os.path.join(self.workdir, "keys", "log-signing.key")},
                    "registry": {"pollIntervalMs": 50},
                    "backends": {
                        "ids": ["local"],
                        "healthCheckIntervalMs": 600000,
                        "local": {
                            "url": MODEL_URL,
                            "models": [self.model],
                            "jurisdiction": "MA",
                            "hosting": "bundled model server (loopback), for the Python tests",
                            "firstByteTimeoutMs": 120000,
                            "embeddings": True,
                        },
                    },
                },
                f,
            )

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def cli(self, *args: str, config: bool = True, input: str | None = None) -> str:
        done = subprocess.run([THIQA_BIN, *args, *(["--config", self.config] if config else [])], capture_output=True, text=True, timeout=120, input=input)
        assert done.returncode == 0, f"thiqa {' '.join(args)} failed ({done.returncode}): {done.stderr or done.stdout}"
        return done.stdout

    def create_key(self, use_case: str, *rules: str) -> str:
        """Sets the use case's rules (options of `thiqa use-cases set`) and returns a new key for it. The use case
        is not in the governance registry: `--legacy` makes it an undeclared draft inside its grace period, which
        a running server sees at its next registry poll (50 ms here)."""
        if rules:
            self.cli("use-cases", "set", "--tenant", TENANT, "--use-case", use_case, *rules)
        key = self.cli("keys", "create", "--tenant", TENANT, "--use-case", use_case, "--legacy", "--quiet").strip()
        time.sleep(0.3)
        return key

    def log_tail(self) -> str:
        try:
            with open(self.log_path, errors="replace") as f:
                return f.read()[-4000:]
        except OSError:
            return ""

    def start(self):
        log = open(self.log_path, "a")
        self.process = subprocess.Popen([THIQA_BIN, "serve", "--config", self.config], stdout=log, stderr=subprocess.STDOUT)
        log.close()
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(self.base_url + "/healthz", timeout=1) as r:
                    if r.status == 200:
                        return
            except (urllib.error.URLError, ConnectionError, OSError):
                pass
            assert self.process.poll() is None, f"thiqa serve exited at start ({self.process.returncode}):\n{self.log_tail()}"
            time.sleep(0.05)
        self.kill()
        raise AssertionError(f"thiqa serve did not answer /healthz within 60 s:\n{self.log_tail()}")

    def terminate(self):
        self.process.send_signal(signal.SIGTERM)

    def wait_exit(self) -> int:
        """Waits for the exit after SIGTERM; fails (and kills) when it takes longer than the grace period allows."""
        try:
            return self.process.wait(timeout=GRACE_PERIOD_S + EXIT_SLACK_S)
        except subprocess.TimeoutExpired:
            self.kill()
            raise AssertionError(f"thiqa serve did not exit within {GRACE_PERIOD_S + EXIT_SLACK_S} s of SIGTERM:\n{self.log_tail()}")

    def kill(self):
        if self.process and self.process.poll() is None:
            self.process.kill()
            self.process.wait()

    def client(self, api_key: str) -> openai.OpenAI:
        """The official client, configured only with Thiqa's URL and a key."""
        return openai.OpenAI(base_url=self.base_url + "/v1", api_key=api_key)


class Keys:
    """Keys of the session server's use cases."""

    def __init__(self, server: ThiqaProcess):
        self.chat = server.create_key("chat")
        # Content kept (pseudonymised) for an hour, so the test can read what was stored.
        self.kept = server.create_key("kept", "--content-retention", "1h")
        # One request a minute: the second one is refused with 429.
        self.limited = server.create_key("limited", "--rate-limit", "1")
        self.revoked = server.create_key("chat")
        server.cli("keys", "revoke", self.revoked)


def check_prerequisites():
    if not os.access(THIQA_BIN, os.X_OK):
        pytest.fail(f"THIQA_BIN={THIQA_BIN} is not an executable: build it with `swift build --product thiqa`", pytrace=False)
    if not MODEL_URL:
        pytest.fail("THIQA_TEST_MODEL_URL is not set: start `scripts/model-server start 18081` and export http://127.0.0.1:18081/v1", pytrace=False)


@pytest.fixture(scope="session")
def server():
    """The session's `thiqa serve`; at the end it must stop on SIGTERM with exit status 0 within the grace period."""
    check_prerequisites()
    process = ThiqaProcess("python")
    process.keys = Keys(process)
    process.start()
    try:
        yield process
    finally:
        if process.process.poll() is None:
            process.terminate()
            status = process.wait_exit()
            assert status == 0, f"thiqa serve exited with {status} after SIGTERM:\n{process.log_tail()}"
        else:
            raise AssertionError(f"thiqa serve died during the tests ({process.process.returncode}):\n{process.log_tail()}")
        shutil.rmtree(process.workdir, ignore_errors=True)


@pytest.fixture
def fresh_server():
    """A server of its own, for tests that stop it (graceful shutdown)."""
    check_prerequisites()
    process = ThiqaProcess("shutdown")
    process.keys = types.SimpleNamespace(chat=process.create_key("chat"))
    process.start()
    try:
        yield process
    finally:
        process.kill()
        shutil.rmtree(process.workdir, ignore_errors=True)


@pytest.fixture
def client(server) -> openai.OpenAI:
    return server.client(server.keys.chat)

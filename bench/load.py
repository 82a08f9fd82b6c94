"""Load benchmark: ``python -m bench.load [--sessions 50] [--seconds 60]``.

Drives many viewers at the websocket level, as Streamlit's own frontend talks to the
server (BackMsg / ForwardMsg protobufs on ``/_stcore/stream``), not with browsers: a
burst of page loads within five seconds, then every session changing the Provinces
filter at random moments (about every ten seconds each). It reports p50/p95 latency
from the request to ``script_finished``, the server's CPU seconds and memory per
session, and the same burst against a bare three-line Streamlit page, the anchor.
With ``--replicas 2`` it also drives the production stack (Caddy and two replicas) with 1.5x
the sessions, to compare at the same p95. Nothing here is a pass/fail test.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

ROOT = Path(__file__).resolve().parent.parent
BARE_APP = 'import streamlit as st\nst.title("Bare page")\nst.write("The anchor for reruns.")\n'
FILTER_LABEL = "Provinces"


class Server:
    """A Streamlit server on a free local port, and what its process has used."""

    def __init__(self, script: Path, env: dict | None = None):
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            self.port = s.getsockname()[1]
        self.process = subprocess.Popen(
            [sys.executable, "-m", "streamlit", "run", str(script), "--server.port", str(self.port),
             "--server.address", "127.0.0.1", "--server.headless", "true", "--browser.gatherUsageStats", "false",
             "--server.fileWatcherType", "none"],
            cwd=ROOT, env={**os.environ, **(env or {})}, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{self.port}/_stcore/health", timeout=2):
                    return
            except OSError:
                time.sleep(0.2)
        raise TimeoutError("the server did not become healthy")

    @property
    def stream(self) -> str:
        return f"ws://127.0.0.1:{self.port}/_stcore/stream"

    def pids(self) -> list[int]:
        return [self.process.pid]

    def cpu_seconds(self) -> float:
        return sum(_cpu_seconds(pid) for pid in self.pids())

    def rss_mb(self) -> float:
        return sum(_rss_mb(pid) for pid in self.pids())

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(10)


def _cpu_seconds(pid: int) -> float:
    fields_ = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields_[11]) + int(fields_[12])) / os.sysconf("SC_CLK_TCK")  # utime + stime


def _rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


class Stack(Server):
    """The production stack (``python -m serve``: Caddy and replicas), measured over all its replicas."""

    def __init__(self, replicas: int):
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            self.port = s.getsockname()[1]
        self.process = subprocess.Popen([sys.executable, "-m", "serve"], cwd=ROOT, stdout=subprocess.DEVNULL,
                                        stderr=subprocess.DEVNULL,
                                        env={**os.environ, "PORT": str(self.port), "REPLICAS": str(replicas)})
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{self.port}/_stcore/health", timeout=2):
                    if len(self.pids()) == replicas:
                        return
            except OSError:
                pass
            time.sleep(0.5)
        raise TimeoutError("the stack did not become healthy")

    def pids(self) -> list[int]:
        """The replicas (the supervisor's Streamlit children), not Caddy."""
        children = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children").read_text().split()
        return [int(c) for c in children if b"streamlit" in Path(f"/proc/{c}/cmdline").read_bytes()]

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(30)


@dataclass
class Session:
    """One viewer: a websocket, the id and options of the filter it changes, and its latencies."""

    ws: object = None
    filter_id: str = ""
    options: list[str] = field(default_factory=list)
    load: float | None = None
    changes: list[float] = field(default_factory=list)
    failures: int = 0


async def _run_script(session: Session, widget: tuple[str, list[str]] | None = None, timeout: float = 60) -> float:
    """Ask for a run (a page load, or a filter change) and wait for it to finish; seconds taken."""
    message = BackMsg()
    message.rerun_script.query_string = ""
    message.rerun_script.page_script_hash = ""
    if widget:
        state = message.rerun_script.widget_states.widgets.add()
        state.id = widget[0]
        state.string_array_value.data.extend(widget[1])
    started = time.perf_counter()
    await session.ws.send(message.SerializeToString())
    async with asyncio.timeout(timeout):
        while True:
            received = ForwardMsg()
            received.ParseFromString(await session.ws.recv())
            kind = received.WhichOneof("type")
            if kind == "delta" and received.delta.WhichOneof("type") == "new_element":
                element = received.delta.new_element
                if element.WhichOneof("type") == "multiselect" and element.multiselect.label == FILTER_LABEL:
                    session.filter_id, session.options = element.multiselect.id, list(element.multiselect.options)
            if kind == "script_finished":
                return time.perf_counter() - started


async def _open(url: str, session: Session, delay: float) -> None:
    await asyncio.sleep(delay)
    try:
        session.ws = await websockets.connect(url, subprotocols=["streamlit"], max_size=None, open_timeout=60)
        session.load = await _run_script(session)
    except (OSError, TimeoutError, websockets.WebSocketException):
        session.failures += 1


async def _change_filters(session: Session, until: float, think: float, rng: random.Random) -> None:
    while session.ws is not None and session.filter_id:
        await asyncio.sleep(rng.expovariate(1 / think))
        if time.monotonic() >= until:
            return
        chosen = rng.sample(session.options, rng.choice([0, 1, 1, 2]))
        try:
            session.changes.append(await _run_script(session, (session.filter_id, chosen)))
        except (TimeoutError, websockets.WebSocketException):
            session.failures += 1


async def _drive(url: str, sessions: int, burst: float, seconds: float, think: float, seed: int,
                 server: Server) -> dict:
    rng = random.Random(seed)
    viewers = [Session() for _ in range(sessions)]
    rss0, cpu0, driver0 = server.rss_mb(), server.cpu_seconds(), time.process_time()
    await asyncio.gather(*(_open(url, v, rng.uniform(0, burst)) for v in viewers))
    rss_loaded, cpu_loaded = server.rss_mb(), server.cpu_seconds()
    if seconds:
        until = time.monotonic() + seconds
        await asyncio.gather(*(_change_filters(v, until, think, rng) for v in viewers))
    cpu_end, rss_end = server.cpu_seconds(), server.rss_mb()
    for v in viewers:
        if v.ws is not None:
            await v.ws.close()
    loads = [v.load for v in viewers if v.load is not None]
    changes = [c for v in viewers for c in v.changes]
    return {
        "sessions": sessions, "loads served": len(loads),
        "load p50 s": _quantile(loads, 0.5), "load p95 s": _quantile(loads, 0.95),
        "changes": len(changes), "change p50 s": _quantile(changes, 0.5), "change p95 s": _quantile(changes, 0.95),
        "failures": sum(v.failures for v in viewers),
        "cpu s per load": (cpu_loaded - cpu0) / max(len(loads), 1),
        "cpu s per change": (cpu_end - cpu_loaded) / max(len(changes), 1),
        "MB per session": (rss_loaded - rss0) / max(len(loads), 1), "MB at end": rss_end,
        "server cpu s": cpu_end - cpu0, "driver cpu s": time.process_time() - driver0,  # on the same cores
    }


def _quantile(values: list[float], q: float) -> float:
    if len(values) < 2:
        return values[0] if values else float("nan")
    return statistics.quantiles(values, n=100, method="inclusive")[round(q * 100) - 1]


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.load", description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=50)
    parser.add_argument("--burst", type=float, default=5.0, help="seconds over which the page loads arrive")
    parser.add_argument("--seconds", type=float, default=60.0, help="how long the sessions change filters")
    parser.add_argument("--think", type=float, default=10.0, help="mean seconds between one session's changes")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--replicas", type=int, default=0,
                        help="also drive the production stack (python -m serve) with this many replicas")
    parser.add_argument("--stack-sessions", type=int, default=0, help="sessions for the stack (default: 1.5x)")
    args = parser.parse_args(argv)

    rows = {}
    with tempfile.TemporaryDirectory() as folder:
        bare = Path(folder) / "bare_app.py"
        bare.write_text(BARE_APP)
        runs = [("dashboard", lambda: Server(ROOT / "app.py"), args.sessions, args.seconds),
                ("bare page", lambda: Server(bare), args.sessions, 0)]
        if args.replicas:
            stack_sessions = args.stack_sessions or round(args.sessions * 1.5)
            runs.append((f"{args.replicas} replicas", lambda: Stack(args.replicas), stack_sessions, args.seconds))
        for name, start, sessions, seconds in runs:
            server = start()
            try:
                for _ in range(4 * len(server.pids())):  # every replica warm, whichever the proxy picks
                    asyncio.run(_run_script_warm(server))
                rows[name] = asyncio.run(_drive(server.stream, sessions, args.burst, seconds, args.think,
                                                args.seed, server))
            finally:
                server.stop()
    width = max(len(k) for k in rows["dashboard"])
    print(f"{'':{width}}  " + "  ".join(f"{name:>11}" for name in rows))
    for key in rows["dashboard"]:
        cells = [row.get(key, float("nan")) for row in rows.values()]
        print(f"{key:{width}}  " + "  ".join(f"{c:>11.3f}" if isinstance(c, float) else f"{c:>11}" for c in cells))
    ratio = rows["dashboard"]["load p95 s"] / rows["bare page"]["load p95 s"]
    print(f"\nPage-load p95, dashboard / bare page: {ratio:.1f}x. Targets: {args.sessions} loads within "
          f"{args.burst:g} s all served; filter-change p95 under 1 s; memory under 5 MB per session.")
    return 0


async def _run_script_warm(server: Server) -> None:
    """One page load before measuring: the first one reads the file and fills the caches."""
    session = Session()
    session.ws = await websockets.connect(server.stream, subprotocols=["streamlit"], max_size=None)
    await _run_script(session, timeout=120)
    await session.ws.close()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

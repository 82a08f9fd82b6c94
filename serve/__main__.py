"""``python -m serve`` (``make serve``): the dashboard behind Caddy on several Streamlit replicas.

One Streamlit server is one Python process, so one core. This starts ``REPLICAS`` of them
(default 2) on loopback ports, and Caddy in front on ``PORT`` (default 8080), or on ``DOMAIN``
with automatic HTTPS when it is set. Caddy compresses every text response, keeps each viewer
on one replica by cookie, checks each replica's health and sets the security headers
(``serve/Caddyfile``). A replica that exits is restarted; Caddy sends no one to it until its
health check passes again. Stop with Ctrl-C or SIGTERM.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CADDYFILE = Path(__file__).with_name("Caddyfile")
def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def caddy_environment(site: str, upstreams: list[int], https: bool) -> dict[str, str]:
    """What serve/Caddyfile reads from the environment."""
    return {**os.environ, "CRACKDOWN_SITE": site, "CRACKDOWN_AUTO_HTTPS": "on" if https else "off",
            "CRACKDOWN_UPSTREAMS": " ".join(f"127.0.0.1:{p}" for p in upstreams)}


def start_replica(port: int, log) -> subprocess.Popen:
    script = os.environ.get("CRACKDOWN_APP", str(ROOT / "app.py"))  # another script: the benchmark's anchor
    return subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", script, "--server.port", str(port),
         "--server.address", "127.0.0.1", "--server.headless", "true", "--browser.gatherUsageStats", "false",
         "--server.fileWatcherType", "none"],
        cwd=ROOT, stdout=log, stderr=subprocess.STDOUT)


def main() -> int:
    port, domain = int(os.environ.get("PORT", "8080")), os.environ.get("DOMAIN", "")
    count = int(os.environ.get("REPLICAS", "2"))
    ports = [free_port() for _ in range(count)]
    stopping = False

    def stop(*_):
        nonlocal stopping
        stopping = True

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    replicas = {p: start_replica(p, sys.stderr) for p in ports}
    caddy = subprocess.Popen(["caddy", "run", "--config", str(CADDYFILE), "--adapter", "caddyfile"],
                             env=caddy_environment(domain or f":{port}", ports, https=bool(domain)))
    print(f"serving on {'https://' + domain if domain else f'http://localhost:{port}'} with {count} "
          f"replicas on ports {', '.join(map(str, ports))}", file=sys.stderr, flush=True)
    try:
        while not stopping and caddy.poll() is None:
            for replica_port, process in replicas.items():
                if process.poll() is not None:
                    print(f"replica on port {replica_port} exited ({process.returncode}); restarting",
                          file=sys.stderr, flush=True)
                    replicas[replica_port] = start_replica(replica_port, sys.stderr)
            time.sleep(0.5)
    finally:
        for process in (*replicas.values(), caddy):
            process.terminate()
        for process in (*replicas.values(), caddy):
            try:
                process.wait(10)
            except subprocess.TimeoutExpired:
                process.kill()
    return 0 if stopping else 1


if __name__ == "__main__":
    sys.exit(main())

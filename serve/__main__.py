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
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TEMPLATE = Path(__file__).with_name("Caddyfile")
# The page may load scripts, styles, fonts and images, and connect, only to its own origin. Inline code is
# allowed where Streamlit (its styles and theme script) and the map's frame (folium's script) need it;
# 'unsafe-eval' because streamlit-folium runs the map's script as text.
CSP = "; ".join((
    "default-src 'self'",
    "script-src 'self' 'unsafe-inline' 'unsafe-eval'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "frame-src 'self'",
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
))


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def caddyfile(address: str, upstreams: list[int], https: bool) -> str:
    values = {"address": address, "upstreams": " ".join(f"127.0.0.1:{p}" for p in upstreams),
              "csp": CSP, "auto_https": "on" if https else "off"}
    text = TEMPLATE.read_text()
    for name, value in values.items():
        text = text.replace("{{" + name + "}}", value)
    return text


def start_replica(port: int, log) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", str(ROOT / "app.py"), "--server.port", str(port),
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
    with tempfile.TemporaryDirectory(prefix="crackdown-serve-") as folder:
        config = Path(folder) / "Caddyfile"
        config.write_text(caddyfile(domain or f":{port}", ports, https=bool(domain)))
        replicas = {p: start_replica(p, sys.stderr) for p in ports}
        caddy = subprocess.Popen(["caddy", "run", "--config", str(config), "--adapter", "caddyfile"])
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

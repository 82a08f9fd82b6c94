"""Lighthouse benchmark: ``python -m bench.lighthouse`` (needs Debian's chromium and caddy, and npm).

Runs Lighthouse 12 (mobile profile, its simulated slow network) on a bare three-line Streamlit
page, the anchor, on the dashboard, and on the light page of one province (``/lite``), all through
the production stack (``python -m serve``, compressed), side by side in one run: transfer,
requests, first and largest contentful paint, total blocking time, layout shift and the four
category scores. Lighthouse is fetched from npm
into .venv on first use. Nothing here is a pass/fail test.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from bench.load import BARE_APP, ROOT, Stack

LIGHTHOUSE_VERSION = "12.2.3"  # 13 needs Node 22
TOOLS = ROOT / ".venv" / f"lighthouse-{LIGHTHOUSE_VERSION}"
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
AUDITS = {"transfer KB": ("total-byte-weight", 1 / 1000), "FCP s": ("first-contentful-paint", 1 / 1000),
          "LCP s": ("largest-contentful-paint", 1 / 1000), "TBT ms": ("total-blocking-time", 1),
          "CLS": ("cumulative-layout-shift", 1)}
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
LIGHT_PAGE = "/lite?province=Kratie"


def lighthouse() -> Path:
    binary = TOOLS / "node_modules" / ".bin" / "lighthouse"
    if not binary.exists():
        TOOLS.mkdir(parents=True, exist_ok=True)
        subprocess.run(["npm", "install", "--silent", "--prefix", str(TOOLS), "-E", f"lighthouse@{LIGHTHOUSE_VERSION}"],
                       check=True)
    return binary


def measure(url: str, folder: Path, name: str) -> dict:
    report = folder / f"{name}.json"
    subprocess.run([str(lighthouse()), url, "--quiet", "--output=json", f"--output-path={report}",
                    "--chrome-flags=--headless=new --no-sandbox", f"--only-categories={','.join(CATEGORIES)}"],
                   check=True, env={**os.environ, "CHROME_PATH": CHROMIUM})
    result = json.loads(report.read_text())
    row = {key: result["audits"][audit]["numericValue"] * scale for key, (audit, scale) in AUDITS.items()}
    row["requests"] = len(result["audits"]["network-requests"]["details"]["items"])
    row.update({c: result["categories"][c]["score"] for c in CATEGORIES})
    return row


def main() -> int:
    rows = {}
    pages = (("bare page", "bare", "/"), ("dashboard", ROOT / "app.py", "/"),
             ("light page", ROOT / "app.py", LIGHT_PAGE))
    with tempfile.TemporaryDirectory() as folder:
        bare = Path(folder) / "bare_app.py"
        bare.write_text(BARE_APP)
        for name, script, path in pages:
            os.environ["CRACKDOWN_APP"] = str(bare if script == "bare" else script)
            stack = Stack(2)
            try:
                rows[name] = measure(f"http://127.0.0.1:{stack.port}{path}", Path(folder), name.replace(" ", "-"))
            finally:
                stack.stop()
    print(f"{'':16} {'bare page':>10} {'dashboard':>10} {'ratio':>7} {'light page':>11} {'ratio':>7}")
    for key in rows["bare page"]:
        bare_value = rows["bare page"][key]
        cells = []
        for name in ("dashboard", "light page"):
            value = rows[name][key]
            cells.append(f"{value:10.2f} " + (f"{value / bare_value:7.2f}" if bare_value else "       "))
        print(f"{key:16} {bare_value:10.2f} {cells[0]} {cells[1]}")
    print("\nTargets: the dashboard's transfer at most 1.5x the bare page's; best practices 1.0; the light page's "
          "performance at least 0.95 and its other scores 1.0.")
    return 0


if __name__ == "__main__":
    sys.exit(main())

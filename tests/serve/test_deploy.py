"""The deployment files, checked statically (they cannot be started here): one Caddyfile for every
proxy, the compose stack and the Kubernetes example agree with it and with the image."""

from __future__ import annotations

import json
import os
import re
import subprocess

import yaml

from serve.__main__ import CADDYFILE, caddy_environment
from tests.conftest import ROOT

DEPLOY = ROOT / "deploy"


def caddyfile_headers() -> dict[str, str]:
    return dict(re.findall(r'^\s*([A-Z][\w-]+) "([^"]+)"$', CADDYFILE.read_text(), flags=re.M))


def test_the_caddyfile_adapts_with_sticky_health_checked_compressed_proxying():
    env = caddy_environment(":9999", [8601, 8602], https=False)
    adapted = subprocess.run(["caddy", "adapt", "--config", str(CADDYFILE), "--adapter", "caddyfile"],
                             env=env, capture_output=True, text=True, check=True).stdout
    config = json.dumps(json.loads(adapted))
    assert '"127.0.0.1:8601"' in config and '"127.0.0.1:8602"' in config and '":9999"' in config
    assert '"policy": "cookie"' in config and config.count('"uri": "/_stcore/health"') == 2
    assert '"policy": "round_robin"' in config  # the routes that need no session: any replica, in turn
    assert sorted(_matched_paths(json.loads(adapted))) == ["/card.png", "/card.svg", "/data/*", "/lite",
                                                           "/robots.txt"]
    assert '"zstd"' in config and '"gzip"' in config
    headers = caddyfile_headers()
    assert {"Content-Security-Policy", "Referrer-Policy", "X-Content-Type-Options", "Permissions-Policy"} <= set(
        headers)


def _matched_paths(node) -> list[str]:
    """Every path a route of the adapted config matches on."""
    if isinstance(node, list):
        return [p for item in node for p in _matched_paths(item)]
    if not isinstance(node, dict):
        return []
    own = [p for match in node.get("match", []) if isinstance(match, dict) for p in match.get("path", [])]
    return own + [p for key, value in node.items() if key != "match" for p in _matched_paths(value)]


def test_compose_runs_the_image_twice_behind_the_same_caddyfile():
    compose = yaml.safe_load((DEPLOY / "compose.yaml").read_text())
    services = compose["services"]
    apps = [name for name in services if name.startswith("app-")]
    assert len(apps) >= 2 and all(services[a]["build"] == ".." for a in apps)
    proxy = services["proxy"]
    assert "../serve/Caddyfile:/etc/caddy/Caddyfile:ro" in proxy["volumes"]
    assert sorted(proxy["environment"]["CRACKDOWN_UPSTREAMS"].split()) == sorted(f"{a}:8501" for a in apps)
    assert all("/_stcore/health" in " ".join(services[a]["healthcheck"]["test"]) for a in apps)
    assert "EXPOSE 8501" in (ROOT / "Dockerfile").read_text()


def test_kubernetes_has_replicas_probes_cookie_affinity_and_the_same_headers():
    deployment, service, ingress = yaml.safe_load_all((DEPLOY / "kubernetes.yaml").read_text())
    spec = deployment["spec"]
    assert spec["replicas"] >= 2 and spec["selector"]["matchLabels"] == spec["template"]["metadata"]["labels"]
    [container] = spec["template"]["spec"]["containers"]
    assert container["ports"] == [{"name": "http", "containerPort": 8501}]
    for probe in ("readinessProbe", "livenessProbe"):
        assert container[probe]["httpGet"] == {"path": "/_stcore/health", "port": "http"}
    assert service["spec"]["selector"] == spec["selector"]["matchLabels"]
    assert service["spec"]["ports"][0]["targetPort"] == "http"
    annotations = ingress["metadata"]["annotations"]
    assert annotations["nginx.ingress.kubernetes.io/affinity"] == "cookie"
    backend = ingress["spec"]["rules"][0]["http"]["paths"][0]["backend"]["service"]
    assert backend["name"] == service["metadata"]["name"]
    snippet = annotations["nginx.ingress.kubernetes.io/configuration-snippet"]
    set_there = dict(re.findall(r'more_set_headers "([\w-]+): ([^"]+)";', snippet))
    assert set_there == {k: v for k, v in caddyfile_headers().items() if k != "-Server"}


def test_the_environment_names_every_replica():
    env = caddy_environment("map.example.org", [1, 2, 3], https=True)
    assert env["CRACKDOWN_UPSTREAMS"].split() == ["127.0.0.1:1", "127.0.0.1:2", "127.0.0.1:3"]
    assert env["CRACKDOWN_AUTO_HTTPS"] == "on" and env["PATH"] == os.environ["PATH"]

"""The data review a pull request gets: the workflow runs the check and the diff and writes the review to the
job summary; `make review` does the same locally (checked statically: no CI service runs here)."""

from __future__ import annotations

import re

import yaml

from tests.conftest import ROOT

WORKFLOW = ROOT / ".github" / "workflows" / "data-review.yml"


def test_the_workflow_runs_on_data_changes_and_names_the_check_and_the_diff():
    workflow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    triggers = workflow[True] if True in workflow else workflow["on"]  # YAML 1.1 reads `on` as true
    assert triggers["pull_request"]["paths"] == ["data/**"]
    steps = [step for job in workflow["jobs"].values() for step in job["steps"]]
    runs = [step.get("run", "") for step in steps]
    checkout = next(step for step in steps if step.get("uses", "").startswith("actions/checkout@"))
    assert checkout["with"]["fetch-depth"] == 0  # the base's copy is read from git
    assert any(re.search(r"python -m events diff --base .*github\.base_ref.* >> \"\$GITHUB_STEP_SUMMARY\"", r)
               for r in runs)
    assert any(r.strip() == "python -m events check data/events.csv" for r in runs)
    assert any("requirements.txt" in r for r in runs)


def test_make_review_runs_the_diff_and_the_check():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    recipe = makefile.split("\nreview:", 1)[1].split("\n\n", 1)[0]
    assert "-m events diff --base $(BASE)" in recipe and "-m events check" in recipe

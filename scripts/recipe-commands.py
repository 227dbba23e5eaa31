#!/usr/bin/env python3
"""The kartu commands a CI recipe runs, one per line, for scripts/test.sh to run the same way.

    python3 scripts/recipe-commands.py .github/workflows/pages.yml     # the run: steps of every job
    python3 scripts/recipe-commands.py .gitlab-ci.yml                  # the script: lines of every job

Lines of `run:` / `before_script:` / `script:` that start with `kartu ` are printed; a GitHub
expression `${{ … }}` becomes `$SITE_URL` (the address the workflow would build for), so the line
runs in bash with SITE_URL set. A recipe with no kartu command is an error (exit 1): a recipe that
stopped building the site must not pass by running nothing.
"""
import re
import sys

import yaml


def lines(value):
    if isinstance(value, str):
        return value.splitlines()
    if isinstance(value, list):
        return [line for item in value for line in lines(item)]
    return []


def commands(recipe):
    found = []
    jobs = recipe.get("jobs", {}) if "jobs" in recipe else {k: v for k, v in recipe.items() if isinstance(v, dict)}
    for job in jobs.values():
        for step in job.get("steps", []) or []:
            found += lines(step.get("run"))
        for key in ("before_script", "script"):
            found += lines(job.get(key))
    if isinstance(recipe.get("default"), dict):
        found += lines(recipe["default"].get("before_script"))
    kartu = []
    for line in found:
        line = line.strip()
        if line.startswith("kartu "):
            kartu.append(re.sub(r"\$\{\{[^}]*\}\}", "$SITE_URL", line))
    return kartu


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        found = commands(yaml.safe_load(f))
    if not found:
        sys.exit(f"{sys.argv[1]}: no kartu command in its run:/script: steps")
    print("\n".join(dict.fromkeys(found)))


if __name__ == "__main__":
    main()

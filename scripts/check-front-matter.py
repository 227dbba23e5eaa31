#!/usr/bin/env python3
"""Validate the front matter of Markdown files against `kartu schema`'s JSON Schema, with check-jsonschema.

    python3 scripts/check-front-matter.py SCHEMA.json content/            # every .md must be valid
    python3 scripts/check-front-matter.py SCHEMA.json bad/ --invalid     # every .md must be invalid

The YAML between the --- lines is read as kartu reads it: dates stay text (`2019-01-31` is a string,
not a date object), true/false and numbers keep their types. Each file's front matter is written as
JSON to a temporary folder and checked there, one check-jsonschema run per file (so each verdict is
known). Exit 0 when every file got the verdict asked for, 1 otherwise.
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile

import yaml


class TextDates(yaml.SafeLoader):
    """SafeLoader without the timestamp resolver: a date stays the text it was written as."""


TextDates.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def front_matter(path):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        return None
    end = next((i for i in range(1, len(lines)) if lines[i].strip() == "---"), None)
    if end is None:
        return None
    return yaml.load("\n".join(lines[1:end]), Loader=TextDates) or {}


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("schema")
    ap.add_argument("folder")
    ap.add_argument("--invalid", action="store_true", help="every file must fail validation")
    args = ap.parse_args()
    files = sorted(os.path.join(base, name) for base, _, names in os.walk(args.folder) for name in names if name.endswith(".md"))
    if not files:
        print(f"front matter: no .md files under {args.folder}", file=sys.stderr)
        return 1
    wrong = []
    with tempfile.TemporaryDirectory() as work:
        for n, path in enumerate(files):
            data = front_matter(path)
            target = os.path.join(work, f"{n}.json")
            with open(target, "w", encoding="utf-8") as f:
                json.dump(data, f, ensure_ascii=False)
            proc = subprocess.run(["check-jsonschema", "--schemafile", args.schema, target], stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                  text=True)
            if (proc.returncode == 0) == args.invalid:
                wrong.append((path, proc.stdout.strip()))
    verdict = "invalid" if args.invalid else "valid"
    for path, output in wrong:
        print(f"front matter: {path} is not {verdict}:\n{output}", file=sys.stderr)
    print(f"front matter: {len(files) - len(wrong)} of {len(files)} files {verdict} against {os.path.basename(args.schema)}")
    return 1 if wrong else 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Reads YAML the way cfn-lint does: with PyYAML, which follows YAML 1.1 (`on`, `yes`, `y` are booleans,
`0755` is octal, `2010-09-09` is a date).

Reads from stdin a JSON list of YAML texts and prints a JSON list with, for each text, the list of its
documents as PyYAML's safe loader builds them. A value JSON cannot hold (a date, a timestamp, binary) is
printed as {"!python": type name, "repr": its repr}, so a caller comparing data sees that it is not a
string.
"""

import json
import sys

import yaml


def not_json(value):
    return {"!python": type(value).__name__, "repr": repr(value)}


def main():
    texts = json.load(sys.stdin)
    documents = [list(yaml.safe_load_all(text)) for text in texts]
    json.dump(documents, sys.stdout, default=not_json)


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Fails when a Markdown file leaves a code fence open (issue 19, item 12: the README once
rendered everything after its command-line section as code).

A fence opens with three or more backticks or tildes (CommonMark), optionally followed by an
info string; it closes with a line of the same character, at least as long, and nothing else.
Usage: scripts/check-markdown-fences.py [FILE.md ...]   (default: every tracked *.md)
"""
import re
import subprocess
import sys

FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})(.*)$")


def open_fence(path):
    """The line number of a fence left open, or None."""
    opened = None  # (line number, fence characters)
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            m = FENCE.match(line.rstrip("\n"))
            if not m:
                continue
            marks, rest = m.groups()
            if opened is None:
                # A backtick fence's info string may not contain a backtick.
                if marks[0] == "`" and "`" in rest:
                    continue
                opened = (number, marks)
            elif marks[0] == opened[1][0] and len(marks) >= len(opened[1]) and not rest.strip():
                opened = None
    return opened[0] if opened else None


def main(files):
    if not files:
        listed = subprocess.run(["git", "ls-files", "*.md"], capture_output=True, text=True, check=True)
        files = listed.stdout.split()
    bad = [(f, n) for f in files if (n := open_fence(f)) is not None]
    for f, n in bad:
        print(f"{f}:{n}: code fence opened here is never closed", file=sys.stderr)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

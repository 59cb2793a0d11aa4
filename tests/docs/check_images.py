#!/usr/bin/env python3
"""The pictures of the docs: every image a page of docs/ links to exists, every picture under
docs/images/ is shown by some page, none is larger than 150 KB, and docs/outputs.md shows some.
Run as check_images.py SOURCE_ROOT; prints each problem as PAGE:LINE: message and exits 1."""
import os
import re
import sys

IMAGE = re.compile(r"!\[[^\]]*\]\(([^)\s]+)(?:\s+\"[^\"]*\")?\)")
MAX_BYTES = 150 * 1024


def main(root):
    docs = os.path.abspath(os.path.join(root, "docs"))
    problems, linked, shown_by_outputs = [], set(), 0
    for name in sorted(os.listdir(docs)):
        if not name.endswith(".md"):
            continue
        page = os.path.join(docs, name)
        with open(page, encoding="utf-8") as f:
            for number, line in enumerate(f, 1):
                for target in IMAGE.findall(line):
                    if "://" in target:
                        problems.append(f"docs/{name}:{number}: '{target}' is not a file of the repository")
                        continue
                    path = os.path.normpath(os.path.join(docs, target))
                    linked.add(path)
                    if name == "outputs.md":
                        shown_by_outputs += 1
                    if not os.path.isfile(path):
                        problems.append(f"docs/{name}:{number}: '{target}' does not exist")
    images = os.path.join(docs, "images")
    if os.path.isdir(images):
        for name in sorted(os.listdir(images)):
            path = os.path.join(images, name)
            if path not in linked:
                problems.append(f"docs/images/{name}: no page of docs/ shows it")
            if os.path.getsize(path) > MAX_BYTES:
                problems.append(f"docs/images/{name}: {os.path.getsize(path)} bytes, more than {MAX_BYTES}")
    if shown_by_outputs == 0:
        problems.append("docs/outputs.md: shows no picture")
    for p in problems:
        print(p, file=sys.stderr)
    if not problems:
        print(f"{len(linked)} pictures linked from docs/, all present")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))

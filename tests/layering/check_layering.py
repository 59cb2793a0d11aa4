#!/usr/bin/env python3
"""Checks that every `#include "..."` under src/ follows the folder layering of docs/architecture.md,
and so does every `#include <...>` that names a project header (the build's include path holds
src/ and the root, so <emit/view.h> reaches the same header as "emit/view.h").

The table "Folders and what they may include" in docs/architecture.md is the only statement of
the rules: each row names a folder of src/ (or a file directly in src/), its job, and the folders
it may include. A folder may always include its own headers. Unit tests (files ending in
_test.cc) are exempt: they sit beside the code they test but are built only into the test binary.

    check_layering.py ROOT           check ROOT/src against ROOT/docs/architecture.md
    check_layering.py --self-test ROOT
                                     show that the check fails, naming file and line, on a tree
                                     with a wrong include (and passes on one without)

Exit status: 0 when every include is allowed, 1 otherwise (each violation printed as
"src/<file>:<line>: ...").
"""

import os
import re
import shutil
import sys
import tempfile

DOC = os.path.join("docs", "architecture.md")
TABLE_TITLE = "Folders and what they may include"
# Headers the build generates (meson configure_file); any folder may include them.
GENERATED = {"plangen_config.h"}
SOURCE_SUFFIXES = (".h", ".cc", ".def")
INCLUDE = re.compile(r'^\s*#\s*include\s*"([^"]+)"')
# src/ is on the include path, so <emit/view.h> reaches the same header as "emit/view.h".
ANGLE_INCLUDE = re.compile(r'^\s*#\s*include\s*<([^>]+)>')


class LayeringError(Exception):
    pass


def parse_table(doc_text):
    """{folder: set of folders it may include} from the table under TABLE_TITLE."""
    lines = doc_text.splitlines()
    try:
        start = next(i for i, l in enumerate(lines) if l.lstrip("#").strip() == TABLE_TITLE)
    except StopIteration:
        raise LayeringError(f"{DOC}: no section titled '{TABLE_TITLE}'")
    rows = []
    for line in lines[start + 1:]:
        if line.startswith("#"):
            break
        if line.strip().startswith("|"):
            rows.append([c.strip() for c in line.strip().strip("|").split("|")])
        elif rows:
            break
    if len(rows) < 3:
        raise LayeringError(f"{DOC}: the table under '{TABLE_TITLE}' has no rows")
    header = [h.lower() for h in rows[0]]
    if "folder" not in header or "may include" not in header:
        raise LayeringError(f"{DOC}: the table needs the columns 'Folder' and 'May include'")
    fcol, icol = header.index("folder"), header.index("may include")
    allowed = {}
    for row in rows[2:]:
        names = re.findall(r"`([^`]+)`", row[fcol])
        if len(names) != 1:
            raise LayeringError(f"{DOC}: a row's folder must be one `name`: {row[fcol]!r}")
        folder = names[0].rstrip("/")
        if folder in allowed:
            raise LayeringError(f"{DOC}: folder '{folder}' has two rows")
        allowed[folder] = {n.rstrip("/") for n in re.findall(r"`([^`]+)`", row[icol])}
    for folder, deps in allowed.items():
        for d in deps:
            if d not in allowed:
                raise LayeringError(f"{DOC}: '{folder}' may include '{d}', which has no row")
    check_acyclic(allowed)
    return allowed


def check_acyclic(allowed):
    state = {}

    def visit(f, path):
        if state.get(f) == "done":
            return
        if state.get(f) == "open":
            cycle = path[path.index(f):] + [f]
            raise LayeringError(f"{DOC}: the allowed includes form a cycle: {' -> '.join(cycle)}")
        state[f] = "open"
        for d in sorted(allowed[f]):
            visit(d, path + [f])
        state[f] = "done"

    for f in sorted(allowed):
        visit(f, [])


def check_tree(root):
    """Violations as "src/<file>:<line>: message", sorted by file and line."""
    with open(os.path.join(root, DOC), encoding="utf-8") as f:
        allowed = parse_table(f.read())
    src = os.path.join(root, "src")
    problems = []
    folders = sorted(e for e in os.listdir(src) if os.path.isdir(os.path.join(src, e)))
    for folder in folders:
        if folder not in allowed:
            problems.append(f"src/{folder}: folder has no row in the table of {DOC}")
    for folder in sorted(allowed):
        if not os.path.exists(os.path.join(src, folder)):
            problems.append(f"{DOC}: the table names '{folder}', which is not in src/")
    for dirpath, dirnames, filenames in os.walk(src):
        dirnames.sort()
        for name in sorted(filenames):
            if not name.endswith(SOURCE_SUFFIXES) or name.endswith("_test.cc"):
                continue
            path = os.path.join(dirpath, name)
            rel = os.path.relpath(path, src).replace(os.sep, "/")
            owner = rel.split("/")[0]  # the folder, or the file itself when directly in src/
            if owner not in allowed:
                if owner == rel:
                    problems.append(f"src/{rel}: file has no row in the table of {DOC}")
                continue  # a folder without a row is reported above
            with open(path, encoding="utf-8", errors="replace") as f:
                for number, line in enumerate(f, 1):
                    m = INCLUDE.match(line)
                    if not m:
                        m = ANGLE_INCLUDE.match(line)
                        if not m or not (os.path.isfile(os.path.join(src, m.group(1))) or
                                         os.path.isfile(os.path.join(root, m.group(1)))):
                            continue  # a system or library header
                    why = judge(src, owner, os.path.dirname(rel), m.group(1), allowed)
                    if why:
                        problems.append(f"src/{rel}:{number}: {why}")
    return problems


def judge(src, owner, file_dir, target, allowed):
    """Why `target`, included by a file of `owner`, is not allowed; None when it is."""
    if target in GENERATED:
        return None
    first = target.split("/")[0]
    if "/" in target and os.path.isdir(os.path.join(src, first)):
        if first == owner or first in allowed[owner]:
            return None
        may = ", ".join(sorted(allowed[owner])) or "no other folder"
        return f"'{owner}' may not include \"{target}\" ('{owner}' may include {may}; see {DOC})"
    if os.path.exists(os.path.join(src, file_dir, target)):
        return None  # a header beside the file
    return f"\"{target}\" is not a header under src/ (product code includes src/ headers only)"


def self_test(root):
    """Runs the check on small trees made from the real table: a wrong include must fail with its
    file and line; a tree that follows the table must pass."""
    failures = []
    with open(os.path.join(root, DOC), encoding="utf-8") as f:
        doc = f.read()
    allowed = parse_table(doc)
    # Two folders where the first may not include the second: check and emit by the table.
    lower, upper = "check", "emit"
    if upper in allowed[lower] or lower not in allowed or upper not in allowed:
        failures.append(f"the table no longer keeps '{lower}' from including '{upper}'; pick another pair")
        return failures

    def make_tree(files):
        tmp = tempfile.mkdtemp(prefix="plangen-layering-")
        os.makedirs(os.path.join(tmp, "docs"))
        with open(os.path.join(tmp, DOC), "w", encoding="utf-8") as f:
            f.write(doc)
        for folder in allowed:
            if "." in folder:  # a file directly in src/
                os.makedirs(os.path.join(tmp, "src"), exist_ok=True)
                open(os.path.join(tmp, "src", folder), "w").close()
            else:
                os.makedirs(os.path.join(tmp, "src", folder), exist_ok=True)
        for rel, text in files.items():
            os.makedirs(os.path.dirname(os.path.join(tmp, rel)), exist_ok=True)
            with open(os.path.join(tmp, rel), "w", encoding="utf-8") as f:
                f.write(text)
        return tmp

    base = {
        f"src/{upper}/view.h": "#pragma once\n",
        f"src/{lower}/helper.h": "#pragma once\n",
        f"src/{lower}/rule.cc": f'#include "{lower}/helper.h"\n#include "helper.h"\n#include "plangen_config.h"\n',
        f"src/{lower}/rule_test.cc": f'#include "{upper}/view.h"\n#include "test_paths.h"\n',
    }
    cases = [
        ("a tree that follows the table", {}, []),
        ("a rule including an emitter",
         {f"src/{lower}/bad.cc": f'// a rule\n#include <string>\n#include "{upper}/view.h"\n'},
         [f"src/{lower}/bad.cc:3: '{lower}' may not include \"{upper}/view.h\""]),
        ("a rule including an emitter in angle brackets",
         {f"src/{lower}/bad.cc": f'#include <vector>\n#include <{upper}/view.h>\n'},
         [f"src/{lower}/bad.cc:2: '{lower}' may not include \"{upper}/view.h\""]),
        ("product code including test support",
         {f"src/{lower}/bad.cc": '#include "check_test_support.h"\n'},
         [f"src/{lower}/bad.cc:1: \"check_test_support.h\" is not a header under src/"]),
        ("a folder the table does not know",
         {"src/stray/x.h": "#pragma once\n"},
         ["src/stray: folder has no row in the table"]),
    ]
    for title, extra, expected in cases:
        tmp = make_tree({**base, **extra})
        try:
            got = check_tree(tmp)
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
        if len(got) != len(expected) or any(not g.startswith(e) for g, e in zip(got, expected)):
            failures.append(f"{title}: expected {expected}, got {got}")
    # A cycle in the table itself is refused.
    try:
        check_acyclic({"a": {"b"}, "b": {"a"}})
        failures.append("a table with a cycle was accepted")
    except LayeringError as e:
        if "a -> b -> a" not in str(e):
            failures.append(f"a cycle is reported unclearly: {e}")
    return failures


def main(argv):
    args = argv[1:]
    selftest = "--self-test" in args
    args = [a for a in args if a != "--self-test"]
    if len(args) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    root = args[0]
    try:
        if selftest:
            failures = self_test(root)
            for f in failures:
                print(f"self-test: {f}")
            print("layering self-test: " + ("failed" if failures else "the check fails on wrong includes, naming file and line"))
            return 1 if failures else 0
        problems = check_tree(root)
    except (LayeringError, OSError) as e:
        print(e)
        return 1
    for p in problems:
        print(p)
    print(f"layering: {len(problems)} include(s) break the table of {DOC}" if problems
          else f"layering: every include under src/ follows {DOC}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

#!/usr/bin/env bash
# Every promise in README.md and docs/*.md is backed by a test the docs name. This checks that the
# names are real: each test the docs cite by name is a Catch2 TEST_CASE under tests/ (exactly, or
# the prefix a trailing "..." marks, or a Catch2 pattern with '*'), each `tests/...` path they cite
# exists, each `corridor_tests "[tag]"` they show selects some test and each ctest name they cite
# is registered. It fails listing file:line of every citation that names nothing.
#
# A name, quoted ("Name") or in a code span (`Name`, with a space in it), is a test citation when
# the docs mark it as one:
#   `tests/foo_test.cc`, "Name"     `foo_test.cc` "Name"      (`tests/foo_test.cc`): "Name"
#   test "Name"    Test: "Name"     tests (`Name`, `Name`)    ("Name", `tests/foo_test.cc`)
#   the first name of a cell in a table column headed "test"
# and every further name of the same list: "A", "B" and "C" (a parenthesis may follow each).
# Other quoted strings (section names after docs/x.md, examples, quotes from guidance) are not
# citations; one that nearly equals a test's name is reported as a probable miscitation.
# Usage: tests/docs_tests_named_test.sh [REPO_ROOT]   (DOCS_TESTS_NAMED_LIST=1 lists the citations)
set -euo pipefail
root=${1:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}
cd "$root"
exec python3 - README.md docs/*.md <<'PY'
import difflib, glob, os, re, sys

# --- The tests: TEST_CASE names of every .cc under tests/ (adjacent literals joined). ---------
names = {}  # name -> "file:line"
tags = {}  # name -> set of tags
literal = r'"(?:[^"\\\n]|\\.)*"'
def joined(literals):  # adjacent C++ string literals, unescaped
    return "".join(re.sub(r'\\(.)', r'\1', p[1:-1]) for p in re.findall(literal, literals))
for path in sorted(glob.glob("tests/**/*.cc", recursive=True)):
    src = open(path, encoding="utf-8").read()
    for m in re.finditer(r'\bTEST_CASE\s*\(\s*((?:%s\s*)+)(?:,\s*(%s))?' % (literal, literal), src):
        name = joined(m.group(1))
        names.setdefault(name, "%s:%d" % (path, src.count("\n", 0, m.start()) + 1))
        tags[name] = set(re.findall(r'\[[^\]]+\]', m.group(2) or ""))
ctest_names = set()
for path in ["CMakeLists.txt"] + glob.glob("tests/**/CMakeLists.txt", recursive=True):
    ctest_names |= set(re.findall(r'add_test\s*\(\s*NAME\s+([\w${}-]+)', open(path).read()))

if len(names) < 10:
    sys.exit("docs_tests_named: found only %d TEST_CASEs under tests/: the scan is broken" % len(names))

def matches(cited):
    """The TEST_CASE names a citation selects: exact, prefix ('...'), or Catch2 '*' pattern."""
    if cited.endswith("...") or cited.endswith("\u2026"):
        prefix = cited.rstrip(".\u2026").rstrip()
        return [n for n in names if n.startswith(prefix)]
    if "*" in cited:  # Catch2 test spec: '*' wildcards, compared case-insensitively
        pattern = re.compile(".*".join(map(re.escape, cited.lower().split("*"))) + r"\Z", re.S)
        return [n for n in names if pattern.match(n.lower())]
    return [cited] if cited in names else []

problems = []
cited_count = 0
path_re = re.compile(r'(?<![\w./-])(tests/[\w./*<>-]*[\w*/])')
bare_re = re.compile(r'(?<![\w./-])([a-z][\w]*_test\.(?:cc|sh|py))\b')

def line_of(text, pos):
    return text.count("\n", 0, pos) + 1

for doc in sys.argv[1:]:
    raw = open(doc, encoding="utf-8").read()

    # --- Paths: every tests/... path (code blocks included) must exist. ---------------------
    for m in path_re.finditer(raw):
        p = m.group(1)
        if "<" in p:
            continue  # a placeholder such as tests/fuzz/regressions/<target>/
        found = glob.glob(p) if "*" in p else ([p] if os.path.exists(p) else [])
        if not found:
            problems.append("%s:%d: cites %s, which does not exist" % (doc, line_of(raw, m.start()), p))
    for m in bare_re.finditer(raw):
        if not glob.glob("tests/**/" + m.group(1), recursive=True):
            problems.append("%s:%d: cites %s, which is not under tests/" % (doc, line_of(raw, m.start()), m.group(1)))
    # --- ctest names: (ctest `name`) must be registered. -----------------------------------
    for m in re.finditer(r'\bctest\s+`([\w-]+)`', raw):
        if m.group(1) not in ctest_names and not any("$" in c and re.fullmatch(
                re.sub(r'\\\$\\\{\w+\\\}', r'\\w+', re.escape(c)), m.group(1)) for c in ctest_names):
            problems.append("%s:%d: cites ctest %s, which is not registered" % (doc, line_of(raw, m.start()), m.group(1)))
    # --- Test specs shown on a corridor_tests command line must select some test. ----------
    for m in re.finditer(r'corridor_tests((?:\s+"[^"\n]*")+)', raw):
        for spec in re.findall(r'"([^"\n]*)"', m.group(1)):
            if spec.startswith("["):
                want = set(re.findall(r'\[[^\]]+\]', spec))
                ok = any(want <= t for t in tags.values())
            else:
                ok = bool(matches(spec))
            cited_count += 1
            if not ok:
                problems.append('%s:%d: corridor_tests "%s" selects no test' % (doc, line_of(raw, m.start()), spec))

    # --- Named tests in prose: fenced code blanked; then quoted strings and code spans, left to
    # right (a quote inside a code span is code, as in Markdown), each tested for a marker.
    lines, fence = [], False
    for line in raw.split("\n"):
        if re.match(r'\s*(```|~~~)', line):
            fence = not fence
            lines.append("")
        else:
            lines.append("" if fence else line)
    text = "\n".join(lines)

    # Cells of a table column headed "test" or "tests": a name that opens such a cell is cited.
    test_cells, offset, column = [], 0, None
    for line in text.split("\n"):
        cells = [c for c in re.finditer(r'(?<!\\)\|([^|]*?)(?=(?<!\\)\|)', line)]
        if not line.lstrip().startswith("|"):
            column = None
        elif column is None and not re.match(r'\s*\|[-:| ]+\|\s*\Z', line):
            heads = [re.sub(r'\(.*\)|`', "", c.group(1)).strip().lower() for c in cells]
            column = heads.index("test") if "test" in heads else heads.index("tests") if "tests" in heads else -1
        elif column is not None and column >= 0 and column < len(cells):
            test_cells.append((offset + cells[column].start(1), offset + cells[column].end(1)))
        offset += len(line) + 1

    previous_end, previous_cited = 0, False
    token = re.compile(r'`([^`\n]*(?:\n[^`\n]+)*?)`|"([^"\n]*(?:\n[^"\n]+)*?)"')
    for m in token.finditer(text):
        code = m.group(2) is None
        content = m.group(1) if code else m.group(2)
        if code and re.fullmatch(r'"[^"]*"', content):
            code, content = False, content[1:-1]  # `"*brute force*"`: a quoted spec in code
        if code and (" " not in content.strip() or content.startswith(("tests/", "corridor", "-"))):
            continue  # a path, an identifier or a command: context for what follows
        lead = text[previous_end:m.start()] if previous_end else text[max(0, m.start() - 120):m.start()]
        after = text[m.end():m.end() + 80]
        plain = lead.replace("`", "").rstrip()
        cited = re.sub(r'\s*\n\s*', " ", content)
        cited = re.sub(r'\\([\\|*_`])', r'\1', cited)  # markdown escapes (tables: \|)
        opens_test_cell = any(a <= m.start() < b and not text[a:m.start()].strip() for a, b in test_cells)
        marked = (
            opens_test_cell or
            (not code and re.search(r'_test\.(?:cc|sh|py)\)?[\s,:;]*\(?\Z', plain))  # `x_test.cc`, "Name"
            or re.search(r'(?i)\btests?\b[\s:(]*\Z', plain)                # test "Name"; Test: "Name"
            or (not code and re.match(r'\s*[,;]?\s*`?tests/\w+_test\.cc', after))  # ("Name", `tests/x_test.cc`)
            or (previous_cited and previous_end and                         # "A", "B" and "C"
                re.fullmatch(r'\s*(\(.*\))?\s*(,|;|,? and|,? or)\s*', lead, re.S)))
        if code and not marked:
            continue
        if re.fullmatch(r'<[^<>]+>', cited):
            continue  # a placeholder, as in docs/architecture.md's "<name>"
        previous_end, previous_cited = m.end(), bool(marked)
        line = line_of(text, m.start())
        if marked:
            cited_count += 1
            if os.environ.get("DOCS_TESTS_NAMED_LIST"):
                print('%s:%d: "%s"' % (doc, line, cited))
            if not matches(cited):
                close = difflib.get_close_matches(cited, list(names), n=1, cutoff=0.6)
                hint = ' (nearest: "%s", %s)' % (close[0], names[close[0]]) if close else ""
                problems.append('%s:%d: cites test "%s", which no TEST_CASE is%s' % (doc, line, cited, hint))
        elif len(cited.split()) >= 4 and cited not in names:
            close = difflib.get_close_matches(cited, list(names), n=1, cutoff=0.85)
            if close:
                problems.append('%s:%d: "%s" nearly names test "%s" (%s): cite it exactly, marked as a test'
                                % (doc, line, cited, close[0], names[close[0]]))

if cited_count < 10:
    problems.append("found only %d test citations in the docs: the extraction is broken" % cited_count)
for p in problems:
    print(p, file=sys.stderr)
if problems:
    print("docs_tests_named: %d citation(s) above name nothing" % len(problems), file=sys.stderr)
    sys.exit(1)
print("docs: %d named tests, every one a TEST_CASE; every cited tests/ path exists" % cited_count)
PY

#!/usr/bin/env python3
"""No-lock audit of cbrng's headers (docs/design.md §8: no locks, no shared
mutable state).

    python3 tests/audit_no_locks.py include/      # audit every header below
    python3 tests/audit_no_locks.py --self-test   # the audit catches bad code

Fails (exit status 1, one line per finding) if any header

  * uses a lock: a mutex of any kind, a condition variable, lock_guard /
    unique_lock / scoped_lock / shared_lock, call_once / once_flag, a
    semaphore, latch or barrier, their pthread equivalents, or includes
    <mutex>, <shared_mutex>, <condition_variable>, <future>, <semaphore>,
    <latch> or <barrier>;
  * uses std::atomic<T> or std::atomic_ref<T> without a
    static_assert(std::atomic<T>::is_always_lock_free) for that same T in the
    same header (a lock-based atomic is a hidden mutex), or the std::atomic_*
    free functions (lock-based for shared_ptr);
  * declares static mutable state that is not thread_local: a namespace-scope
    variable, a static data member or a function-local static that is not
    const or constexpr (`inline const` and `inline constexpr` variables are
    fine; so is `static thread_local`).

The scanner strips comments, string literals and preprocessor lines, then
tracks namespace / class / function scopes by their braces. Both branches of
an #if are scanned. If the braces do not balance it reports that instead of
guessing, so a header it cannot follow fails loudly rather than passing.
"""

import os
import re
import sys

LOCK_WORDS = re.compile(
    r"\b(?:(?:recursive_|timed_|recursive_timed_|shared_|shared_timed_)?mutex"
    r"|condition_variable(?:_any)?|lock_guard|unique_lock|scoped_lock|shared_lock"
    r"|call_once|once_flag|counting_semaphore|binary_semaphore|latch|barrier"
    r"|pthread_(?:mutex|cond|once|rwlock|spin|barrier)\w*"
    r"|mtx_\w+|cnd_\w+|call_once)\b"
)
LOCK_HEADERS = re.compile(
    r"#\s*include\s*<(mutex|shared_mutex|condition_variable|future|semaphore|latch|barrier"
    r"|threads\.h)>"
)
ATOMIC_FREE_FUNCTIONS = re.compile(
    r"\bstd\s*::\s*atomic_(?:load|store|exchange|compare_exchange_\w+|fetch_\w+|wait|notify_\w+)"
    r"(?:_explicit)?\b"
)
# Function-like macros of the library that expand to attributes or nothing at
# namespace or class scope; CBRNG_NAMESPACE_BEGIN/END are expanded instead.
CBRNG_MACRO = re.compile(r"^CBRNG_[A-Z0-9_]+$")

TOKEN = re.compile(
    r"[A-Za-z_]\w*|0[xX][0-9a-fA-F']+\w*|\d[\w'.]*|::|->|\[\[|\]\]"
    r"|==|!=|<=|>=|\+=|-=|\*=|/=|%=|&=|\|=|\^=|&&|\|\||<<=|>>="
    r"|[{}()\[\];=<>,*&:~.!?+\-/%^|]"
)


def strip_code(text):
    """Returns (code, directives): code with comments, string and character
    literals and preprocessor directives blanked (newlines kept, so line numbers
    hold); directives as single joined lines."""
    out = []
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if text.startswith("//", i):
            k = text.find("\n", i)
            i = n if k < 0 else k
            continue
        if text.startswith("/*", i):
            k = text.find("*/", i + 2)
            k = n if k < 0 else k + 2
            out.append(" " + "\n" * text.count("\n", i, k))
            i = k
            continue
        m = re.match(r'(?:u8|[uUL])?R"([^()\\\s]{0,16})\(', text[i:i + 24])
        if m and (i == 0 or not (text[i - 1].isalnum() or text[i - 1] == "_")):
            k = text.find(")" + m.group(1) + '"', i + m.end())
            k = n if k < 0 else k + len(m.group(1)) + 2
            out.append('""' + "\n" * text.count("\n", i, k))
            i = k
            continue
        if c == "'":
            run = re.search(r"[\w']*$", text[max(0, i - 64):i]).group(0)
            if run[:1].isdigit():  # digit separator: 1'000'000
                out.append(c)
                i += 1
                continue
        if c in "\"'":
            j = i + 1
            while j < n and text[j] != c and text[j] != "\n":
                j += 2 if text[j] == "\\" else 1
            out.append('""' if c == '"' else "0")
            i = j + 1
            continue
        out.append(c)
        i += 1
    lines = "".join(out).split("\n")
    directives = []
    k = 0
    while k < len(lines):
        if lines[k].lstrip().startswith("#"):
            first = k
            joined = [lines[k]]
            while lines[k].rstrip().endswith("\\") and k + 1 < len(lines):
                k += 1
                joined.append(lines[k])
            directives.append(" ".join(s.rstrip().rstrip("\\") for s in joined).strip())
            for j in range(first, k + 1):
                lines[j] = ""
        k += 1
    return "\n".join(lines), directives


def tokenize(code):
    tokens = []
    for m in TOKEN.finditer(code):
        tokens.append((m.group(0), code.count("\n", 0, m.start()) + 1))
    return tokens


def drop_attributes(tokens):
    """Removes [[...]], __attribute__((...)), alignas(...), __declspec(...) and
    attribute-like library macros; expands CBRNG_NAMESPACE_BEGIN / END."""
    out = []
    i = 0
    while i < len(tokens):
        t, line = tokens[i]
        if t == "[[":
            depth = 1
            i += 1
            while i < len(tokens) and depth:
                depth += tokens[i][0] == "[["
                depth -= tokens[i][0] == "]]"
                i += 1
            continue
        if t in ("__attribute__", "alignas", "__declspec", "__extension__"):
            i += 1
            if t != "__extension__" and i < len(tokens) and tokens[i][0] == "(":
                depth = 0
                while i < len(tokens):
                    depth += tokens[i][0] == "("
                    depth -= tokens[i][0] == ")"
                    i += 1
                    if depth == 0:
                        break
            continue
        if t == "CBRNG_NAMESPACE_BEGIN":
            out += [("namespace", line), ("cbrng", line), ("{", line), ("inline", line),
                    ("namespace", line), ("v2", line), ("{", line)]
            i += 1
            continue
        if t == "CBRNG_NAMESPACE_END":
            out += [("}", line), ("}", line)]
            i += 1
            continue
        if CBRNG_MACRO.match(t):
            # A macro with arguments (CBRNG_LIKELY(x)) keeps its argument list.
            i += 1
            continue
        out.append((t, line))
        i += 1
    return out


def skip_template_header(stmt):
    """Drops leading `template <...>` clauses from a statement's tokens."""
    while stmt and stmt[0][0] == "template":
        i = 1
        if i < len(stmt) and stmt[i][0] == "<":
            angle = paren = 0
            while i < len(stmt):
                t = stmt[i][0]
                paren += t in ("(", "[")
                paren -= t in (")", "]")
                if paren == 0:
                    angle += t == "<"
                    angle -= t == ">"
                i += 1
                if angle == 0 and paren == 0:
                    break
        stmt = stmt[i:]
    return stmt


def top_level(stmt):
    """The statement's tokens outside parentheses and brackets."""
    out, depth = [], 0
    for tok in stmt:
        t = tok[0]
        if t in ("(", "["):
            depth += 1
        elif t in (")", "]"):
            depth -= 1
        elif depth == 0:
            out.append(tok)
    return out


def declarator_part(stmt):
    """Tokens before the initializer of a declaration (first top-level `=` or `{}`)."""
    depth = 0
    for i, (t, _) in enumerate(stmt):
        if t in ("(", "["):
            depth += 1
        elif t in (")", "]"):
            depth -= 1
        elif depth == 0 and t in ("=", "{}"):
            return stmt[:i]
    return stmt


def is_function_declaration(decl):
    """A declarator part with a parameter list: a function, not a variable."""
    words = [t for t, _ in decl]
    if "operator" in words:
        return True
    for i, t in enumerate(words):
        if t == "(" and i > 0 and (re.match(r"^[A-Za-z_]\w*$", words[i - 1]) or words[i - 1] == ">"):
            if words[i - 1] in ("decltype", "sizeof", "alignof", "noexcept", "alignas"):
                continue
            return True
    return False


def is_immutable(decl):
    """thread_local, or const/constexpr applying to the object itself (not only
    to what a pointer points to)."""
    words = [t for t, _ in decl]
    if "thread_local" in words or "constexpr" in words:
        return True
    if "const" not in words:
        return False
    last_ptr = max((i for i, t in enumerate(words) if t in ("*", "&", "&&")), default=-1)
    if last_ptr < 0:
        return True
    return "const" in words[last_ptr + 1:]


NON_VARIABLE_LEADS = {
    "using", "typedef", "static_assert", "friend", "namespace", "return", "asm", "concept",
    "requires", "goto", "break", "continue", "throw", "delete",
}
CLASS_KEYS = ("class", "struct", "union", "enum")


class Finding(Exception):
    pass


def scan_scopes(tokens, path, findings):
    """Tracks scopes by their braces and checks every declaration that can carry
    static mutable state. Scope kinds: namespace (file scope too), class,
    block (function bodies and everything inside them) and init (brace
    initializers, lambda bodies and enumerator lists, whose statements, if any,
    are checked like a block's)."""
    stack = []  # (kind, statement tokens saved when the scope opened)
    kind = "namespace"
    stmt = []
    paren = 0  # parenthesis depth within the current statement

    def report(line, what, words):
        findings.append("%s:%d: %s: %s" % (path, line, what, " ".join(words[:10])))

    def check(stmt, scope):
        body = skip_template_header(stmt)
        if not body:
            return
        words = [t for t, _ in body]
        line = body[0][1]
        if words[0] in NON_VARIABLE_LEADS or "typedef" in words:
            return
        if words[0] == "extern" and len(words) > 1 and words[1] == "template":
            return
        if scope in ("block", "init"):
            decl = declarator_part(body)
            if "static" in [t for t, _ in decl] and not is_immutable(decl):
                report(line, "function-local static mutable variable", words)
            return
        if words[0] in CLASS_KEYS or (words[0] in ("const", "static", "inline") and
                                      len(words) > 1 and words[1] in CLASS_KEYS):
            if "{}" not in words:
                return  # forward declaration or elaborated type
            tail = words[len(words) - 1 - words[::-1].index("{}") + 1:]
            if not tail:
                return  # class definition
            if not is_immutable(body):
                report(line, "variable of a class defined in place", words)
            return
        decl = declarator_part(body)
        if is_function_declaration(decl):
            return
        dwords = [t for t, _ in decl]
        if scope == "class":
            if "static" in dwords and not is_immutable(decl):
                report(line, "static mutable data member", words)
            return
        # Namespace scope: every variable has static storage duration.
        if len(dwords) < 2:
            return  # not a declaration (a stray macro name)
        if not is_immutable(decl):
            report(line, "namespace-scope mutable variable", words)

    def scope_of(prefix):
        if paren > 0:
            return "init"  # lambda body or braced argument inside a call
        body = skip_template_header(prefix)
        words = [t for t, _ in top_level(body)]
        all_words = [t for t, _ in body]
        if "namespace" in all_words or all_words == ["extern"]:
            return "namespace"
        if kind in ("namespace", "class"):
            if any(w in CLASS_KEYS for w in words) and "(" not in all_words:
                return "init" if words and words[0] == "enum" or "enum" in words else "class"
            if "=" in words:
                return "init"
            if "(" in all_words:
                return "block"  # function body (constructor initializer lists included)
            return "init"  # T x{...};
        if any(w in CLASS_KEYS[:3] for w in words) and "(" not in all_words:
            return "class"  # local class
        if "=" in words:
            return "init"
        return "block"

    for t, line in tokens:
        if t == "{":
            new = scope_of(stmt)
            stack.append((kind, stmt, paren))
            kind, stmt, paren = new, [], 0
            continue
        if t == "}":
            if not stack:
                raise Finding("%s:%d: unbalanced '}' (the audit cannot follow this header)" %
                              (path, line))
            if stmt:
                check(stmt, kind)  # a last statement without ';' (only in init lists)
            closed = kind
            kind, saved, paren = stack.pop()
            # An initializer or class body continues its statement (`struct s {...} x;`,
            # `T x = {...};`, `f([] {...});`); a function or namespace body ends it.
            stmt = saved + [("{}", line)] if closed in ("init", "class") else []
            continue
        if t == "(":
            paren += 1
        elif t == ")":
            paren -= 1
        elif t == ";" and paren == 0:
            check(stmt, kind)
            stmt = []
            continue
        elif t == ":" and len(stmt) == 1 and stmt[0][0] in ("public", "private", "protected"):
            stmt = []
            continue
        stmt.append((t, line))
    if stack:
        raise Finding("%s: unbalanced braces at end of file (the audit cannot follow this header)"
                      % path)


def atomic_types(code, name):
    """Template arguments of every `std::<name><...>` in code, whitespace-free."""
    found = []
    for m in re.finditer(r"\bstd\s*::\s*" + name + r"\s*<", code):
        depth, j = 1, m.end()
        while j < len(code) and depth:
            depth += code[j] == "<"
            depth -= code[j] == ">"
            j += 1
        found.append((re.sub(r"\s+", "", code[m.end():j - 1]), code.count("\n", 0, m.start()) + 1))
    return found


def audit_text(text, path):
    findings = []
    code, directives = strip_code(text)
    for d in directives:
        if LOCK_HEADERS.search(d):
            findings.append("%s: includes a lock header: %s" % (path, d))
    for lineno, line in enumerate(code.split("\n"), 1):
        for m in LOCK_WORDS.finditer(line):
            findings.append("%s:%d: uses a lock (%s)" % (path, lineno, m.group(0)))
        for m in ATOMIC_FREE_FUNCTIONS.finditer(line):
            findings.append("%s:%d: std::atomic_* free function (%s); use std::atomic members"
                            % (path, lineno, m.group(0)))
    flat = re.sub(r"\s+", "", code)
    for name in ("atomic", "atomic_ref"):
        for arg, lineno in atomic_types(code, name):
            want = "static_assert(std::atomic<%s>::is_always_lock_free" % arg
            if want not in flat:
                findings.append(
                    "%s:%d: std::%s<%s> without static_assert(std::atomic<%s>::is_always_lock_free)"
                    % (path, lineno, name, arg, arg))
    if re.search(r"\bstd\s*::\s*atomic\b(?!\s*<|_)", code):
        findings.append("%s: std::atomic named without a template argument list" % path)
    tokens = drop_attributes(tokenize(code))
    try:
        scan_scopes(tokens, path, findings)
    except Finding as f:
        findings.append(str(f))
    return findings


def audit_tree(root):
    headers = []
    for dirpath, _, files in os.walk(root):
        for f in files:
            if f.endswith((".hpp", ".h", ".hh", ".hxx", ".inl", ".cuh")):
                headers.append(os.path.join(dirpath, f))
    headers.sort()
    findings = []
    for h in headers:
        with open(h, encoding="utf-8") as fh:
            findings += audit_text(fh.read(), os.path.relpath(h, os.path.dirname(root.rstrip("/"))))
    return headers, findings


# Snippets the audit must flag (each alone), and snippets it must accept.
BAD = {
    "mutex member": "#include <cstdint>\nstruct s { std::mutex m; };\n",
    "mutex header": "#include <mutex>\n",
    "shared_mutex": "struct s { std::shared_mutex m; };\n",
    "lock_guard": "void f() { std::lock_guard<std::mutex> g(m); }\n",
    "scoped_lock": "void f() { std::scoped_lock g(m); }\n",
    "condition variable": "struct s { std::condition_variable cv; };\n",
    "call_once": "void f() { std::call_once(flag, [] {}); }\n",
    "pthread mutex": "void f() { pthread_mutex_lock(&m); }\n",
    "atomic without static_assert": "inline int f() { std::atomic<int> a{0}; return a.load(); }\n",
    "atomic with another type asserted":
        "static_assert(std::atomic<int>::is_always_lock_free);\n"
        "struct s { std::atomic<long double> x; };\n",
    "atomic_ref": "void f(int& x) { std::atomic_ref<int> r(x); }\n",
    "atomic free function": "void f(std::shared_ptr<int>* p) { std::atomic_load(p); }\n",
    "function-local static": "inline int& counter() { static int n = 0; return n; }\n",
    "function-local static array":
        "inline int f(int i) { static int t[4] = {1, 2, 3, 4}; return t[i]++; }\n",
    "function-local static pointer to const":
        "inline const char* f() { static const char* p = nullptr; return p; }\n",
    "static in a nested block":
        "inline void f() { if (true) { for (;;) { static unsigned long calls; ++calls; } } }\n",
    "namespace-scope inline variable": "namespace a { inline int counter = 0; }\n",
    "namespace-scope static variable": "namespace a { static int counter; }\n",
    "namespace-scope variable in library namespace":
        "CBRNG_NAMESPACE_BEGIN\nnamespace detail {\ninline std::uint64_t calls{};\n}\n"
        "CBRNG_NAMESPACE_END\n",
    "template variable": "template <class T>\ninline T zero = T{};\n",
    "static data member":
        "struct s {\n  static int count;\n  static constexpr int size() { return 1; }\n};\n",
    "inline static data member": "struct s { inline static std::uint64_t seed = 1; };\n",
    "static member in a nested class":
        "namespace n { template <class T> struct a { struct b { static T cache[4]; }; }; }\n",
    "global after a class": "struct s { int x; } global_s;\n",
    "static in a lambda passed to a call":
        "inline void f() { g(1, [](int x) { static int n; n += x; }); }\n",
    "static in a lambda initializing a constant":
        "inline const auto next = [] { static int n = 0; return ++n; };\n",
    "static in a constructor":
        "struct s {\n  s() : a_{1}, b_(2) { static int made = 0; ++made; }\n  int a_, b_;\n};\n",
    "static in an operator":
        "struct s { int operator()() { static unsigned n; return int(n++); } };\n",
}
GOOD = {
    "inline const pid": "namespace d {\ninline const std::uint64_t initial_pid = "
                        "static_cast<std::uint64_t>(::getpid());\n}\n",
    "inline constexpr": "inline constexpr stream_id default_id{1, 0, 0};\n",
    "static thread_local": "inline int& slot() { static thread_local int s = -1; return s; }\n",
    "thread_local state": "inline state& st() { thread_local state s; return s; }\n",
    "static constexpr table":
        "constexpr unsigned get(unsigned r) {\n"
        "  constexpr unsigned t[8] = {1, 2, 3, 4, 5, 6, 7, 8};\n"
        "  static constexpr unsigned u[2] = {1, 2};\n  return t[r % 8] + u[0];\n}\n",
    "static member functions and constants":
        "template <class B>\nclass e {\n public:\n  static constexpr std::size_t n = 4;\n"
        "  [[nodiscard]] CBRNG_HOST_DEVICE static constexpr int min() noexcept { return 0; }\n"
        "  static e make(const key& k);\n  static const int limit;\n"
        "  friend bool operator==(const e& a, const e& b) noexcept { return a.x_ == b.x_; }\n"
        " private:\n  int x_ = 0;\n  mutable int cache_ = 0;\n};\n",
    "asserted lock-free atomic":
        "static_assert(std::atomic<std::uint64_t>::is_always_lock_free);\n"
        "inline void f(std::atomic<std::uint64_t>& a) { a.fetch_add(1); }\n",
    "words in comments and strings":
        "// a std::mutex here would be wrong; static int n;\n"
        "inline const char* why() { return \"no std::mutex, no call_once\"; }\n",
    "lambda with static-looking text":
        "inline int f() { auto g = [](int x) { return x + 1; }; return g(1); }\n",
    "static pointer to const, const itself":
        "inline const char* f() { static const char* const p = \"x\"; return p; }\n",
    "if constexpr and for loops":
        "template <int N> constexpr int f() {\n  int s = 0;\n"
        "  for (int i = 0; i < N; ++i) { if constexpr (N > 2) { s += i; } else { s -= i; } }\n"
        "  return s;\n}\n",
    "enum and class declarations":
        "enum class isa : int { scalar = 0, avx2 = 1 };\nstruct fwd;\ntemplate <class T> struct t;\n"
        "template <> struct t<int> { using type = int; };\n",
    "static function at namespace scope":
        "static inline int helper(int x) { return x; }\ninline void g();\n",
    "typedef": "__extension__ typedef unsigned __int128 uint128_t;\n",
    "digit separators": "inline constexpr unsigned long long big = 1'000'000;\n",
    "constructor with braced member initializers":
        "struct s {\n  explicit s(int a) : a_{a}, b_{a + 1} { int local = a; (void)local; }\n"
        "  static constexpr s make() { return s{1}; }\n  int a_, b_;\n};\n",
    "character literals with braces":
        "inline bool brace(char c) { return c == '{' || c == '}' || c == '\\''; }\n",
}


def self_test():
    failures = 0
    for name, text in BAD.items():
        found = audit_text(text, "<bad: %s>" % name)
        if not found:
            print("SELF-TEST FAIL: not flagged: %s\n%s" % (name, text))
            failures += 1
    for name, text in GOOD.items():
        found = audit_text(text, "<good: %s>" % name)
        if found:
            print("SELF-TEST FAIL: wrongly flagged: %s\n%s\n  %s" % (name, text,
                                                                    "\n  ".join(found)))
            failures += 1
    print("self-test: %d bad snippets flagged, %d good snippets accepted, %d failures"
          % (len(BAD), len(GOOD), failures))
    return 1 if failures else 0


def main(argv):
    if len(argv) == 2 and argv[1] == "--self-test":
        return self_test()
    if len(argv) != 2:
        print(__doc__)
        return 2
    headers, findings = audit_tree(argv[1])
    if not headers:
        print("no headers found under %s" % argv[1])
        return 1
    for f in findings:
        print(f)
    print("audited %d headers: %d findings" % (len(headers), len(findings)))
    return 1 if findings else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

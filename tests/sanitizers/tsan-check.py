#!/usr/bin/env python3
"""Runs one test under ThreadSanitizer and judges every report (the TSan pass of scripts/test.sh).

Debian's Qt is not built with -fsanitize=thread, so the happens-before that Qt's own
synchronisation provides (QMutex and QSemaphore on futexes, the posted-event queue, QThread's
start/finish) is invisible to TSan, and correctly ordered hand-offs get reported. TSan's own
suppressions cannot tell those apart from races in our code: a `race:` entry matches any frame of
either stack, and Qt's event loop is in every stack. So TSan reports everything here and this
script looks at the *racing frame* of each access (the innermost frame outside the sanitizer
runtime): a report is tolerated only when both racing frames match a rule of
tests/sanitizers/tsan-qt.rules (code inside Qt/GLib, or Qt's signal/slot and metatype machinery),
or when one access is Qt's machinery creating or destroying memory only it hands over (a queued
argument, a slot object); any other racing access in our own code fails the test and the report
is printed whole.

Usage: tsan-check.py RULES -- TEST_BINARY [ARGS...]
"""
import fnmatch
import os
import re
import shutil
import subprocess
import sys
import tempfile

FRAME = re.compile(r"^\s+#\d+ (?P<func>.*?) (?P<file>\S+) \((?P<module>[^+()]+)\+0x[0-9a-f]+\)$")
ACCESS = re.compile(r"^  (Previous )?(atomic )?(read|write) of size", re.IGNORECASE)


def load_rules(path):
    rules = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.split("#", 1)[0].strip()
            if not line:
                continue
            kind, _, pattern = line.partition(" ")
            pattern = pattern.strip()
            if kind not in ("module", "file", "function", "atomic-in", "owned-by",
                            "closure-in") or not pattern:
                sys.exit(f"{path}:{n}: expected "
                         "'module|file|function|atomic-in|owned-by|closure-in PATTERN'")
            rules.append((kind, pattern))
    return rules


def racing_frame(frames):
    # Interceptor frames (operator delete, memcpy, write, pthread_*) belong to the runtime; the
    # frame that called them is the code that touched the memory.
    for fr in frames:
        if "libtsan" in fr["module"] or "/libsanitizer/" in fr["file"]:
            continue
        # std::atomic's inline helpers act for whoever called them (Qt's QAtomic* or our code).
        if re.match(r"/usr/include/c\+\+/\d+/(atomic|bits/atomic_base\.h)$", fr["file"]):
            continue
        return fr
    return None


def owned(rules, access):
    fr, atomic, write, frames = access
    if fr is None or not write or atomic:
        return None
    # A lambda's closure being built inside a slot object: the write goes into memory that only
    # the slot object holds (its captures, copied from the caller's variables), however deep
    # the capture's copy constructor is. GCC names the closure's constructor frame "<lambda>";
    # its caller is the slot object's constructor.
    for inner, outer in zip(frames, frames[1:]):
        if inner["func"] != "<lambda>":
            continue
        for kind, pattern in rules:
            if kind == "closure-in" and fnmatch.fnmatchcase(outer["file"], pattern):
                return f"closure-in {os.path.basename(pattern)}"
    for kind, pattern in rules:
        field = fr["file"] if pattern.startswith("/") else fr["func"]
        if kind == "owned-by" and fnmatch.fnmatchcase(field, pattern):
            return f"owned-by {os.path.basename(pattern) if '/' in pattern else pattern}"
    return None


def matches(rules, access):
    fr, atomic, _, _ = access
    if fr is None:
        return None
    module = os.path.basename(fr["module"])
    for kind, pattern in rules:
        if kind == "module" and fnmatch.fnmatchcase(module, pattern):
            return f"module {pattern}"
        if kind == "file" and fnmatch.fnmatchcase(fr["file"], pattern):
            return f"file {os.path.basename(pattern)}"
        if kind == "function" and fnmatch.fnmatchcase(fr["func"], pattern):
            return f"function {pattern}"
        if kind == "atomic-in" and atomic and fnmatch.fnmatchcase(fr["file"], pattern):
            return f"atomic-in {pattern}"
    return None


def parse_reports(text):
    lines = text.splitlines()
    i = 0
    while i < len(lines):
        if "WARNING: ThreadSanitizer:" not in lines[i]:
            i += 1
            continue
        start = i
        while i < len(lines) and not lines[i].startswith("SUMMARY: ThreadSanitizer"):
            i += 1
        block = lines[start : i + 1]
        accesses = []
        j = 0
        while j < len(block):
            if ACCESS.match(block[j]):
                atomic = "atomic" in block[j].lower()
                write = " write of size" in block[j].lower()
                frames = []
                j += 1
                while j < len(block) and block[j].startswith("    "):
                    m = FRAME.match(block[j])
                    if m:
                        fr = m.groupdict()
                        fr["file"] = re.sub(r"(:\d+)+$", "", fr["file"])  # drop :line[:column]
                        frames.append(fr)
                    j += 1
                accesses.append((racing_frame(frames), atomic, write, frames))
            else:
                j += 1
        yield block, accesses
        i += 1


def main():
    if len(sys.argv) < 4 or sys.argv[2] != "--":
        sys.exit(__doc__)
    rules = load_rules(sys.argv[1])
    command = sys.argv[3:]
    name = os.path.basename(command[0])
    logdir = tempfile.mkdtemp(prefix="tsan-")
    try:
        env = dict(os.environ)
        # Report everything, never stop early, and let the test's own result through.
        env["TSAN_OPTIONS"] = ":".join(
            filter(None, [env.get("TSAN_OPTIONS", ""), "halt_on_error=0", "exitcode=0",
                          f"log_path={logdir}/tsan"]))
        status = subprocess.call(command, env=env)
        text = ""
        for log in sorted(os.listdir(logdir)):
            with open(os.path.join(logdir, log), encoding="utf-8", errors="replace") as f:
                text += f.read()
    finally:
        shutil.rmtree(logdir, ignore_errors=True)

    tolerated = {}
    signatures = {}
    ours = []
    total = 0
    for block, accesses in parse_reports(text):
        total += 1
        why = [matches(rules, a) for a in accesses]
        fresh = [c for c in (owned(rules, a) for a in accesses) if c]
        if len(accesses) == 2 and (all(why) or fresh):
            key = fresh[0] if fresh else " + ".join(sorted(why))
            tolerated[key] = tolerated.get(key, 0) + 1
        else:
            ours.append(block)
            frames = [f"{a[0]['func'][:90]} ({os.path.basename(a[0]['file'])})" if a[0] else "?"
                      for a in accesses]
            signatures[" <-> ".join(frames)] = signatures.get(" <-> ".join(frames), 0) + 1
    for block in ours:
        print("\n".join(block))
    print(f"tsan-check: {name}: {total} report(s); {total - len(ours)} with both racing accesses "
          f"in Qt/GLib (tsan-qt.rules), {len(ours)} in our code")
    for key, count in sorted(tolerated.items(), key=lambda kv: -kv[1]):
        print(f"tsan-check:   {count:3d} x {key}")
    for sig, count in sorted(signatures.items(), key=lambda kv: -kv[1]):
        print(f"tsan-check:   {count:3d} x OURS: {sig}")
    if status != 0:
        print(f"tsan-check: {name} exited with {status}")
        return 1
    return 1 if ours else 0


if __name__ == "__main__":
    sys.exit(main())

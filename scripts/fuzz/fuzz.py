#!/usr/bin/env python3
"""Deterministic fuzz harness for okrug (standard library only, Python 3.11).

Each iteration copies a base corpus (Content/ + Templates/, and a user's own files: docs/notes.txt,
README.md, .git/HEAD) into a scratch folder <tmp>/site, applies 1-3 random named mutations, then runs

    okrug check --content Content --templates Templates
    okrug build --content Content --templates Templates --output Public --no-search
    okrug import-doc incoming/<x>.docx --content Content --school .. --direction .. --kind seminar
                                                                     (bombs group only)

in that folder (relative paths, so messages read `Content/materials/x.md:3:1: error: ...`),
each with a timeout (the cli group may change --output, or build once before the runs), and
classifies the run:

  crash              killed by a signal, or an exit status other than 0 and 1
  hang               the timeout ran out (the process group is killed)
  data-loss          a file okrug did not write (everything in the scratch folder before the
                     runs but okrug's earlier output, .okrug-cache/ and its .X.lock / .X.new-*
                     leftovers) is missing or changed after a run
  lost-text          build exit 0, but a marker word (FUZZMARKB<k>Z in a body, FUZZMARKT<k>Z in a
                     title) of a published, non-draft .md file in Content/materials or
                     Content/pages is missing from every output .html file, and no line
                     of okrug's output names that file (also: one of two NFC/NFD name twins lost)
  outside-leak       the marker of a file outside Content/ (reached through a symlink) is in
                     the output
  secret-leak        build exit 0 and an output file (or a published symlink) holds SECRETMARK<k>Z
                     (a file outside the scratch folder, reached through a symlink) or
                     SECRETENV<k>Z (OKRUG_FUZZ_SECRET, read from /proc/self/environ)
  unsafe-link        build exit 0 and an href/src in an output .html starts (HTML-unescaped, as a
                     browser reads it) with javascript:, data: or vbscript: — unless the unmutated
                     corpus's output has the same value, or site.yaml says unsafe_html: true
  broken-attachment  build exit 0 and a link to an attachment (an <a> holding the attachment's
                     title) names no file of the output: percent-decoded, without #/?, resolved
                     against the page's folder (or it has a scheme)
  csv-formula        build exit 0 and a cell of results.csv starts with = + - @ tab or CR and
                     is not a plain number (OWASP CSV injection)
  unbounded          a file over 10 MB (or 100 MB in all) newly written into Content/
  rebuild-refused    the second build into okrug's own Public/ said 1 where the first said 0
  unsafe-output      build exit 0 with a hostile --output (the project root, a source folder,
                     a folder or file of the user's); expected: exit 1 naming the folder
  special-file       a FIFO / device (or a symlink to /dev/*) where okrug reads a file, and build
                     exit 0, or exit 1 without naming it
  unexplained-error  exit 1, but no line `Content/...:line:col: error|warning: <Russian>` (or
                     `Content/...: <Russian>`, or a Russian line naming the --output folder or
                     the imported document) naming a file
  english-text       output contains Foundation/English error text (NSCocoaErrorDomain,
                     Error Domain=, The operation, couldn't, No such file, Public:1:1) or four
                     English words in a row outside «quoted input», paths and identifiers
  check-build-mismatch  `check` said 0 but `build` said 1 (check misses something build finds;
                     not counted when --output or the output's contents are the cause)
  ok                 none of the above

Usage:

  python3 scripts/fuzz/fuzz.py --iterations N --seed S [--okrug PATH] [--timeout 10]
                               [--keep DIR] [--corpus small|full] [--jobs 2] [--strict]
                               [--time-limit SECONDS] [--workdir DIR] [--memory-mb 4096]
                               [--report FILE.json] [--no-minimize] [--okrug-threads N] [--quiet]
                               [--mutations NAMES|GROUPS] [--pandoc PATH | --no-pandoc]
  python3 scripts/fuzz/fuzz.py --replay S:ITER [--only I[,J]] [--keep DIR] [--run] [--okrug PATH]
  python3 scripts/fuzz/fuzz.py --list-mutations

  e.g.  python3 scripts/fuzz/fuzz.py --iterations 10000 --seed 2 --okrug .build/release/okrug \
            --time-limit 900 --keep /tmp/fuzz-work/keep
        python3 scripts/fuzz/fuzz.py --replay 2:417 --only 1 --run

Determinism: `random.Random(S)` draws one 64-bit seed per iteration; iteration ITER (0-based)
uses `random.Random(<that seed>)` for its mutations, so the same S always gives the same inputs,
whatever --jobs is, and `--replay S:ITER` rebuilds one case alone. Directory listings are sorted.
Nothing depends on the clock (SOURCE_DATE_EPOCH is fixed for okrug).

--okrug defaults to .build/release/okrug if it exists, else .build/debug/okrug (relative to
the project root, this script's ../..). `--corpus small` (default) is a reduced copy of the
sample site (4 data files, 5 materials of which one is a folder with attachments, both
pages, all templates); `full` is the whole sample. Each child runs with an address-space
limit (--memory-mb) so a YAML bomb cannot take the machine, with SOURCE_DATE_EPOCH fixed and
SWIFT_BACKTRACE=enable=no (crash examples are re-run under gdb instead, see below).

Mutations (80, --list-mutations) are named functions in twelve groups: front-matter, encoding,
body, data (site/schools/directions/plan), templates, names (file names, symlinks, stray files,
NFC/NFD twins, URL-hostile attachment names), cli (hostile build --output values: `.`,
`Templates`, `Content/..`, `docs/`, a symlink to the root, a folder or file of the user's; a
rebuild over okrug's own output; a user's file added to the output), secrets (symlinks out of
the scratch folder to <tmp>/secret/* and /proc/self/environ), special (FIFOs, character devices
when root, symlinks to /dev/zero, /dev/urandom, /dev/null), csv (formula-like names and titles),
huge (sparse 5 GB / 400 MB files made with os.truncate: no space is used) and bombs (.docx for
import-doc: a deflate bomb of 256 MB of text, 10 000 pictures, a picture declared
50 000 × 50 000; skipped, and said so, when pandoc is missing: OKRUG_PANDOC, --pandoc, .venv of
the project or of its main git worktree, PATH). An iteration draws 1-3 of them (YAML alias bombs,
huge files and .docx bombs at a tenth of the weight, rebuilds at a fifth: every hit costs a full
timeout or a second build); each mutation draws from its own generator, so `--only` can replay
one of them alone. `--mutations NAMES` draws only from the named mutations or groups (another
sequence than the default). When `check` times out, `build` is not run (same input, same hang)
unless --always-build. --time-limit stops between batches of 100, so a timed run is still a
prefix of the same sequence.

After the run the harness prints a summary (counts per class and per mutation, wall time,
iterations/s, ms per iteration per worker), every non-ok case (seed:iteration, mutations,
commands with exit status, first output lines), and the distinct failures grouped by class,
command, causing mutation and normalised message. Multi-mutation failing cases are re-run one
mutation at a time to name the mutation that causes each finding (at most --minimize-limit
cases; --no-minimize skips this), and the smallest example of each crash group is re-run
under gdb (when installed) for the signal and the first source frames. With --keep DIR the
inputs of every failing case are written afresh to DIR/s<S>-i<ITER>/ (site/, secret/, and
after-prebuild/ for the cli group; FIFOs, devices and sparse files as made) with `commands.sh`
and `info.txt`.

Scratch folders are made under --workdir (default $TMPDIR/fuzz-work) and removed after each
iteration; a tmpfs there makes okrug's output writing several times faster. Every run gets
OKRUG_FUZZ_SECRET (and OKRUG_PANDOC when known) in its environment.

Exit status: 1 if any crash, hang, data-loss, lost-text, outside-leak, secret-leak, unsafe-link,
broken-attachment, csv-formula, unbounded or rebuild-refused was found (with --strict also
unsafe-output, special-file, english-text, unexplained-error and check-build-mismatch); 2 if the
harness cannot run (binary missing, or the unmutated corpus is not clean); 0 otherwise.
"""

from __future__ import annotations

import argparse
import csv
import collections
import dataclasses
import functools
import glob
import hashlib
import html as htmllib
import io
import itertools
import json
import multiprocessing
import os
import posixpath
import random
import re
import resource
import shutil
import signal
import stat
import struct
import subprocess
import sys
import tempfile
import time
import unicodedata
import urllib.parse
import zipfile
import zlib
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parents[2]
SOURCE_DATE_EPOCH = "1700000000"  # 2023-11-14: the sample plan's year

SMALL_CONTENT = [
    "Content/site.yaml",
    "Content/schools.yaml",
    "Content/directions.yaml",
    "Content/plans/2023.yaml",
    "Content/materials/cherez-innovatsii-k-kachestvu-obrazovaniia/",  # folder + attachments
    "Content/materials/posle-seminara-priemy-smyslovogo-chteniia.md",
    "Content/materials/trebovaniia-k-oformleniiu-materialov.md",
    "Content/materials/distantsionnoe-vzaimodeistvie.md",
    "Content/materials/мониторинг-программы-воспитания.md",
    "Content/pages/",
]

FAILING = {"crash", "hang", "lost-text", "outside-leak", "data-loss", "secret-leak", "unsafe-link",
           "broken-attachment", "csv-formula", "unbounded", "rebuild-refused", "harness-error"}
STRICT_FAILING = FAILING | {"english-text", "unexplained-error", "check-build-mismatch", "unsafe-output",
                            "special-file", "harness-error"}
CLASS_ORDER = [
    "crash", "hang", "data-loss", "lost-text", "outside-leak", "secret-leak", "unsafe-link", "broken-attachment",
    "csv-formula", "unbounded", "rebuild-refused", "unsafe-output", "special-file", "unexplained-error",
    "english-text", "check-build-mismatch", "harness-error", "ok",
]

# The scratch folder of an iteration is <tmp>/site; files "outside" it (secrets reached through
# symlinks) are in <tmp>/secret, so a relative symlink can point out of the scratch folder.
SITE = "site"
# Files every scratch folder holds that okrug must never delete or change.
USER_FILES = {
    "docs/notes.txt": "Заметки методиста: не удалять.\n".encode(),
    "README.md": "# Сайт округа\n\nЛичный файл, не часть сайта.\n".encode(),
    ".git/HEAD": b"ref: refs/heads/main\n",
}
SECRET_RE = re.compile(rb"SECRET(?:MARK|ENV)\d{4}Z")
ENV_SECRET = "SECRETENV0000Z"  # OKRUG_FUZZ_SECRET of every run; mutations may set their own
# okrug's own leftovers beside the output folder (lock, half-written generation) and its cache.
LEFTOVER_RE = re.compile(r"^\..+\.(?:lock|new-.*|old-.*)$")
BIG_FILE = 10 * 1024 * 1024  # unbounded: one file written into Content/ above this
BIG_TOTAL = 100 * 1024 * 1024  # ... or all written files together
UNSAFE_SCHEME_RE = re.compile(r"^(?:javascript|data|vbscript):", re.I)
# one pattern per attribute: a literal start makes the search several times faster
ATTR_BYTES_RES = [re.compile(rb"%s\s*=\s*(?:\"([^\"]*)\"|'([^']*)'|([^\s\"'>]+))" % name) for name in (b"href", b"src")]
ANCHOR_RE = re.compile(r"<a\b([^>]*)>(.*?)</a\s*>", re.I | re.S)
SCHEME_RE = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")
PLAIN_NUMBER_RE = re.compile(r"^[+-]?\d+(?:[.,]\d+)?$")

MARK_RE = re.compile(rb"FUZZMARK[BTO]\d{4}(?:C\d+)?Z")
ENGLISH_RE = re.compile(
    r"NSCocoaErrorDomain|Error Domain=|The operation|couldn[’']t|No such file|Public:1:1")
# English prose in a message: four or more English words in a row, outside «quoted input»,
# paths, URLs and identifiers (libyaml's "Maximum nesting level reached, set with ...").
ENGLISH_WORDS_RE = re.compile(r"[A-Za-z][a-z]+(?: +[A-Za-z][a-z]+){3,}")
CYR = "А-Яа-яЁё"
DIAG_RE = re.compile(
    rf"^(?:Content|Templates|Public)(?:/[^\n]*)?:\d+:\d+: (?:error|warning): [^\n]*[{CYR}]", re.M)
LOOSE_DIAG_RE = re.compile(rf"^(?:Content|Templates|Public)(?:/[^\n]*?)?: [^\n]*[{CYR}]", re.M)

# ----------------------------------------------------------------------------- corpus


def load_corpus(kind: str) -> dict[str, bytes]:
    """Relative path → bytes, with marker words added to every document's title and body."""
    files: dict[str, bytes] = {}
    for base in ("Content", "Templates"):
        for dirpath, dirnames, filenames in os.walk(ROOT / base):
            dirnames.sort()
            for name in sorted(filenames):
                full = Path(dirpath) / name
                rel = full.relative_to(ROOT).as_posix()
                if base == "Content" and kind == "small":
                    if not any(rel == s or (s.endswith("/") and rel.startswith(s)) for s in SMALL_CONTENT):
                        continue
                files[rel] = full.read_bytes()
    docs = [p for p in sorted(files) if is_document(p)]
    for k, path in enumerate(docs):
        files[path] = add_markers(files[path].decode("utf-8"), k).encode("utf-8")
    files.update(USER_FILES)
    return files


def add_markers(text: str, k: int) -> str:
    lines = text.split("\n")
    bounds = fm_bounds(lines)
    if bounds:
        for i in range(bounds[0], bounds[1]):
            if lines[i].startswith("title:"):
                value = lines[i][len("title:"):].strip()
                mark = f"FUZZMARKT{k:04d}Z"
                if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
                    lines[i] = f"title: {value[:-1]} {mark}{value[-1]}"
                else:
                    lines[i] = f"title: {value} {mark}"
                break
    return "\n".join(lines).rstrip("\n") + f"\n\nFUZZMARKB{k:04d}Z\n"


def is_document(path: str) -> bool:
    """A .md file a methodist would expect to be published (broader than okrug's own rule)."""
    if not (path.startswith("Content/materials/") or path.startswith("Content/pages/")):
        return False
    parts = path.split("/")
    if any(p.startswith(".") or p.endswith("~") for p in parts):
        return False  # hidden and editor backup files are skipped by design
    return path.lower().endswith(".md")


def fm_bounds(lines: list[str]) -> tuple[int, int] | None:
    """(first YAML line, index of the closing ---) of a front matter, or None."""
    if not lines or lines[0].lstrip("\ufeff").rstrip("\r") != "---":
        return None
    for i in range(1, len(lines)):
        if lines[i].rstrip("\r") == "---":
            return (1, i)
    return None


# ----------------------------------------------------------------------------- case


class Case:
    def __init__(self, files: dict[str, bytes]):
        self.files = dict(files)
        self.symlinks: dict[str, str] = {}
        self.dirs: set[str] = set()
        self.applied: list[tuple[str, str]] = []
        self.fifos: set[str] = set()
        self.devices: dict[str, tuple[int, int]] = {}  # character devices (root only)
        self.sparse: dict[str, tuple[int, bytes]] = {}  # path → (size, first bytes): os.truncate
        self.outside: dict[str, bytes] = {}  # beside the scratch folder: "secret/x" is <tmp>/secret/x
        self.output = "Public"  # build --output
        self.hostile_output = False  # the output must be refused (a source folder, user files, ...)
        self.prebuild = False  # build once to Public/ before the runs
        self.rebuild_must_succeed = False
        self.after_prebuild: dict[str, bytes] = {}  # written after the first build (a user's CNAME)
        self.import_doc: list[str] | None = None  # import-doc arguments after the command name
        self.env: dict[str, str] = {}
        self.special: list[str] = []  # special files okrug reads: the build must refuse, naming them
        self.attachment_tokens: set[str] = set()  # titles of attachments whose links must work

    # helpers used by mutations
    def text(self, path: str) -> str:
        return self.files[path].decode("utf-8", "surrogateescape")

    def set_text(self, path: str, text: str) -> None:
        self.files[path] = text.encode("utf-8", "surrogateescape")

    def paths(self, prefix: str = "", suffix: str = "") -> list[str]:
        return sorted(p for p in self.files if p.startswith(prefix) and p.endswith(suffix))

    def documents(self, materials_only: bool = False) -> list[str]:
        docs = [p for p in sorted(self.files) if is_document(p)]
        if materials_only:
            docs = [p for p in docs if p.startswith("Content/materials/")] or docs
        return docs

    def data_files(self) -> list[str]:
        names = ["Content/site.yaml", "Content/schools.yaml", "Content/directions.yaml"]
        return [p for p in names if p in self.files] + self.paths("Content/plans/")

    def templates(self) -> list[str]:
        return self.paths("Templates/", ".mustache")

    def rename(self, old: str, new: str) -> None:
        """Moves a document; a folder material's whole folder moves with its index.md."""
        if old.endswith("/index.md"):
            old_dir, new_dir = old[: -len("index.md")], new[: -len("index.md")]
            for p in self.paths(old_dir):
                self.files[new_dir + p[len(old_dir):]] = self.files.pop(p)
        else:
            self.files[new] = self.files.pop(old)


def pick_doc(rng: random.Random, case: Case) -> str | None:
    docs = case.documents(materials_only=rng.random() < 0.8)
    return rng.choice(docs) if docs else None


def body_range(text: str) -> tuple[int, int]:
    """Character offsets of the body, without the trailing marker paragraph."""
    start = 0
    lines = text.split("\n")
    b = fm_bounds(lines)
    if b:
        start = sum(len(line) + 1 for line in lines[: b[1] + 1])
    m = re.search(r"\n+FUZZMARKB\d{4}(?:C\d+)?Z\s*$", text)
    end = m.start() if m else len(text)
    return (min(start, end), end)


def line_start_in_body(rng: random.Random, text: str) -> int:
    start, end = body_range(text)
    starts = [start] + [i + 1 for i in range(start, end) if text[i] == "\n"]
    starts = [s for s in starts if s <= end]
    return rng.choice(starts) if starts else end


def insert_block(rng: random.Random, case: Case, path: str, block: str) -> None:
    text = case.text(path)
    pos = line_start_in_body(rng, text)
    case.set_text(path, text[:pos] + "\n" + block + "\n\n" + text[pos:])


def fm_lines(case: Case, path: str) -> tuple[list[str], tuple[int, int] | None]:
    lines = case.text(path).split("\n")
    return lines, fm_bounds(lines)


def field_span(lines: list[str], bounds: tuple[int, int], key: str) -> tuple[int, int] | None:
    """Lines [i, j) of a top-level key and its indented / list continuation lines."""
    for i in range(bounds[0], bounds[1]):
        if re.match(rf"{re.escape(key)}\s*:", lines[i]):
            j = i + 1
            while j < bounds[1] and (lines[j][:1] in (" ", "\t", "-") or lines[j].strip() == ""):
                j += 1
            return (i, j)
    return None


def set_field(case: Case, path: str, key: str, new_lines: list[str]) -> bool:
    lines, b = fm_lines(case, path)
    if not b:
        return False
    span = field_span(lines, b, key)
    if span:
        lines[span[0]:span[1]] = new_lines
    else:
        lines[b[1]:b[1]] = new_lines
    case.set_text(path, "\n".join(lines))
    return True


def title_of(case: Case, path: str) -> str | None:
    """A document's title, without quotes."""
    lines, b = fm_lines(case, path)
    if not b:
        return None
    span = field_span(lines, b, "title")
    if not span:
        return None
    value = lines[span[0]].split(":", 1)[1].strip()
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        value = value[1:-1]
    return value


def yaml_dq(text: str) -> str:
    """A YAML double-quoted scalar for `text` (escapes for controls and quotes)."""
    out = []
    for ch in text:
        o = ord(ch)
        if ch == '"':
            out.append('\\"')
        elif ch == "\\":
            out.append("\\\\")
        elif o < 0x20 or 0x7F <= o <= 0x9F or o in (0x2028, 0x2029, 0xFEFF):
            out.append(f"\\u{o:04X}")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def rand_text(rng: random.Random, n: int) -> str:
    words = ["методический", "семинар", "школа", "урок", "FGOS", "план", "итоги", "педагог", "ёлка"]
    return " ".join(rng.choice(words) for _ in range(max(1, n)))


# ----------------------------------------------------------------------------- mutations

Mutation = Callable[[random.Random, Case], "str | None"]
MUTATIONS: list[tuple[str, str, Mutation]] = []
WEIGHTS: list[float] = []


def mutation(group: str, weight: float = 1.0):
    """Registers a mutation. `weight` < 1 for mutations whose every hit costs a full timeout
    (YAML alias bombs): one finding, repeated, would eat the time budget."""
    def register(fn: Mutation) -> Mutation:
        MUTATIONS.append((fn.__name__, group, fn))
        WEIGHTS.append(weight)
        return fn
    return register


CONTROL = (
    [chr(c) for c in range(0x00, 0x20) if c not in (0x0A,)]
    + ["\x7f"] + [chr(c) for c in range(0x80, 0xA0)]
    + ["\u2028", "\u2029", "\u0085", "\ufeff", "\u200b", "\u202e", "\ufffe", "\uffff"]
)


# --- front matter ---------------------------------------------------------------------

@mutation("front-matter", weight=0.1)
def fm_billion_laughs(rng, case):
    path = pick_doc(rng, case)
    if not path:
        return None
    levels = rng.choice([6, 8, 9])
    snippet = ['lol0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, levels + 1):
        snippet.append(f"lol{i}: &a{i} [" + ",".join([f"*a{i-1}"] * 9) + "]")
    target = rng.choice(["tags", "lolz", "authors"])
    if target == "lolz":
        snippet.append(f"lolz: *a{levels}")
    lines, b = fm_lines(case, path)
    if not b:
        return None
    if target != "lolz":
        span = field_span(lines, b, target)
        if span:
            del lines[span[0]:span[1]]
            b = fm_bounds(lines)
        snippet.append(f"{target}: *a{levels}")
    lines[b[1]:b[1]] = snippet
    case.set_text(path, "\n".join(lines))
    return f"{path}: 9^{levels} alias expansion into {target}"


@mutation("front-matter")
def fm_deep_flow_nesting(rng, case):
    path = pick_doc(rng, case)
    depth = rng.choice([100, 1000, 10000, 100000])
    key = rng.choice(["tags", "authors", "title", "grades", "attachments", "extra"])
    kind = rng.choice(["[", "{"])
    if kind == "[":
        value = "[" * depth + "x" + "]" * depth
    else:
        value = "{a: " * depth + "x" + "}" * depth
    if not path or not set_field(case, path, key, [f"{key}: {value}"]):
        return None
    return f"{path}: {key}: {kind}x{depth}"


@mutation("front-matter")
def fm_deep_block_map(rng, case):
    path = pick_doc(rng, case)
    depth = rng.choice([100, 1000, 3000])
    style = rng.choice(["map", "seq"])
    if style == "map":
        new = ["extra:"] + [" " * (i + 1) + f"k{i}:" for i in range(depth)] + [" " * (depth + 1) + "x"]
    else:
        new = ["tags:"] + [" " * i + "-" for i in range(depth)] + [" " * depth + "- x"]
    if not path or not set_field(case, path, new[0].rstrip(":"), new):
        return None
    return f"{path}: deep block {style} depth {depth}"


@mutation("front-matter")
def fm_control_chars(rng, case):
    path = pick_doc(rng, case)
    if not path:
        return None
    ctrl = "".join(rng.choice(CONTROL) for _ in range(rng.randint(1, 3)))
    field = rng.choice(["title"] * 5 + ["authors", "summary", "tags", "school", "kind", "date"])
    form = rng.choice(["raw", "raw-quoted", "escaped"])
    lines, b = fm_lines(case, path)
    if not b:
        return None
    span = field_span(lines, b, field)
    if field == "title" and span:
        value = lines[span[0]].split(":", 1)[1].strip()
        quote = value[0] if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'" else ""
        inner = value[1:-1] if quote else value
        m = re.search(r" FUZZMARK", inner)
        cut = m.start() if m else len(inner)
        pos = rng.randint(0, cut)
        new = inner[:pos] + ctrl + inner[pos:]
    else:
        new = rand_text(rng, 2) + ctrl + rand_text(rng, 1)
        if field == "authors":
            new = "Иванов И.И." + ctrl
        elif field in ("school", "kind"):
            new = {"school": "sosh13", "kind": "seminar"}[field] + ctrl
        elif field == "date":
            new = "2023-02-14" + ctrl
        elif field == "tags":
            new = "метка" + ctrl
    if form == "escaped":
        rendered = yaml_dq(new)
    elif form == "raw-quoted":
        rendered = '"' + new.replace('"', "") + '"'
    else:
        rendered = new
    if field in ("authors", "tags"):
        rendered = f"[{rendered}]"
    new_line = f"{field}: {rendered}"
    if span:
        lines[span[0]:span[1]] = [new_line]
    else:
        lines[b[1]:b[1]] = [new_line]
    case.set_text(path, "\n".join(lines))
    return f"{path}: {field} with {form} {' '.join(f'U+{ord(c):04X}' for c in ctrl)}"


@mutation("front-matter")
def fm_unclosed_quote(rng, case):
    path = pick_doc(rng, case)
    if not path:
        return None
    variant = rng.choice([
        ("title", 'title: "Незакрытая кавычка'), ("title", "title: 'Незакрытая кавычка"),
        ("tags", 'tags: [метка, "незакрыто]'), ("authors", "authors: [Ткаченко Е.Е., Вареник И.А."),
        ("attachments", "attachments:\n  - {file: programma-seminara.pdf, title: Программа"),
        ("summary", 'summary: "строка\n  продолжается без кавычки'), ("title", 'title: "a\\"'),
        ("title", "title: ''''"), ("title", 'title: "«Ёлка» "внутри" кавычек"'),
    ])
    if not set_field(case, path, variant[0], variant[1].split("\n")):
        return None
    return f"{path}: {variant[1]!r}"


@mutation("front-matter")
def fm_tab_indent(rng, case):
    path = pick_doc(rng, case)
    if not path:
        return None
    lines, b = fm_lines(case, path)
    if not b:
        return None
    variant = rng.choice(["indent-existing", "tab-before-key", "tab-after-colon", "block-list-tab"])
    if variant == "indent-existing":
        idx = [i for i in range(b[0], b[1]) if lines[i].startswith(" ")]
        if not idx:
            variant = "tab-before-key"
        else:
            i = rng.choice(idx)
            lines[i] = "\t" + lines[i].lstrip(" ")
    if variant == "tab-before-key":
        i = rng.randrange(b[0], b[1])
        lines[i] = "\t" + lines[i]
    elif variant == "tab-after-colon":
        i = rng.randrange(b[0], b[1])
        lines[i] = lines[i].replace(": ", ":\t", 1)
    elif variant == "block-list-tab":
        span = field_span(lines, b, "tags")
        new = ["tags:", "\t- первая", "\t- вторая"]
        if span:
            lines[span[0]:span[1]] = new
        else:
            lines[b[1]:b[1]] = new
    case.set_text(path, "\n".join(lines))
    return f"{path}: {variant}"


@mutation("front-matter")
def fm_duplicate_key(rng, case):
    path = pick_doc(rng, case)
    if not path:
        return None
    lines, b = fm_lines(case, path)
    if not b:
        return None
    keys = [i for i in range(b[0], b[1]) if re.match(r"[a-z_]+:", lines[i])]
    if not keys:
        return None
    i = rng.choice(keys)
    key = lines[i].split(":", 1)[0]
    replacements = {"title": "Другое название", "date": "2022-01-01", "school": "prigorodnaya",
                    "kind": "webinar", "direction": "bank", "authors": "[Другой А.А.]", "draft": "false"}
    dup = f"{key}: {replacements.get(key, 'повтор')}" if rng.random() < 0.7 else lines[i]
    where = rng.choice(["after", "end"])
    lines.insert(i + 1 if where == "after" else b[1], dup)
    case.set_text(path, "\n".join(lines))
    return f"{path}: duplicate {dup!r} ({where})"


@mutation("front-matter")
def fm_unknown_key(rng, case):
    path = pick_doc(rng, case)
    if not path:
        return None
    line = rng.choice([
        "titel: Опечатка", "Title: Заглавная", "ключ: значение", '"": пустой ключ', "? [a, b]\n: сложный ключ",
        "draft : true", "tag: одна", "author: Иванов И.И.", "x" * 5000 + ": длинный ключ", "123: число",
        "null: x", "~: x", "title.ru: x", "<<: {school: sosh13}", "date_published: 2023-01-01",
    ])
    lines, b = fm_lines(case, path)
    if not b:
        return None
    pos = rng.randint(b[0], b[1])
    lines[pos:pos] = line.split("\n")
    case.set_text(path, "\n".join(lines))
    return f"{path}: {line[:60]!r}"


WRONG_TYPES = {
    "title": ["[a, b]", "{a: b}", "123", "true", "null", "~", '""', '"   "', "2023-01-01", "|\n  блок\n  FUZZ", "[]"],
    "date": ["{y: 1}", "[2023, 1, 1]", "2023", "true", "~", "[2023-02-14]", "{2023-02-14: x}"],
    "authors": ["Иванов И.И.", "{a: b}", "[]", "[[a]]", "[~]", '[""]', "[{name: x}]", "42"],
    "grades": ['"5"', "[0, 12, -1, 99999999999999999999, 5.5, пять, ~]", "5", "{a: 1}", "[[5]]", "[1-11]"],
    "tags": ["{a: b}", "[[a, b]]", "метка", "[~, '']", "[{x: y}]"],
    "subjects": ["{a: b}", '""', "[~]", "[[математика]]"],
    "attachments": ["file.pdf", "[file.pdf]", "[{file: [a]}]", "[{}]", "{file: x}", "[{file: ~}]",
                    "[{file: programma-seminara.pdf, title: [a]}]", "[{file: programma-seminara.pdf, size: 1}]"],
    "draft": ['"maybe"', "[true]", "1", "yes", '"true"', "True", "{}"],
    "activity": ["[2023/x]", '"2023"', "/", "2023/", "../2023/x", "123", "2023/../../etc", "9999999999999999999999/x"],
    "school": ["[sosh13]", "{id: sosh13}", "13", "~"],
    "kind": ["[seminar]", "Семинар", "SEMINAR", "~"],
    "summary": ["[a]", "{a: b}", "123"],
    "slug": ["[a]", "{a: b}", "123", "~"],
    "menu": ['"один"', "99999999999999999999", "-5", "1.5", "[1]", "0"],
}


@mutation("front-matter")
def fm_wrong_type(rng, case):
    path = pick_doc(rng, case)
    if not path:
        return None
    key = rng.choice(sorted(WRONG_TYPES))
    value = rng.choice(WRONG_TYPES[key])
    if not set_field(case, path, key, f"{key}: {value}".split("\n")):
        return None
    return f"{path}: {key}: {value!r}"


@mutation("front-matter")
def fm_huge_value(rng, case):
    path = pick_doc(rng, case)
    if not path:
        return None
    key = rng.choice(["title", "summary", "authors", "tags", "subjects", "attachments"])
    size = rng.choice([10_000, 200_000, 1_000_000])
    if key == "title":
        t = title_of(case, path)
        mark = re.search(r"FUZZMARK\w+", t).group(0) if t and "FUZZMARK" in t else ""
        value = "Ж" * size + " " + mark
        new = [f"title: {value}"]
    elif key == "summary":
        new = ["summary: " + rand_text(rng, size // 8)]
    elif key in ("authors", "tags", "subjects"):
        n = size // 50
        new = [f"{key}: [" + ", ".join(f"Автор{i} А.А." if key == "authors" else f"метка{i}" for i in range(n)) + "]"]
    else:
        n = size // 100
        new = ["attachments:"] + [f"  - {{file: programma-seminara.pdf, title: Копия {i}}}" for i in range(n)]
    if not set_field(case, path, key, new):
        return None
    return f"{path}: {key} of ~{size} bytes"


@mutation("front-matter")
def fm_invalid_date(rng, case):
    path = pick_doc(rng, case)
    value = rng.choice([
        "2023-02-30", "2023-02-29", "2024-02-29", "2023-13-01", "2023-00-10", "0000-01-01", "9999-12-31",
        "10000-01-01", "-0001-01-01", "2023-1-5", "2023/02/14", "14.02.2023", '"2023-02-14"', "20230214",
        "2023-02-14T25:61:00", "99999999999999999999-01-01", "2023-02-14extra", '""', "~", "1e10",
        "2023-W07-2", "٢٠٢٣-٠٢-١٤", "２０２３-０２-１４", "2023-02-14 10:00:00 +25:00", "1969-12-31",
        "0001-01-01", "2023-02-14\u2028", "14 февраля 2023",
    ])
    if not path or not set_field(case, path, "date", [f"date: {value}"]):
        return None
    return f"{path}: date: {value!r}"


@mutation("encoding")
def fm_bom(rng, case):
    path = rng.choice(case.documents() + case.data_files() + case.templates())
    variant = rng.choice(["bom", "double-bom", "bom-before-body", "bom-in-key"])
    data = case.files[path]
    if variant == "bom":
        data = b"\xef\xbb\xbf" + data
    elif variant == "double-bom":
        data = b"\xef\xbb\xbf\xef\xbb\xbf" + data
    elif variant == "bom-before-body":
        idx = data.find(b"\n---\n")
        data = data[: idx + 5] + b"\xef\xbb\xbf" + data[idx + 5:] if idx >= 0 else b"\xef\xbb\xbf" + data
    else:
        data = data.replace(b"\ntitle:", b"\n\xef\xbb\xbftitle:", 1).replace(b"\n- id:", b"\n\xef\xbb\xbf- id:", 1)
    case.files[path] = data
    return f"{path}: {variant}"


@mutation("encoding")
def fm_crlf(rng, case):
    path = rng.choice(case.documents() + case.data_files() + case.templates())
    variant = rng.choice(["crlf", "cr", "mixed", "crcrlf"])
    data = case.files[path]
    if variant == "crlf":
        data = data.replace(b"\n", b"\r\n")
    elif variant == "cr":
        data = data.replace(b"\n", b"\r")
    elif variant == "crcrlf":
        data = data.replace(b"\n", b"\r\r\n")
    else:
        parts = data.split(b"\n")
        data = b"".join(p + rng.choice([b"\n", b"\r\n", b"\r"]) for p in parts[:-1]) + parts[-1]
    case.files[path] = data
    return f"{path}: {variant} line ends"


@mutation("encoding")
def fm_encoding_cp1251(rng, case):
    path = rng.choice(case.documents() + case.data_files() + case.templates())
    text = case.files[path].decode("utf-8", "replace")
    case.files[path] = text.encode("cp1251", "replace")
    return f"{path}: Windows-1251"


@mutation("encoding")
def fm_encoding_utf16(rng, case):
    path = rng.choice(case.documents() + case.data_files() + case.templates())
    codec = rng.choice(["utf-16", "utf-16-le", "utf-16-be", "utf-32"])
    text = case.files[path].decode("utf-8", "replace")
    case.files[path] = text.encode(codec)
    return f"{path}: {codec}"


@mutation("front-matter")
def fm_truncate(rng, case):
    path = rng.choice(case.documents())
    data = case.files[path]
    end = data.find(b"\n---", 4)
    if end > 0 and rng.random() < 0.6:
        cut = rng.randint(0, end + 4)
    else:
        cut = rng.randint(0, len(data))
    case.files[path] = data[:cut]
    return f"{path}: truncated at byte {cut} of {len(data)}"


@mutation("front-matter")
def fm_missing_close(rng, case):
    path = pick_doc(rng, case)
    if not path:
        return None
    lines, b = fm_lines(case, path)
    if not b:
        return None
    variant = rng.choice(["remove", "...", "----", "--- ", "---\t", " ---", "— — —", "remove-open"])
    if variant == "remove":
        del lines[b[1]]
    elif variant == "remove-open":
        del lines[0]
    else:
        lines[b[1]] = variant
    case.set_text(path, "\n".join(lines))
    return f"{path}: closing --- → {variant!r}"


@mutation("front-matter")
def fm_yaml_exotic(rng, case):
    path = pick_doc(rng, case)
    if not path:
        return None
    t = title_of(case, path)
    title = t or "Заголовок"
    variants = [
        ("title", ["title: !!binary aGVsbG8="]),
        ("title", ["title: !!python/object:os.system ls"]),
        ("title", [f"title: !custom {title}"]),
        ("title", [f"title: !!str {title}"]),
        ("school", ["<<: {school: sosh13}"]),
        ("title", ["? title", f": {title}"]),
        ("title", [f"title: &t {title}", "summary: *t"]),
        ("tags", ["tags: *undefined"]),
        ("title", ["title: |", f"  {title}", "  вторая строка"]),
        ("title", ["title: >-", f"  {title}", "  продолжение"]),
        ("title", [f'title: "{title}\\uD800"']),
        ("title", [f'title: "{title}\\U0010FFFF"']),
        ("title", [f'title: "{title}\\x00\\0"']),
        ("grades", ["grades: [0x05, 0o7, 1_000, +5, 5.0, 1e1, .inf, .nan]"]),
        ("date", ["date: !!timestamp 2023-02-14"]),
        ("date", ["date: !!str 2023-02-14"]),
        ("date", ["date: 2023-02-14 # комментарий"]),
        ("title", [f"&anchor title: {title}"]),
        ("title", [f"title: {title}", "..."]),
        ("title", ["%YAML 1.1", f"title: {title}"]),
        ("title", [f"{{title: {title}}}"]),
        ("authors", ["authors:", "- Ткаченко Е.Е.", "-   Вареник И.А."]),
        ("authors", ["authors:", "  - Ткаченко Е.Е.", "    - вложенный"]),
    ]
    key, new = rng.choice(variants)
    if not set_field(case, path, key, new):
        return None
    return f"{path}: {' / '.join(new)[:80]!r}"


@mutation("front-matter")
def fm_attachment_path(rng, case):
    path = pick_doc(rng, case)
    if not path:
        return None
    name = rng.choice([
        "../site.yaml", "/etc/passwd", "../../outside/secret.md", "missing.pdf", '""', ".", "..",
        "sub/dir/file.pdf", "презентация семинара.pdf", "file with spaces.pdf", "a\\\\b.pdf", "index.md",
        "x" * 300 + ".pdf", "../../../../../../etc/hostname", "programma-seminara.pdf#page=2",
        "PROGRAMMA-SEMINARA.PDF", "programma-seminara.pdf?x=1", "%2e%2e/site.yaml", "~/x.pdf",
    ])
    create = rng.random() < 0.5 and not name.startswith(("/", "..", '"', "%", "~")) and name not in (".", "..")
    if create and path.endswith("/index.md"):
        case.files[path[: -len("index.md")] + name.replace("\\\\", "\\")] = b"%PDF-1.4 fuzz\n"
    if not set_field(case, path, "attachments", ["attachments:", f"  - {{file: {name}, title: Вложение}}"]):
        return None
    return f"{path}: attachment file: {name[:60]!r}{' (created)' if create else ''}"


@mutation("front-matter")
def fm_slug_override(rng, case):
    path = pick_doc(rng, case)
    if not path:
        return None
    others = [p for p in case.documents() if p != path]
    other_slug = ""
    if others:
        o = rng.choice(others)
        other_slug = o.split("/")[-2] if o.endswith("/index.md") else o.split("/")[-1][:-3]
    value = rng.choice([
        '""', '"   "', "..", "../../etc", "/", "materials", "page", "page/2", "index.html", "a/b", "%2e%2e",
        "Точка роста", "a" * 300, "щ" * 130, other_slug or "x", "404", "search", "feed.xml", "sitemap.xml",
        "plan", "assets", "people", "CON", "a?b#c", "ÄÖÜ", "—", "🎄", "ьъ", "-", "2023",
    ])
    if not set_field(case, path, "slug", [f"slug: {value}"]):
        return None
    return f"{path}: slug: {value[:60]!r}"


@mutation("front-matter")
def fm_ids(rng, case):
    path = pick_doc(rng, case)
    if not path:
        return None
    key = rng.choice(["school", "direction", "kind", "activity"])
    value = rng.choice({
        "school": ["sоsh13", "SOSH13", "sosh31", " sosh13", "sosh13 ", '"sosh13 "', "x" * 10000, "школа"],
        "direction": ["Methodical", "metodical", "bank ", "directions", "7"],
        "kind": ["master class", "masterclass", "Seminar", "семинар", "video-presentation"],
        "activity": ["2023/", "9999/x", "2023/analiz-defitsitov/extra", "2023/ANALIZ-DEFITSITOV",
                     "2024/analiz-defitsitov", "analiz-defitsitov", "2023//analiz-defitsitov", "2023/-"],
    }[key])
    if not set_field(case, path, key, [f"{key}: {value}"]):
        return None
    return f"{path}: {key}: {value[:60]!r}"


# --- bodies ----------------------------------------------------------------------------

@mutation("body")
def body_nul(rng, case):
    path = pick_doc(rng, case)
    if not path:
        return None
    text = case.text(path)
    where = rng.choice(["body", "body", "line-start", "front-matter"])
    start, end = body_range(text)
    if where == "front-matter":
        lines = text.split("\n")
        b = fm_bounds(lines)
        pos = rng.randint(4, max(4, start - 5)) if b else 0
    elif where == "line-start":
        pos = line_start_in_body(rng, text)
    else:
        pos = rng.randint(start, end)
    n = rng.randint(1, 3)
    case.set_text(path, text[:pos] + "\x00" * n + text[pos:])
    return f"{path}: {n} NUL at char {pos} ({where})"


@mutation("body")
def body_byte_noise(rng, case):
    path = pick_doc(rng, case)
    if not path:
        return None
    data = bytearray(case.files[path])
    text = case.text(path)
    start, end = body_range(text)
    bstart = len(text[:start].encode("utf-8", "surrogateescape"))
    bend = len(text[:end].encode("utf-8", "surrogateescape"))
    ops = []
    for _ in range(rng.randint(1, 20)):
        if bend <= bstart:
            break
        pos = rng.randrange(bstart, bend)
        op = rng.choice(["flip", "insert", "delete"])
        if op == "flip":
            data[pos] ^= 1 << rng.randrange(8)
        elif op == "insert":
            data.insert(pos, rng.randrange(256))
            bend += 1
        else:
            del data[pos]
            bend -= 1
        ops.append(f"{op}@{pos}")
    case.files[path] = bytes(data)
    return f"{path}: {' '.join(ops)}"


@mutation("body")
def body_deep_list(rng, case):
    path = pick_doc(rng, case)
    if not path:
        return None
    depth = rng.choice([1000, 10000, 10000, 50000])
    style = rng.choice(["dash-one-line", "ordered-one-line", "indented", "star-one-line"])
    if style == "dash-one-line":
        block = "- " * depth + "пункт"
    elif style == "star-one-line":
        block = "* " * depth + "пункт"
    elif style == "ordered-one-line":
        block = "1. " * depth + "пункт"
    else:
        depth = min(depth, 2000)
        block = "\n".join("  " * i + "- уровень" for i in range(depth))
    insert_block(rng, case, path, block)
    return f"{path}: nested list depth {depth} ({style})"


@mutation("body")
def body_deep_blockquote(rng, case):
    path = pick_doc(rng, case)
    if not path:
        return None
    depth = rng.choice([1000, 10000, 10000, 100000])
    style = rng.choice([">", "> ", "mixed"])
    if style == "mixed":
        block = "> - " * (depth // 2) + "цитата"
    else:
        block = style * depth + "цитата"
    insert_block(rng, case, path, block)
    return f"{path}: blockquote depth {depth} ({style!r})"


@mutation("body")
def body_deep_inline(rng, case):
    path = pick_doc(rng, case)
    if not path:
        return None
    n = rng.choice([1000, 10000, 30000])
    kind = rng.choice([
        "nested-emph", "emph-closers", "emph-openers", "link-closers", "link-openers", "nested-brackets",
        "backticks", "unclosed-links", "mismatched", "nested-links", "entities", "ref-defs",
    ])
    block = {
        "nested-emph": "*a **a " * n + "b" + " a** a*" * n,
        "emph-closers": "a* " * n,
        "emph-openers": "_a " * n,
        "link-closers": "a]" * n,
        "link-openers": "[a" * n,
        "nested-brackets": "[" * n + "a" + "]" * n,
        "backticks": "".join("e" + "`" * i for i in range(1, min(n, 2000))),
        "unclosed-links": "[a](<b" * n,
        "mismatched": "*a_ " * n,
        "nested-links": "[" * n + "a](b)" * n,
        "entities": "&#x1F600;&#0;&#xD800;&#1114112;&amp;" * (n // 10),
        "ref-defs": "\n".join(f"[r{i}]: /u{i}" for i in range(n)) + "\n\n" + "[r1] " * n,
    }[kind]
    insert_block(rng, case, path, block)
    return f"{path}: pathological inline {kind} x{n}"


@mutation("body")
def body_long_line(rng, case):
    path = pick_doc(rng, case)
    if not path:
        return None
    size = rng.choice([100_000, 1_000_000, 4_000_000])
    kind = rng.choice(["words", "no-spaces", "cyrillic", "url"])
    block = {
        "words": ("слово " * (size // 12)),
        "no-spaces": "a" * size,
        "cyrillic": "щ" * (size // 2),
        "url": "https://example.org/" + "a" * size,
    }[kind]
    insert_block(rng, case, path, block)
    return f"{path}: line of {size} bytes ({kind})"


def insert_snippet(rng: random.Random, case: Case, snippets: list[str], label: str, width: int = 50) -> str | None:
    """Puts one of `snippets` as a block into a random document's body."""
    path = pick_doc(rng, case)
    if not path:
        return None
    snippet = rng.choice(snippets)
    insert_block(rng, case, path, snippet)
    return f"{path}: {label}{snippet[:width]!r}"


BODY_RAW_HTML_SNIPPETS = [
    "<script>alert(1)</script>", "<script>", "<!-- незакрытый комментарий", "<div onclick=\"alert(1)\">x</div>",
    "текст <span onmouseover=alert(1)>x</span> текст", "<img src=x onerror=alert(1)>",
    "<iframe src=\"javascript:alert(1)\"></iframe>", "<a href=\"javascript:alert(1)\">ссылка</a>",
    "<?php echo 1; ?>", "<![CDATA[ x", "<!DOCTYPE html>", "</body></html>",
    "<style>body{display:none}</style>", "<textarea>", "<pre>", "<svg onload=alert(1)>",
    "<form action=//evil><input name=x></form>", "<meta http-equiv=refresh content=\"0;url=//evil\">",
]


@mutation("body")
def body_raw_html(rng, case):
    return insert_snippet(rng, case, BODY_RAW_HTML_SNIPPETS, 'raw HTML ')


BODY_JS_LINK_SNIPPETS = [
    "[нажми](javascript:alert(1))", "[x](JaVaScRiPt:alert(1))", "[x]( javascript:alert(1))",
    "<javascript:alert(1)>", "![img](data:text/html,<script>alert(1)</script>)", "[x](vbscript:msgbox)",
    "[x](file:///etc/passwd)", "[x](jav&#x61;script:alert(1))", "[x](java%0ascript:alert(1))",
    "[x](\tjavascript:alert(1))", "[ref]\n\n[ref]: javascript:alert(1)", "![x](javascript:alert(1))",
    "[x](data:image/svg+xml,<svg onload=alert(1)>)", "[x](jav\u0000ascript:alert(1))",
]


@mutation("body")
def body_js_link(rng, case):
    return insert_snippet(rng, case, BODY_JS_LINK_SNIPPETS, 'link ')


BODY_MISSING_LINK_SNIPPETS = [
    "[нет](../no-such-material.md)", "[нет](no-such.md)", "[якорь](distantsionnoe-vzaimodeistvie.md#no-such-anchor)",
    "[якорь](#nope)", "[x](../../site.yaml)", "[x](../../../../../etc/passwd)", "[x](/etc/passwd)",
    "![img](missing.png)", "![img](../../outside/secret.png)", "[x](mailto:)", "[x](http://)", "[x](%zz)",
    "[x](<a b.md>)", "[x](index.md)", "[x](./)", "[x](..)", "[x](#)", "[x](?q=1)", "[x](materials/x.md)",
    "[x](distantsionnoe-vzaimodeistvie.md#якорь)", "[x]()", "[x](<>)", "[x](C:\\Windows\\x.md)",
    "[x](%D0%BC%D0%BE%D0%BD%D0%B8%D1%82%D0%BE%D1%80%D0%B8%D0%BD%D0%B3-%D0%BF%D1%80%D0%BE%D0%B3%D1%80%D0%B0%D0%BC%D0%BC%D1%8B-%D0%B2%D0%BE%D1%81%D0%BF%D0%B8%D1%82%D0%B0%D0%BD%D0%B8%D1%8F.md)",
    "[x](../pages/o-proekte.md#net-takogo)", "[x](../materials/../materials/distantsionnoe-vzaimodeistvie.md)",
    "[x](distantsionnoe-vzaimodeistvie.md#)", "[x](DISTANTSIONNOE-VZAIMODEISTVIE.md)",
]


@mutation("body")
def body_missing_link(rng, case):
    return insert_snippet(rng, case, BODY_MISSING_LINK_SNIPPETS, 'link ', width=60)


@mutation("body")
def body_duplicate_headings(rng, case):
    path = pick_doc(rng, case)
    if not path:
        return None
    n = rng.choice([2, 10, 1000])
    kind = rng.choice(["same", "collide-numbered", "punctuation", "long", "empty", "setext"])
    block = {
        "same": "\n\n".join(["## Цель"] * n),
        "collide-numbered": "## Цель\n\n## Цель\n\n## Цель 1\n\n## Цель-1\n\n## razdel\n\n## !!!\n\n## ???",
        "punctuation": "\n\n".join(["## — … !"] * n),
        "long": "## " + "Заголовок " * 10000,
        "empty": "\n\n".join(["##"] * n + ["#"]),
        "setext": "\n\n".join(["Цель\n----"] * n),
    }[kind]
    insert_block(rng, case, path, block)
    return f"{path}: headings {kind} x{n}"


@mutation("body")
def body_pipe_table(rng, case):
    path = pick_doc(rng, case)
    if not path:
        return None
    cols = rng.choice([10, 1000, 10000])
    rows = rng.choice([3, 100, 500])
    block = "\n".join(["|" + " a |" * cols, "|" + "---|" * cols] + ["|" * cols for _ in range(rows)])
    insert_block(rng, case, path, block)
    return f"{path}: table {rows}x{cols} pipes"


@mutation("body")
def body_weird_unicode(rng, case):
    path = pick_doc(rng, case)
    if not path:
        return None
    kind = rng.choice(["rtl", "zero-width", "combining", "emoji", "noncharacters", "bad-utf8", "bom-mid",
                       "c1-controls", "separators"])
    text = case.text(path)
    block = {
        "rtl": "\u202eтекст справа налево\u202c",
        "zero-width": "слово\u200b\u200c\u200d\u2060слово",
        "combining": "a" + "\u0301" * 10000,
        "emoji": "👩‍👩‍👧‍👦🎄🇷🇺" * 100,
        "noncharacters": "\ufffe\uffff\U0010ffff\ufdd0",
        "bad-utf8": "\udced\udca0\udc80 \udcc0\udcaf \udcf5\udc80\udc80\udc80 \udcff",
        "bom-mid": "до\ufeffпосле",
        "c1-controls": "".join(chr(c) for c in range(0x80, 0xA0)),
        "separators": "строка\u2028строка\u2029абзац\u0085конец",
    }[kind]
    pos = rng.randint(*body_range(text))
    case.set_text(path, text[:pos] + block + text[pos:])
    return f"{path}: {kind} at char {pos}"


@mutation("body")
def body_front_matter_like(rng, case):
    path = pick_doc(rng, case)
    if not path:
        return None
    block = rng.choice(["---\ntitle: второй\n---", "---", "***", "___", "Абзац\n---", "---\n---\n---", "...",
                        "```\nнезакрытый код", "~~~", "    отступ-код"])
    insert_block(rng, case, path, block)
    return f"{path}: {block[:30]!r}"


# --- data files ------------------------------------------------------------------------

CORRUPT = [
    "[", "{", '"', "*x", "&", "!!binary x", "~", '""', "\x00", "\x1b[31m", "ж" * 100_000, "- a", "-1",
    "99999999999999999999", "1e309", ".nan", "{a: [b, {c: d}]}", "|", ">", "@", "`x`", "%x", "[[[[[[[[",
    "'", "? x", "true", "2023-02-30", "\u2028", "a: b: c",
]


@mutation("data")
def data_delete_field(rng, case):
    path = rng.choice(case.data_files() or [None])
    if not path:
        return None
    lines = case.text(path).split("\n")
    idx = [i for i, l in enumerate(lines) if re.match(r"\s*(-\s+)?[a-z_]+:", l)]
    if not idx:
        return None
    i = rng.choice(idx)
    removed = lines[i]
    if removed.lstrip().startswith("- "):
        indent = len(removed) - len(removed.lstrip())
        lines[i] = " " * indent + "- " + "x_removed: 1" if rng.random() < 0.3 else " " * indent + "-"
        j = i + 1
        if j < len(lines) and rng.random() < 0.5:
            lines[j] = " " * indent + "- " + lines[j].lstrip()
    else:
        del lines[i]
    case.set_text(path, "\n".join(lines))
    return f"{path}: removed line {i + 1} {removed.strip()[:60]!r}"


@mutation("data")
def data_duplicate_id(rng, case):
    choices = [p for p in ("Content/schools.yaml", "Content/directions.yaml") if p in case.files]
    plans = case.paths("Content/plans/")
    kind = rng.choice(["item", "activity", "plan-year"])
    if kind == "item" and choices:
        path = rng.choice(choices)
        lines = case.text(path).split("\n")
        starts = [i for i, l in enumerate(lines) if l.startswith("- id:")]
        if not starts:
            return None
        k = rng.randrange(len(starts))
        end = starts[k + 1] if k + 1 < len(starts) else len(lines)
        block = lines[starts[k]:end]
        if rng.random() < 0.5:
            block = [block[0]] + [l.replace(": ", ": Другое ", 1) for l in block[1:]]
        at = rng.choice(starts + [len(lines)])
        lines[at:at] = block
        case.set_text(path, "\n".join(lines))
        return f"{path}: duplicated {block[0]!r}"
    if kind == "activity" and plans:
        path = rng.choice(plans)
        text = case.text(path)
        ids = re.findall(r"^\s+- id: (\S+)$", text, re.M)
        if len(ids) < 2:
            return None
        a, b = rng.sample(ids, 2)
        text = text.replace(f"- id: {b}\n", f"- id: {a}\n", 1)
        case.set_text(path, text)
        return f"{path}: activity id {b} → {a} (duplicate)"
    if plans:
        src = plans[0]
        dst = rng.choice(["Content/plans/2023.yml", "Content/plans/2024.yaml", "Content/plans/2023-copy.yaml"])
        if dst in case.files:
            return None
        case.files[dst] = case.files[src]
        return f"{dst}: copy of {src} (same year inside)"
    return None


@mutation("data")
def data_corrupt_value(rng, case):
    path = rng.choice(case.data_files() or [None])
    if not path:
        return None
    lines = case.text(path).split("\n")
    idx = [i for i, l in enumerate(lines) if re.match(r"\s*(-\s+)?[a-z_]+: \S", l)]
    if not idx:
        return None
    i = rng.choice(idx)
    value = rng.choice(CORRUPT)
    key = lines[i].split(":", 1)[0]
    lines[i] = f"{key}: {value}"
    case.set_text(path, "\n".join(lines))
    return f"{path}:{i + 1}: {key.strip()}: {value[:30]!r}"


@mutation("data")
def data_truncate(rng, case):
    path = rng.choice(case.data_files() or [None])
    if not path:
        return None
    data = case.files[path]
    cut = rng.randint(0, len(data))
    case.files[path] = data[:cut]
    return f"{path}: truncated at byte {cut} of {len(data)}"


@mutation("data")
def data_delete_file(rng, case):
    target = rng.choice(["Content/site.yaml", "Content/schools.yaml", "Content/directions.yaml",
                         "Content/plans/", "Content/materials/", "Content/pages/", "Content/"])
    removed = [p for p in list(case.files) if p == target or (target.endswith("/") and p.startswith(target))]
    for p in removed:
        del case.files[p]
    if target == "Content/":
        case.dirs.add("Content")
    return f"deleted {target} ({len(removed)} files)"


@mutation("data")
def data_site_values(rng, case):
    path = "Content/site.yaml"
    if path not in case.files:
        return None
    key, value = rng.choice([
        ("base_url", "javascript:alert(1)"), ("base_url", "not a url"), ("base_url", "http://"),
        ("base_url", "https://x/%zz/"), ("base_url", '""'), ("base_url", "https://пример.рф/округ/"),
        ("base_url", "https://example.org/a b/"), ("base_url", "file:///etc/"), ("base_url", "//evil.example/"),
        ("base_url", "https://example.org/\"><script>alert(1)</script>"), ("base_url", "https://example.org"),
        ("per_page", "0"), ("per_page", "-1"), ("per_page", "1"), ("per_page", "99999999999999999999"),
        ("per_page", "9223372036854775807"), ("per_page", "abc"), ("per_page", "1.5"),
        ("unsafe_html", "true"), ("unsafe_html", '"yes"'), ("unsafe_html", "maybe"),
        ("language", "en"), ("language", '""'), ("language", "ru-RU\"><x"),
        ("title", '""'), ("title", "</title><script>alert(1)</script>"), ("title", "Ж" * 100_000),
        ("description", "\x00\x01"), ("partnership", "[a, b]"), ("goal", "{a: b}"),
    ])
    lines = case.text(path).split("\n")
    for i, l in enumerate(lines):
        if l.startswith(key + ":"):
            lines[i] = f"{key}: {value}"
            break
    else:
        lines.append(f"{key}: {value}")
    case.set_text(path, "\n".join(lines))
    return f"{path}: {key}: {value[:50]!r}"


WHEN = [
    "31.02.2023", "до 99.99.9999", "с мая по март", "14–16 февраля", "IV четверть", "V четверть", "0 полугодие",
    "3 полугодие", "до 20.01.99999999999999999999", "до 31.12.9223372036854775807", "27.01.99", "-1.-1.-1",
    "00.00.0000", "14.02–16.02.2023", "16.02–14.02.2023", "январь–декабрь–март", "с декабря по январь",
    "в течение года" * 1000, "", "~", "[a]", "{a: b}", "В течение года.\nещё строка", "29.02.2023", "29.02.2024",
    "до конца тринадцатого месяца", "MMMCMXCIX четверть", "I" * 10000 + " четверть", "1.1.1", "1..1.2023",
    "14 — 16 февраля 2023 г.", "с 1 по 31 июня", "ежечасно", "до конца года до конца года", "\u2028",
    "99 четверть", "9223372036854775808 полугодие", "2147483648.01.2023", "01.2147483648.2023",
]


@mutation("data")
def plan_when_values(rng, case):
    plans = case.paths("Content/plans/")
    if not plans:
        return None
    path = rng.choice(plans)
    text = case.text(path)
    whens = [m.start() for m in re.finditer(r"^\s+when: .*$", text, re.M)]
    if not whens:
        return None
    value = rng.choice(WHEN)
    rendered = yaml_dq(value) if rng.random() < 0.6 else value
    start = rng.choice(whens)
    end = text.index("\n", start) if "\n" in text[start:] else len(text)
    indent = re.match(r"\s+", text[start:]).group(0)
    case.set_text(path, text[:start] + f"{indent}when: {rendered}" + text[end:])
    return f"{path}: when: {rendered[:60]!r}"


@mutation("data")
def plan_structure(rng, case):
    plans = case.paths("Content/plans/")
    if not plans:
        return None
    path = rng.choice(plans)
    text = case.text(path)
    kind = rng.choice(["year", "stage-number", "no-sections", "empty-activities", "activity-id", "partner",
                       "satellites", "directions", "support", "filename", "executor", "stage-period"])
    detail = kind
    if kind == "year":
        v = rng.choice(["99999999999999999999", "-1", "0", "2024", "двадцать", "[2023]", "9223372036854775807"])
        text = re.sub(r"^year: .*$", f"year: {v}", text, count=1, flags=re.M)
        detail += f" {v}"
    elif kind == "stage-number":
        v = rng.choice(["-1", "0", "99999999999999999999", "1", "пять", "2.5"])
        text = re.sub(r"number: \d+", f"number: {v}", text, count=1)
        detail += f" {v}"
    elif kind == "no-sections":
        text = text.replace("sections:", "sections_removed:", 1)
    elif kind == "empty-activities":
        text = re.sub(r"activities:\n(?:      .*\n)+", "activities: []\n", text, count=1)
    elif kind == "activity-id":
        v = rng.choice(['""', "../x", "Анализ", "a/b", "x" * 300, "2023", "index", "calendar.ics", "-"])
        text = re.sub(r"- id: \S+", f"- id: {v}", text, count=1)
        detail += f" {v[:40]}"
    elif kind == "partner":
        v = rng.choice(["prigorodnaya", "nosuch", "[sosh13]", '""'])
        text = re.sub(r"^partner: .*$", f"partner: {v}", text, count=1, flags=re.M)
        detail += f" {v}"
    elif kind == "satellites":
        v = rng.choice(["[sosh13]", "[]", "[nosuch, nosuch]", "sosh13", "[prigorodnaya, prigorodnaya]"])
        text = re.sub(r"^satellites: .*$", f"satellites: {v}", text, count=1, flags=re.M)
        detail += f" {v}"
    elif kind == "directions":
        v = rng.choice(["[]", "[nosuch]", "[bank, bank]", "bank"])
        text = re.sub(r"^directions: .*$", f"directions: {v}", text, count=1, flags=re.M)
        detail += f" {v}"
    elif kind == "support":
        v = rng.choice(["  nosuch: [bank]", "  prigorodnaya: [nosuch]", "  prigorodnaya: bank", "  sosh13: []"])
        text = text.replace("support:\n", "support:\n" + v + "\n", 1)
        detail += f" {v.strip()}"
    elif kind == "filename":
        new = rng.choice(["Content/plans/abc.yaml", "Content/plans/0.yaml", "Content/plans/99999999999999999999.yaml",
                          "Content/plans/2023.YAML", "Content/plans/2023.yaml.bak", "Content/plans/2024.yaml"])
        if new in case.files:
            return None
        case.files[new] = case.files.pop(path)
        return f"{path} → {new}"
    elif kind == "executor":
        text = re.sub(r"^executor: .*$", "executor: " + rng.choice(["", "[a]", "Ж" * 50000]), text, count=1, flags=re.M)
    else:
        text = re.sub(r"period: .*", "period: " + rng.choice(["декабрь-январь", "", "13 месяц", "[a]"]), text, count=1)
    case.set_text(path, text)
    return f"{path}: {detail}"


@mutation("data", weight=0.1)
def data_yaml_bomb(rng, case):
    path = rng.choice(case.data_files() or [None])
    if not path:
        return None
    levels = rng.choice([6, 9])
    lines = ['x_lol0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, levels + 1):
        lines.append(f"x_lol{i}: &a{i} [" + ",".join([f"*a{i-1}"] * 9) + "]")
    text = case.text(path)
    if text.lstrip().startswith("- ") or "\n- id:" in text:
        # a list file: the bomb inside an item
        bomb = ["- id: bomb", "  name: &a0 [lol,lol,lol,lol,lol,lol,lol,lol,lol]"]
        for i in range(1, levels + 1):
            bomb.append(f"  x{i}: &a{i} [" + ",".join([f"*a{i-1}"] * 9) + "]")
        bomb.append(f"  title: *a{levels}")
        case.set_text(path, text.rstrip("\n") + "\n" + "\n".join(bomb) + "\n")
    else:
        case.set_text(path, text.rstrip("\n") + "\n" + "\n".join(lines) + f"\ntitle_bomb: *a{levels}\n")
    return f"{path}: 9^{levels} YAML alias bomb"


@mutation("data")
def data_deep_nesting(rng, case):
    path = rng.choice(case.data_files() or [None])
    if not path:
        return None
    depth = rng.choice([1000, 10000, 100000])
    text = case.text(path)
    value = "[" * depth + "]" * depth
    if "\n- id:" in text or text.startswith("- id:"):
        text = text.rstrip("\n") + f"\n- id: deep\n  name: {value}\n"
    else:
        text = text.rstrip("\n") + f"\ndeep: {value}\n"
    case.set_text(path, text)
    return f"{path}: [ nesting depth {depth}"


# --- templates -------------------------------------------------------------------------

def insert_in_template(rng, case, snippet):
    tpls = case.templates()
    if not tpls:
        return None
    path = rng.choice(tpls)
    text = case.text(path)
    positions = [0] + [i + 1 for i, ch in enumerate(text) if ch == "\n"]
    pos = rng.choice(positions)
    case.set_text(path, text[:pos] + snippet + text[pos:])
    return path


@mutation("templates")
def tpl_unknown_tag(rng, case):
    snippet = rng.choice(["{{titel}}", "{{material.titel}}", "{{{summry}}}", "{{#nosuch}}x{{/nosuch}}",
                          "{{^nosuch}}x{{/nosuch}}", "{{layout.nosuch}}", "{{..}}", "{{a..b}}", "{{ . }}",
                          "{{&nosuch}}", "{{title.length}}", "{{0}}"])
    path = insert_in_template(rng, case, snippet)
    return path and f"{path}: {snippet!r}"


@mutation("templates")
def tpl_unclosed_section(rng, case):
    tpls = case.templates()
    path = rng.choice(tpls) if tpls else None
    if not path:
        return None
    text = case.text(path)
    kind = rng.choice(["open", "delete-close", "mismatch", "open-brace", "triple"])
    if kind == "delete-close":
        closes = [m for m in re.finditer(r"\{\{/[^}]*\}\}", text)]
        if not closes:
            kind = "open"
        else:
            m = rng.choice(closes)
            text = text[: m.start()] + text[m.end():]
    if kind == "open":
        text = "{{#materials}}\n" + text
    elif kind == "mismatch":
        text = "{{#a}}x{{/b}}\n" + text
    elif kind == "open-brace":
        text = text + "{{"
    elif kind == "triple":
        text = "{{{title}}\n" + text
    case.set_text(path, text)
    return f"{path}: {kind}"


@mutation("templates")
def tpl_delete_partial(rng, case):
    parts = case.paths("Templates/partials/")
    if not parts:
        return None
    path = rng.choice(parts)
    del case.files[path]
    return f"deleted {path}"


@mutation("templates")
def tpl_deep_sections(rng, case):
    depth = rng.choice([100, 1000, 10000, 100000])
    name = rng.choice(["title", "nosuch", "materials", "."])
    kind = rng.choice(["section", "inverted"])
    sigil = "#" if kind == "section" else "^"
    snippet = f"{{{{{sigil}{name}}}}}" * depth + "x" + f"{{{{/{name}}}}}" * depth + "\n"
    path = insert_in_template(rng, case, snippet)
    return path and f"{path}: {depth} nested {sigil}{name}"


@mutation("templates")
def tpl_garbage(rng, case):
    tpls = case.templates()
    if not tpls:
        return None
    path = rng.choice(tpls)
    data = bytearray(case.files[path])
    n = rng.randint(1, 16)
    for _ in range(n):
        data.insert(rng.randint(0, len(data)), rng.randrange(256))
    case.files[path] = bytes(data)
    return f"{path}: {n} random bytes"


@mutation("templates")
def tpl_recursive_partial(rng, case):
    kind = rng.choice(["self", "mutual", "layout-self", "partial-parent"])
    if kind == "self":
        path = "Templates/partials/card.mustache"
        if path not in case.files:
            return None
        case.set_text(path, case.text(path) + "{{> partials/card}}\n")
    elif kind == "mutual":
        a, b = "Templates/partials/header.mustache", "Templates/partials/footer.mustache"
        if a not in case.files or b not in case.files:
            return None
        case.set_text(a, case.text(a) + "{{> partials/footer}}\n")
        case.set_text(b, case.text(b) + "{{> partials/header}}\n")
        path = a + " <-> " + b
    elif kind == "layout-self":
        path = "Templates/layout.mustache"
        if path not in case.files:
            return None
        case.set_text(path, "{{<layout}}{{$content}}x{{/content}}{{/layout}}\n" + case.text(path))
    else:
        path = "Templates/partials/toc.mustache"
        if path not in case.files:
            return None
        case.set_text(path, "{{<material}}{{/material}}\n" + case.text(path))
    return f"{path}: {kind} recursion"


@mutation("templates")
def tpl_unsupported_tags(rng, case):
    snippet = rng.choice(["{{=<% %>=}}", "{{f(x)}}", "{{> }}", "{{}}", "{{#}}{{/}}", "{{/stray}}",
                          "{{<nosuchparent}}{{/nosuchparent}}", "{{$block}}", "{{% CONTENT_TYPE: JSON }}",
                          "{{%PRAGMA}}", "{{!незакрытый комментарий", "{{> ../../outside/evil}}",
                          "{{> /etc/passwd}}", "{{>partials/nosuch}}", "{{ ", "}}", "{{{{x}}}}"])
    path = insert_in_template(rng, case, snippet)
    return path and f"{path}: {snippet!r}"


@mutation("templates")
def tpl_delete_required(rng, case):
    tpls = [p for p in case.templates() if "/partials/" not in p]
    if not tpls:
        return None
    path = rng.choice(tpls)
    del case.files[path]
    return f"deleted {path}"


# --- file names ------------------------------------------------------------------------

def new_name(path: str, base: str) -> str:
    """`base` as the document's name: `dir/base.md`, or `dir/base/index.md` for a folder one."""
    parts = path.split("/")
    if path.endswith("/index.md"):
        return "/".join(parts[:-2] + [base, "index.md"])
    return "/".join(parts[:-1] + [base + ".md"])


@mutation("names")
def name_long(rng, case):
    path = pick_doc(rng, case)
    if not path:
        return None
    kind = rng.choice(["ascii-252", "shch-120", "mixed-cyrillic", "folder-250"])
    base = {
        "ascii-252": "a" * 249,
        "shch-120": "щ" * 120,
        "mixed-cyrillic": ("Методическая разработка урока " * 5)[:125].strip(),
        "folder-250": "ж" * 125,
    }[kind]
    new = new_name(path, base)
    if new in case.files:
        return None
    case.rename(path, new)
    return f"{path} → {len(new.split('/')[-1 if not new.endswith('index.md') else -2].encode())}-byte name ({kind})"


@mutation("names")
def name_cyrillic(rng, case):
    path = pick_doc(rng, case)
    if not path:
        return None
    base = rng.choice(["Точка роста", "ёлка-Щука", "Семинар «Смысловое чтение»", "Ёжик", "ЪЬ-знаки",
                       "Ўзбек і Ґанок", "Материал №5", "АБВ"])
    new = new_name(path, base)
    if new in case.files:
        return None
    case.rename(path, new)
    return f"{path} → {new}"


@mutation("names")
def name_spaces(rng, case):
    path = pick_doc(rng, case)
    if not path:
        return None
    base = rng.choice([" ведущий пробел", "хвост ", "два  пробела", "a b c", "\u00a0nbsp", "таб\tтаб", "   "])
    new = new_name(path, base)
    if new in case.files:
        return None
    case.rename(path, new)
    return f"{path} → {new!r}"


@mutation("names")
def name_leading_dot(rng, case):
    path = pick_doc(rng, case)
    if not path:
        return None
    parts = path.split("/")
    kind = rng.choice(["file", "folder", "dotdot"])
    if kind == "folder" or path.endswith("/index.md"):
        base = "." + (parts[-2] if path.endswith("/index.md") else parts[-1][:-3])
    elif kind == "dotdot":
        base = ".."
    else:
        base = "." + parts[-1][:-3]
    new = new_name(path, base)
    if base == ".." and not path.endswith("/index.md"):
        new = "/".join(parts[:-1] + ["...md"])
    if new in case.files:
        return None
    case.rename(path, new)
    return f"{path} → {new}"


def transliteration_twin(stem: str) -> str | None:
    """A different name with the same slug."""
    table = {"kh": "х", "shch": "щ", "zh": "ж", "ts": "ц", "ch": "ч", "sh": "ш", "iu": "ю", "ia": "я", "a": "а",
             "b": "б", "v": "в", "g": "г", "d": "д", "e": "е", "z": "з", "i": "и", "k": "к", "l": "л", "m": "м",
             "n": "н", "o": "о", "p": "п", "r": "р", "s": "с", "t": "т", "u": "у", "f": "ф", "y": "ы"}
    out, i = [], 0
    while i < len(stem):
        for n in (4, 2, 1):
            if stem[i:i + n] in table:
                out.append(table[stem[i:i + n]])
                i += n
                break
        else:
            out.append(stem[i])
            i += 1
    twin = "".join(out)
    return twin if twin != stem else None


@mutation("names")
def name_slug_collision(rng, case):
    docs = case.documents(materials_only=rng.random() < 0.8)
    if not docs:
        return None
    path = rng.choice(docs)
    parts = path.split("/")
    stem = parts[-2] if path.endswith("/index.md") else parts[-1][:-3]
    kind = rng.choice(["cyrillic", "upper", "underscore", "file-vs-folder", "punctuation", "empty-slug"])
    if kind == "cyrillic":
        base = transliteration_twin(stem) or stem.upper()
    elif kind == "upper":
        base = stem.upper()
    elif kind == "underscore":
        base = stem.replace("-", "_")
    elif kind == "punctuation":
        base = stem.replace("-", " — ") + "!"
    elif kind == "empty-slug":
        base = rng.choice(["ьъь", "!!!", "—", "...", "🎄"])
    else:
        base = stem
    if kind == "file-vs-folder":
        new = "/".join(parts[:-2] + [stem + ".md"]) if path.endswith("/index.md") else \
            "/".join(parts[:-1] + [stem, "index.md"])
    else:
        new = new_name(path, base)
    if new in case.files or new == path:
        return None
    copy = re.sub(rb"(FUZZMARK[BT]\d{4})(?:C\d+)?Z", rb"\1C1Z", case.files[path])
    case.files[new] = copy
    return f"{path} copied as {new} ({kind}, same slug {'' if kind != 'empty-slug' else 'empty'})"


@mutation("names")
def name_control_chars(rng, case):
    path = pick_doc(rng, case)
    if not path:
        return None
    parts = path.split("/")
    stem = parts[-2] if path.endswith("/index.md") else parts[-1][:-3]
    ins = rng.choice(["\n", "\r", "\t", "\x01", ":", "\x7f", "\udcff", "\udcc3(", "*?<>|\"", "%2F", "\\",
                      "\u202e", "e\u0301", "#frag", "?q=1", "'"])
    pos = rng.randint(0, len(stem))
    new = new_name(path, stem[:pos] + ins + stem[pos:])
    if new in case.files:
        return None
    case.rename(path, new)
    return f"{path} → {new!r}"


@mutation("names")
def name_extension(rng, case):
    path = pick_doc(rng, case)
    if not path:
        return None
    if path.endswith("/index.md"):
        new = path[: -len("index.md")] + rng.choice(
            ["INDEX.md", "Index.md", "index.MD", "README.md", "index.markdown", "index.md.txt", "index.md "])
    else:
        new = path[:-3] + rng.choice([".MD", ".markdown", ".md.md", ".md ", ".txt", ".Md", ".mdown"])
    if new in case.files:
        return None
    case.files[new] = case.files.pop(path)
    return f"{path} → {new!r}"


OUTSIDE_MATERIAL = """---
title: Файл вне Content FUZZMARKO0001Z
date: 2023-03-01
authors: [Чужой А.А.]
school: sosh13
direction: bank
kind: article
---

Этот текст лежит за пределами Content/. FUZZMARKO0001Z
"""


@mutation("names")
def symlink_outside(rng, case):
    case.files["outside/secret.md"] = OUTSIDE_MATERIAL.encode()
    case.files["outside/dir/index.md"] = OUTSIDE_MATERIAL.encode()
    case.files["outside/secret.png"] = b"\x89PNG\r\n\x1a\nFUZZMARKO0001Z"
    kind = rng.choice(["file", "dir", "absolute", "attachment", "page", "data", "template", "plans-dir"])
    if kind == "file":
        link, target = "Content/materials/evil.md", "../../outside/secret.md"
    elif kind == "dir":
        link, target = "Content/materials/evil", "../../outside/dir"
    elif kind == "absolute":
        link, target = "Content/materials/passwd.md", "/etc/passwd"
    elif kind == "page":
        link, target = "Content/pages/evil.md", "../../outside/secret.md"
    elif kind == "data":
        link, target = "Content/schools.yaml", "../outside/secret.md"
        case.files.pop(link, None)
    elif kind == "template":
        link, target = "Templates/partials/evil.mustache", "../../outside/secret.md"
    elif kind == "plans-dir":
        link, target = "Content/plans/evil.yaml", "/etc/hostname"
    else:
        folders = sorted({p.rsplit("/", 1)[0] for p in case.documents() if p.endswith("/index.md")})
        if not folders:
            return None
        folder = rng.choice(folders)
        link, target = folder + "/secret.png", "../../../outside/secret.png"
        index = folder + "/index.md"
        set_field(case, index, "attachments", ["attachments:", "  - {file: secret.png, title: Секрет}"])
        insert_block(rng, case, index, "![секрет](secret.png)")
    if link in case.files:
        return None
    case.symlinks[link] = target
    return f"symlink {link} → {target} ({kind})"


@mutation("names")
def symlink_loop(rng, case):
    kind = rng.choice(["pair", "self", "dir-parent", "dir-root", "dangling", "inside-alias"])
    if kind == "pair":
        case.symlinks["Content/materials/loop-a.md"] = "loop-b.md"
        case.symlinks["Content/materials/loop-b.md"] = "loop-a.md"
    elif kind == "self":
        case.symlinks["Content/materials/self.md"] = "self.md"
    elif kind == "dir-parent":
        case.symlinks["Content/materials/up"] = ".."
    elif kind == "dir-root":
        case.symlinks["Content/pages/root"] = "../.."
    elif kind == "dangling":
        case.symlinks["Content/materials/gone.md"] = "nothing-here.md"
    else:
        docs = [p for p in case.documents() if not p.endswith("/index.md")]
        if not docs:
            return None
        target = rng.choice(docs)
        case.symlinks["Content/materials/alias.md"] = os.path.relpath(target, "Content/materials")
        return f"symlink Content/materials/alias.md → {target} (inside-alias)"
    return f"symlink {kind}"


@mutation("names")
def empty_file(rng, case):
    path = rng.choice(case.documents() + case.data_files() + case.templates())
    content = rng.choice([b"", b" \n\n", b"---\n---\n", b"---\n", b"\n", b"\xef\xbb\xbf", "---\n---\nтекст\n".encode()])
    case.files[path] = content
    return f"{path}: replaced by {content!r}"


@mutation("names")
def stray_files(rng, case):
    kind = rng.choice(["txt", "empty-dir", "deep-doc", "unknown-yaml", "plans-md", "page-folder", "dir-named-md",
                       "site-is-dir", "materials-is-file", "binary-md"])
    if kind == "txt":
        case.files["Content/materials/заметки.txt"] = "просто текст\n".encode()
    elif kind == "empty-dir":
        case.dirs.add("Content/materials/pustaia-papka")
    elif kind == "deep-doc":
        case.files["Content/materials/a/b/index.md"] = case.files[case.documents()[0]] if case.documents() else b"x"
    elif kind == "unknown-yaml":
        case.files["Content/authors.yaml"] = "- id: x\n".encode()
    elif kind == "plans-md":
        case.files["Content/plans/README.md"] = "# План\n".encode()
    elif kind == "page-folder":
        pages = case.paths("Content/pages/", ".md")
        if not pages:
            return None
        src = pages[0]
        case.files["Content/pages/razdel/index.md"] = re.sub(rb"(FUZZMARK[BT]\d{4})(?:C\d+)?Z", rb"\1C2Z", case.files[src])
    elif kind == "dir-named-md":
        case.dirs.add("Content/materials/papka.md")
    elif kind == "site-is-dir":
        case.files.pop("Content/site.yaml", None)
        case.dirs.add("Content/site.yaml")
    elif kind == "materials-is-file":
        for p in case.paths("Content/materials/"):
            del case.files[p]
        case.files["Content/materials"] = b"not a folder\n"
    else:
        case.files["Content/materials/binary.md"] = bytes(range(256)) * 4
    return f"stray {kind}"


# --- command line: hostile --output values, rebuilding over okrug's own output ---------------

HOSTILE_OUTPUTS = [
    ".", "./", "Templates", "Content", "docs", "docs/", "Templates/", "Content/materials", "Content/..",
    "Templates/../Content/..", "./Content/../", ".git", "other", "README.md", "site-link", "site-link/",
    "Public->.", "Public->Content",
]


@mutation("cli")
def cli_output(rng, case):
    """build --output at the project root, a source folder, a folder or file of the user's."""
    if case.output != "Public" or "Public" in case.symlinks:
        return None  # one --output per case
    value = rng.choice(HOSTILE_OUTPUTS + ["Public/"])
    if value == "other":
        case.files["other/keep.txt"] = "Файл пользователя в папке other.\n".encode()
    elif value.startswith("site-link"):
        case.symlinks["site-link"] = "."
    elif value.startswith("Public->"):
        case.symlinks["Public"] = {"Public->.": ".", "Public->Content": "Content"}[value]
        value = "Public"
    case.output = value
    case.hostile_output = not (value == "Public/" or (value == "Public" and "Public" not in case.symlinks))
    link = f" (Public → {case.symlinks['Public']})" if "Public" in case.symlinks else ""
    return f"build --output {value!r}{link}"


@mutation("cli", weight=0.2)
def cli_rebuild(rng, case):
    """Public/ already holds okrug's own earlier output: the rebuild must succeed."""
    if case.prebuild:
        return None
    case.prebuild = True
    case.rebuild_must_succeed = True
    return "build twice into Public/ (the second over okrug's own output)"


@mutation("cli", weight=0.2)
def cli_user_file_in_output(rng, case):
    """A user's file put into okrug's output after a first build: refuse, or keep it."""
    if case.after_prebuild:
        return None
    case.prebuild = True
    name = rng.choice(["CNAME", ".nojekyll", "robots.txt", "materials/заметка.txt", "yandex_123.html"])
    case.after_prebuild["Public/" + name] = b"okrug.example.ru\n" if name == "CNAME" else "мой файл\n".encode()
    return f"after a first build, the user adds Public/{name}; then build again"


# --- secrets: symlinks out of the scratch folder ----------------------------------------------

def secret_target(link: str, name: str) -> str:
    """A relative symlink target from `link` (in the scratch folder) to <tmp>/secret/<name>."""
    return os.path.relpath("secret/" + name, os.path.dirname(f"{SITE}/{link}"))


def folder_material(rng: random.Random, case: Case) -> str | None:
    """The index.md of a random folder material (attachments live beside it)."""
    folders = [p for p in case.documents() if p.endswith("/index.md") and p.startswith("Content/materials/")]
    return rng.choice(folders) if folders else None


def add_attachment(case: Case, index: str, name: str, title: str) -> bool:
    """Lists `name` in the attachments of `index` (after the ones already there)."""
    lines, b = fm_lines(case, index)
    if not b:
        return False
    span = field_span(lines, b, "attachments")
    entry = f"  - {{file: {yaml_dq(name)}, title: {yaml_dq(title)}}}"
    if span and lines[span[0]].strip() == "attachments:":
        lines[span[1]:span[1]] = [entry]
    elif span:
        lines[span[0]:span[1]] = ["attachments:", entry]
    else:
        lines[b[1]:b[1]] = ["attachments:", entry]
    case.set_text(index, "\n".join(lines))
    return True


def secret_material(mark: str) -> bytes:
    return OUTSIDE_MATERIAL.replace("FUZZMARKO0001Z", mark).encode()


@mutation("secrets")
def secret_symlink(rng, case):
    """A symlink in Templates/ or Content/ to a file outside the scratch folder (a secret)."""
    k = rng.randrange(10000)
    mark = f"SECRETMARK{k:04d}Z"
    kind = rng.choice(["asset", "asset-dir", "partial", "material", "page", "attachment", "data", "plan"])
    text = f"{mark}\n".encode()
    if kind == "asset":
        link = rng.choice(["Templates/assets/secret.css", "Templates/assets/logo.svg", "Templates/assets/a11y.js",
                           "Templates/assets/secret.txt"])
        case.files.pop(link, None)
        # content a minifier keeps
        text = {"css": f'body::after{{content:"{mark}"}}\n',
                "svg": f'<svg xmlns="http://www.w3.org/2000/svg"><text>{mark}</text></svg>\n',
                "js": f'window.secret="{mark}";\n', "txt": f"{mark}\n"}[link.rsplit(".", 1)[1]].encode()
    elif kind == "asset-dir":
        link = "Templates/assets/fonts"
        case.outside["secret/fonts/secret.woff2"] = text
        case.symlinks[link] = secret_target(link, "fonts")
        return f"symlink {link} → <outside>/secret/fonts (holds {mark})"
    elif kind == "partial":
        link = "Templates/partials/secret.mustache"
        text = f"<p>{mark}</p>\n".encode()
        layout = "Templates/layout.mustache"
        if layout in case.files:
            case.set_text(layout, case.text(layout).replace("</body>", "{{> partials/secret}}\n</body>", 1))
    elif kind in ("material", "page"):
        link = "Content/materials/sekret.md" if kind == "material" else "Content/pages/sekret.md"
        text = secret_material(mark)
    elif kind == "attachment":
        index = folder_material(rng, case)
        if not index:
            return None
        link = index[: -len("index.md")] + "sekret.pdf"
        text = f"%PDF-1.4 {mark}\n".encode()
        add_attachment(case, index, "sekret.pdf", "Секретный файл")
    elif kind == "data":
        link = "Content/schools.yaml"
        text = case.files.get(link, b"- id: sosh13\n  name: x\n").replace(
            "МБОУ «СОШ №13»".encode(), f"МБОУ «СОШ №13» {mark}".encode())
        case.files.pop(link, None)
    else:
        plans = case.paths("Content/plans/")
        if not plans:
            return None
        link = plans[0]
        text = case.files.pop(link).replace(b"\ntitle: ", f"\ntitle: {mark} ".encode(), 1)
    # short: the link's own path may be a 250-byte name (name_long)
    name = "s-" + hashlib.sha1(link.encode("utf-8", "surrogateescape")).hexdigest()[:10] + "-" + \
        os.path.basename(link)[-40:]
    case.outside["secret/" + name] = text
    case.files.pop(link, None)
    case.symlinks[link] = secret_target(link, name)
    return f"symlink {link} → <outside>/secret/{name} ({kind}, holds {mark})"


@mutation("secrets", weight=0.5)
def secret_environ(rng, case):
    """A symlink to /proc/self/environ, which holds OKRUG_FUZZ_SECRET=SECRETENV<k>Z."""
    k = rng.randrange(10000)
    case.env["OKRUG_FUZZ_SECRET"] = f"SECRETENV{k:04d}Z"
    kind = rng.choice(["asset", "partial", "material", "attachment", "data"])
    if kind == "asset":
        link = rng.choice(["Templates/assets/env.txt", "Templates/assets/style.css"])
    elif kind == "partial":
        link = "Templates/partials/env.mustache"
        layout = "Templates/layout.mustache"
        if layout in case.files:
            case.set_text(layout, case.text(layout).replace("</body>", "{{> partials/env}}\n</body>", 1))
    elif kind == "material":
        link = "Content/materials/env.md"
    elif kind == "data":
        link = "Content/site.yaml"
    else:
        index = folder_material(rng, case)
        if not index:
            return None
        link = index[: -len("index.md")] + "env.txt"
        add_attachment(case, index, "env.txt", "Окружение")
    case.files.pop(link, None)
    case.symlinks[link] = "/proc/self/environ"
    return f"symlink {link} → /proc/self/environ ({kind}, OKRUG_FUZZ_SECRET={case.env['OKRUG_FUZZ_SECRET']})"


# --- special files: FIFOs, devices ------------------------------------------------------------

def special_place(rng: random.Random, case: Case) -> tuple[str, str] | None:
    """(path, kind) of a file okrug reads: a material, a listed attachment, site.yaml, an asset."""
    kind = rng.choice(["material", "attachment", "site", "asset", "page", "plan"])
    path = {"material": "Content/materials/spetsfail.md", "page": "Content/pages/spetsfail.md",
            "site": "Content/site.yaml", "plan": "Content/plans/2024.yaml",
            "asset": rng.choice(["Templates/assets/spets.css", "Templates/assets/style.css"])}.get(kind)
    if path in case.special or path in case.symlinks:
        return None
    if path:
        case.files.pop(path, None)
        return path, kind
    index = folder_material(rng, case)
    if not index:
        return None
    path = index[: -len("index.md")] + "spetsfail.pdf"
    if path in case.special:
        return None
    add_attachment(case, index, "spetsfail.pdf", "Специальный файл")
    return path, kind


@mutation("special", weight=0.3)
def special_fifo(rng, case):
    """A named pipe where okrug expects a file: reading it would wait for ever."""
    place = special_place(rng, case)
    if not place:
        return None
    path, kind = place
    case.fifos.add(path)
    case.special.append(path)
    return f"FIFO {path} ({kind})"


@mutation("special", weight=0.3)
def special_dev_symlink(rng, case):
    """A symlink to /dev/zero, /dev/urandom or /dev/null where okrug expects a file."""
    place = special_place(rng, case)
    if not place:
        return None
    path, kind = place
    target = rng.choice(["/dev/zero", "/dev/urandom", "/dev/null"])
    case.symlinks[path] = target
    case.special.append(path)
    return f"symlink {path} → {target} ({kind})"


@mutation("special", weight=0.2)
def special_device(rng, case):
    """A character device node (as root; else a symlink to the device) where okrug expects a file."""
    place = special_place(rng, case)
    if not place:
        return None
    path, kind = place
    name, numbers = rng.choice([("zero", (1, 5)), ("null", (1, 3)), ("urandom", (1, 9))])
    if os.geteuid() == 0:
        case.devices[path] = numbers
        how = f"character device {numbers[0]},{numbers[1]} (like /dev/{name})"
    else:
        case.symlinks[path] = "/dev/" + name
        how = f"symlink → /dev/{name} (not root: no mknod)"
    case.special.append(path)
    return f"{path}: {how} ({kind})"


# --- names: Unicode normalisation twins, hostile attachment names -----------------------------

TWIN_BASES = ["майский-семинар", "Йошкар-Ола", "ёлка-в-школе", "й", "Урок «Зимний лес»"]


@mutation("names")
def name_unicode_twins(rng, case):
    """Two materials whose names differ only in NFC vs NFD (й U+0439 vs и U+0438 + U+0306)."""
    docs = [p for p in case.documents() if p.startswith("Content/materials/") and not p.endswith("/index.md")]
    if not docs:
        return None
    src = rng.choice(docs)
    base = rng.choice(TWIN_BASES)
    nfc, nfd = unicodedata.normalize("NFC", base), unicodedata.normalize("NFD", base)
    as_folder = rng.random() < 0.3
    made = []
    for form, label in ((nfc, 5), (nfd, 6)):
        path = f"Content/materials/{form}/index.md" if as_folder else f"Content/materials/{form}.md"
        if path in case.files:
            return None
        case.files[path] = re.sub(rb"(FUZZMARK[BT]\d{4})(?:C\d+)?Z", rb"\g<1>C%dZ" % label, case.files[src])
        made.append(path)
    return f"{src} copied as NFC {made[0]!r} and NFD {made[1]!r}{' (folders)' if as_folder else ''}"


HOSTILE_ATTACHMENT_NAMES = [
    "javascript:alert(1).pdf", "JavaScript:alert(1).pdf", "a#b.pdf", "a?b.pdf", "100%.pdf", "%41.pdf",
    "a%2Fb.pdf", "a b.pdf", '"><img src=x>.pdf', "data:text,x.pdf", "vbscript:x.pdf", "#.pdf", "?.pdf",
    " x.pdf", "x'y.pdf", "a&amp;b.pdf", "a<b>.pdf", "программа занятия.pdf", "a\\b.pdf", "a:b.pdf",
]


@mutation("names")
def attachment_hostile_name(rng, case):
    """An attachment file beside a folder material, listed in front matter, with a URL-hostile name."""
    index = folder_material(rng, case)
    if not index:
        return None
    name = rng.choice(HOSTILE_ATTACHMENT_NAMES)
    token = f"Фаззвложение{rng.randrange(100)}"
    case.files[index[: -len("index.md")] + name] = b"%PDF-1.4 fuzz\n"
    if not add_attachment(case, index, name, token):
        return None
    case.attachment_tokens.add(token)
    return f"{index}: attachment {name!r} ({token})"


# --- csv: spreadsheet formulas in the results table -------------------------------------------

FORMULAS = ['=HYPERLINK("http://x","y")', "+1+1", "-2+3", "@SUM(A1)", "=1+2", "\t=1", "\r=1",
            "=cmd|' /C calc'!A0", "-", "+", "@", "=", " =1", "-Иванов И.И."]


@mutation("csv")
def csv_formula(rng, case):
    """Authors, school names, direction titles, activity titles or tags that look like formulas."""
    value = rng.choice(FORMULAS)
    target = rng.choice(["authors", "school", "direction", "activity", "tags"])
    if target in ("authors", "tags"):
        docs = [p for p in case.documents() if p.startswith("Content/materials/")]
        if not docs:
            return None
        path = rng.choice(docs)
        if not set_field(case, path, target, [f"{target}: [{yaml_dq(value)}]"]):
            return None
        return f"{path}: {target}: [{value!r}]"
    if target == "school":
        path, keys = "Content/schools.yaml", ("name", "short")
    elif target == "direction":
        path, keys = "Content/directions.yaml", ("title",)
    else:
        plans = case.paths("Content/plans/")
        if not plans:
            return None
        path, keys = plans[0], ("title",)
    if path not in case.files:
        return None
    lines = case.text(path).split("\n")
    idx = [i for i, l in enumerate(lines) if re.match(rf"\s+({'|'.join(keys)}): ", l)]
    if target == "activity":
        idx = [i for i in idx if lines[i].startswith("      ")] or idx  # an activity, not a section
    if not idx:
        return None
    first = rng.choice(idx)
    # the chosen item's keys (name and short of one school)
    for i in range(first, min(first + 12, len(lines))):
        if i != first and re.match(r"\s*- id:", lines[i]):
            break
        m = re.match(rf"(\s+)({'|'.join(keys)}): ", lines[i])
        if m:
            lines[i] = f"{m.group(1)}{m.group(2)}: {yaml_dq(value)}"
    case.set_text(path, "\n".join(lines))
    return f"{path}:{first + 1}: {target} {value!r}"


# --- huge files (sparse: os.truncate, no data written) ----------------------------------------

GB = 1024 ** 3


@mutation("huge", weight=0.1)
def huge_material(rng, case):
    """A 5 GB or 400 MB material: its text, then zeros (a sparse file)."""
    docs = [p for p in case.documents() if p.startswith("Content/materials/")]
    if not docs:
        return None
    path = rng.choice(docs)
    size = rng.choice([5 * GB, 400 * 1024 * 1024])
    case.sparse[path] = (size, case.files.pop(path))
    return f"{path}: {size // (1024 * 1024)} MB (sparse)"


@mutation("huge", weight=0.1)
def huge_data(rng, case):
    """A 5 GB schools.yaml or plan file (sparse)."""
    choices = [p for p in ["Content/schools.yaml"] + case.paths("Content/plans/") if p in case.files]
    if not choices:
        return None
    path = rng.choice(choices)
    case.sparse[path] = (5 * GB, case.files.pop(path))
    return f"{path}: 5120 MB (sparse)"


@mutation("huge", weight=0.1)
def huge_attachment(rng, case):
    """A 5 GB attachment listed in front matter (sparse)."""
    index = folder_material(rng, case)
    if not index:
        return None
    path = index[: -len("index.md")] + "bolshoi-fail.pdf"
    if path in case.sparse:
        return None
    case.sparse[path] = (5 * GB, b"%PDF-1.4\n%fuzz\n")
    add_attachment(case, index, "bolshoi-fail.pdf", "Большой файл")
    return f"{path}: 5120 MB attachment (sparse)"


# --- bombs: hostile .docx files for okrug import-doc ------------------------------------------

W_NS = ('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
        'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
        'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
        'xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"')
CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/><Default Extension="png" ContentType="image/png"/>'
    '<Override PartName="/word/document.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>')
PACKAGE_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
    'officeDocument" Target="word/document.xml"/></Relationships>')
IMAGE_REL = ('<Relationship Id="rIdImg{n}" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
             'relationships/image" Target="media/image{n}.png"/>')


def docx_para(text: str) -> str:
    return f'<w:p><w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>'


def docx_picture(n: int, width: int, height: int) -> str:
    cx, cy = width * 9525, height * 9525
    return (f'<w:p><w:r><w:drawing><wp:inline><wp:extent cx="{cx}" cy="{cy}"/><wp:docPr id="{n}" name="Рисунок {n}"/>'
            '<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic>'
            f'<pic:nvPicPr><pic:cNvPr id="{n}" name="image{n}.png"/><pic:cNvPicPr/></pic:nvPicPr>'
            f'<pic:blipFill><a:blip r:embed="rIdImg{n}"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>'
            f'<pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{cx}" cy="{cy}"/></a:xfrm>'
            '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr></pic:pic></a:graphicData></a:graphic>'
            '</wp:inline></w:drawing></w:r></w:p>')


def png_chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def png(width: int, height: int, header_only: bool = False) -> bytes:
    out = b"\x89PNG\r\n\x1a\n" + png_chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
    if header_only:
        return out
    raw = b"".join(b"\x00" + b"\xff\x80\x00" * width for _ in range(height))
    return out + png_chunk(b"IDAT", zlib.compress(raw)) + png_chunk(b"IEND", b"")


def zip_entry(zf: zipfile.ZipFile, name: str, data: bytes | str) -> None:
    info = zipfile.ZipInfo(name, date_time=(2023, 2, 14, 10, 0, 0))
    info.compress_type = zipfile.ZIP_DEFLATED
    zf.writestr(info, data, compresslevel=9)


@functools.lru_cache(maxsize=None)
def bomb_docx(kind: str) -> bytes:
    """A hostile .docx (made once per process: the deflate bomb takes a second)."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zip_entry(zf, "[Content_Types].xml", CONTENT_TYPES)
        zip_entry(zf, "_rels/.rels", PACKAGE_RELS)
        head = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document {W_NS}><w:body>'
        tail = "</w:body></w:document>"
        title = docx_para("Фазз-документ: " + kind)
        if kind == "deflate":
            info = zipfile.ZipInfo("word/document.xml", date_time=(2023, 2, 14, 10, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            with zf.open(info, "w", force_zip64=False) as f:  # pandoc cannot read ZIP64
                f.write((head + title).encode())
                run = ("ха" * (1 << 19)).encode()  # 2 MiB, one repeated syllable: ≈1000:1
                for _ in range(128):  # 256 MiB of text in 128 paragraphs
                    f.write(b'<w:p><w:r><w:t xml:space="preserve">' + run + b"</w:t></w:r></w:p>")
                f.write(tail.encode())
            rels = ""
        elif kind == "pictures":
            count = 10000
            body = "".join(docx_picture(n, 1, 1) for n in range(1, count + 1))
            zip_entry(zf, "word/document.xml", head + title + body + tail)
            rels = "".join(IMAGE_REL.format(n=n) for n in range(1, count + 1))
            tiny = png(1, 1)
            for n in range(1, count + 1):
                zip_entry(zf, f"word/media/image{n}.png", tiny)
        elif kind == "plain":  # the baseline: a short document that must import
            body = "".join(docx_para(f"Абзац {n} методической разработки.") for n in range(1, 6))
            zip_entry(zf, "word/document.xml", head + title + body + tail)
            rels = ""
        else:  # one picture declared 50 000 × 50 000
            zip_entry(zf, "word/document.xml", head + title + docx_picture(1, 50000, 50000) + tail)
            rels = IMAGE_REL.format(n=1)
            zip_entry(zf, "word/media/image1.png", png(50000, 50000, header_only=True))
        zip_entry(zf, "word/_rels/document.xml.rels",
                  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships '
                  f'xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{rels}</Relationships>')
    return buf.getvalue()


def first_id(case: Case, path: str, preferred: str) -> str:
    ids = re.findall(r"^- id: (\S+)", BASE.get(path, b"").decode("utf-8", "replace"), re.M)
    return preferred if preferred in ids or not ids else ids[0]


def import_bomb(case: Case, kind: str, name: str) -> str | None:
    if not CONFIG.get("pandoc") or case.import_doc:
        return None  # the bombs group is skipped without pandoc; one import per case
    path = f"incoming/{name}"
    case.files[path] = bomb_docx(kind)
    case.import_doc = [path, "--content", "Content",
                       "--school", first_id(case, "Content/schools.yaml", "sosh13"),
                       "--direction", first_id(case, "Content/directions.yaml", "methodical"), "--kind", "seminar"]
    return f"okrug import-doc {path} ({len(case.files[path]) // 1024} KB: {kind})"


@mutation("bombs", weight=0.1)
def bomb_deflate(rng, case):
    """A .docx whose word/document.xml inflates to ≈256 MB."""
    return import_bomb(case, "deflate", rng.choice(["доклад.docx", "bomb.docx"]))


@mutation("bombs", weight=0.1)
def bomb_many_pictures(rng, case):
    """A .docx with 10 000 tiny pictures."""
    return import_bomb(case, "pictures", rng.choice(["фотоотчёт.docx", "pictures.docx"]))


@mutation("bombs", weight=0.1)
def bomb_huge_picture(rng, case):
    """A .docx with one picture declared 50 000 × 50 000 (a PNG header only)."""
    return import_bomb(case, "huge-picture", rng.choice(["схема.docx", "picture.docx"]))


MUTATION_BY_NAME = {name: (group, fn) for name, group, fn in MUTATIONS}


# ----------------------------------------------------------------------------- generation


def iteration_seeds(seed: int, count: int) -> list[int]:
    master = random.Random(seed)
    return [master.getrandbits(64) for _ in range(count)]


def make_case(base: dict[str, bytes], iter_seed: int, only: list[int] | None = None) -> Case:
    """The mutated case of one iteration. `only`: indexes of the mutations to keep (minimising);
    each mutation draws from its own generator, so dropping one does not change the others."""
    rng = random.Random(iter_seed)
    count = rng.randint(1, 3)
    allowed = CONFIG.get("allowed")  # --mutations: a subset (another sequence than the default)
    weights = [w if allowed is None or MUTATIONS[i][0] in allowed else 0 for i, w in enumerate(WEIGHTS)]
    picks = [(rng.choices(range(len(MUTATIONS)), weights)[0], rng.getrandbits(64)) for _ in range(count)]
    order = [i for i in range(len(MUTATIONS)) if allowed is None or MUTATIONS[i][0] in allowed]
    case = Case(base)
    for index, (choice, sub_seed) in enumerate(picks):
        if only is not None and index not in only:
            continue
        sub = random.Random(sub_seed)
        detail = None
        for attempt in range(8):
            name, group, fn = MUTATIONS[order[(order.index(choice) + attempt) % len(order)]]
            try:
                detail = fn(sub, case)
            except (IndexError, ValueError, KeyError):
                detail = None  # nothing left to mutate (e.g. every document deleted)
            if detail:
                case.applied.append((name, detail))
                break
    return case


def materialize(case: Case, top: Path) -> list[str]:
    """Writes the case: the scratch folder top/site (where okrug runs) and top/secret (outside it)."""
    problems = []
    dest = top / SITE
    dest.mkdir(parents=True, exist_ok=True)
    for path, data in sorted(case.outside.items()):
        full = top / path
        try:
            full.parent.mkdir(parents=True, exist_ok=True)
            full.write_bytes(data)
        except (OSError, UnicodeError) as e:
            problems.append(f"write outside {path!r}: {getattr(e, 'strerror', None) or e}")
    for d in sorted(case.dirs):
        try:
            os.makedirs(dest / d, exist_ok=True)
        except (OSError, UnicodeError) as e:
            problems.append(f"mkdir {d!r}: {getattr(e, 'strerror', None) or e}")
    for path, data in sorted(case.files.items()):
        full = os.path.join(str(dest), path)
        try:
            os.makedirs(os.path.dirname(full), exist_ok=True)
            with open(full, "wb") as f:
                f.write(data)
        except (OSError, UnicodeError) as e:
            problems.append(f"write {path!r}: {getattr(e, 'strerror', None) or e}")
    for path, (size, prefix) in sorted(case.sparse.items()):
        full = os.path.join(str(dest), path)
        try:
            os.makedirs(os.path.dirname(full), exist_ok=True)
            with open(full, "wb") as f:
                f.write(prefix)
            os.truncate(full, size)  # a hole: no blocks are used
        except (OSError, UnicodeError) as e:
            problems.append(f"sparse {path!r}: {getattr(e, 'strerror', None) or e}")
    for path in sorted(case.fifos):
        full = os.path.join(str(dest), path)
        try:
            os.makedirs(os.path.dirname(full), exist_ok=True)
            os.mkfifo(full)
        except (OSError, UnicodeError) as e:
            problems.append(f"mkfifo {path!r}: {getattr(e, 'strerror', None) or e}")
    for path, (major, minor) in sorted(case.devices.items()):
        full = os.path.join(str(dest), path)
        try:
            os.makedirs(os.path.dirname(full), exist_ok=True)
            os.mknod(full, 0o644 | stat.S_IFCHR, os.makedev(major, minor))
        except (OSError, UnicodeError) as e:
            problems.append(f"mknod {path!r}: {getattr(e, 'strerror', None) or e}")
    for path, target in sorted(case.symlinks.items()):
        full = os.path.join(str(dest), path)
        try:
            os.makedirs(os.path.dirname(full), exist_ok=True)
            os.symlink(target, full)
        except (OSError, UnicodeError) as e:
            problems.append(f"symlink {path!r}: {getattr(e, 'strerror', None) or e}")
    return problems


def write_after_prebuild(case: Case, folder: Path) -> None:
    for path, data in sorted(case.after_prebuild.items()):
        full = folder / path
        try:
            full.parent.mkdir(parents=True, exist_ok=True)
            full.write_bytes(data)
        except OSError:
            pass  # the first build failed and Public is something else: the loss check still holds


def remove_scratch(top: Path) -> None:
    """Removes an iteration's folder, never following a symlink (okrug may have left odd things)."""
    shutil.rmtree(top, ignore_errors=True)
    if os.path.lexists(top):
        subprocess.run(["rm", "-rf", "--one-file-system", "--", str(top)], check=False)


# ----------------------------------------------------------------------------- snapshots


def fingerprint(path: str, st: os.stat_result) -> tuple:
    mode = st.st_mode
    if stat.S_ISLNK(mode):
        try:
            return ("link", os.readlink(path))
        except OSError:
            return ("link", "?")
    if stat.S_ISREG(mode):
        digest = hashlib.sha256()
        try:
            with open(path, "rb") as f:
                if st.st_size <= 16 * 1024 * 1024:
                    digest.update(f.read())
                else:  # a sparse giant: its first MiB, its size and its mtime
                    digest.update(f.read(1024 * 1024))
                    digest.update(str(st.st_mtime_ns).encode())
        except OSError as e:
            digest.update(f"unreadable {e.errno}".encode())
        return ("file", st.st_size, digest.hexdigest())
    if stat.S_ISFIFO(mode):
        return ("fifo",)
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return ("device", st.st_rdev)
    return ("other", stat.S_IFMT(mode))


def snapshot(folder: Path) -> dict[str, tuple]:
    """Relative path → fingerprint of every non-folder entry in `folder` (symlinks not followed),
    without okrug's cache (.okrug-cache/) and its leftovers beside an output (.X.lock, .X.new-*)."""
    result: dict[str, tuple] = {}

    def walk(d: str, rel: str) -> None:
        try:
            entries = sorted(os.scandir(d), key=lambda e: e.name)
        except OSError:
            return
        for e in entries:
            if e.name == ".okrug-cache" or LEFTOVER_RE.match(e.name):
                continue
            try:
                st = e.stat(follow_symlinks=False)
            except OSError:
                continue
            if stat.S_ISDIR(st.st_mode):
                walk(e.path, rel + e.name + "/")
            else:
                result[rel + e.name] = fingerprint(e.path, st)

    if os.path.isdir(folder) and not os.path.islink(folder):
        walk(str(folder), "")
    return result


def losses(before: dict[str, tuple], after: dict[str, tuple], seen: set[str]) -> list[str]:
    """Snapshotted files now missing or changed (each reported once)."""
    out = []
    for path, fp in sorted(before.items()):
        if path in seen:
            continue
        now = after.get(path)
        if now != fp:
            seen.add(path)
            out.append(f"{path} {'deleted' if now is None else 'changed'}")
    return out


# ----------------------------------------------------------------------------- running


@dataclasses.dataclass
class Run:
    argv: list[str]
    status: int | None  # None: timed out
    output: str
    seconds: float


def child_limits(memory_mb: int):
    def apply():
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
        if memory_mb > 0:
            limit = memory_mb * 1024 * 1024
            resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    return apply


def run_okrug(argv: list[str], cwd: Path, timeout: float, memory_mb: int,
              extra_env: dict[str, str] | None = None) -> Run:
    env = dict(os.environ)
    env["SOURCE_DATE_EPOCH"] = SOURCE_DATE_EPOCH
    env["SWIFT_BACKTRACE"] = "enable=no"  # crash examples are re-run under gdb instead
    env.setdefault("LANG", "C.UTF-8")
    env["OKRUG_FUZZ_SECRET"] = ENV_SECRET  # any /proc/self/environ that reaches the output shows
    if CONFIG.get("pandoc"):
        env["OKRUG_PANDOC"] = CONFIG["pandoc"]
    if CONFIG.get("okrug_threads"):
        env["OKRUG_THREADS"] = str(CONFIG["okrug_threads"])
    # LibreOffice takes seconds per office file and each case starts with an empty cache: the
    # harness runs okrug without it (okrug then warns once) unless OKRUG_SOFFICE is given.
    env.setdefault("OKRUG_SOFFICE", "/nonexistent/okrug-fuzz-no-soffice")
    # The same for OCR of the sample's scanned order (seconds per case): unless OKRUG_TESSERACT is given.
    env.setdefault("OKRUG_TESSERACT", "/nonexistent/okrug-fuzz-no-tesseract")
    env.update(extra_env or {})
    # okrug starts pandoc (and pdftoppm) in a session of their own, out of reach of killpg: they
    # inherit this token, by which the ones left behind are found and killed.
    token = f"{os.getpid()}-{next(RUN_COUNTER)}"
    env["OKRUG_FUZZ_RUN"] = token
    start = time.monotonic()
    proc = subprocess.Popen(argv, cwd=cwd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, env=env, start_new_session=True,
                            preexec_fn=child_limits(memory_mb))
    try:
        out, _ = proc.communicate(timeout=timeout)
        status = proc.returncode
    except subprocess.TimeoutExpired:
        kill_strays(token)
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        out, _ = proc.communicate()
        status = None
    if status is None or status < 0 or "import-doc" in argv:
        kill_strays(token)
    return Run(argv, status, out.decode("utf-8", "replace"), time.monotonic() - start)


RUN_COUNTER = itertools.count()


def kill_strays(token: str) -> None:
    """SIGKILL every process whose environment holds OKRUG_FUZZ_RUN=<token>."""
    needle = f"\0OKRUG_FUZZ_RUN={token}\0".encode()
    for entry in os.listdir("/proc"):
        if not entry.isdigit() or int(entry) == os.getpid():
            continue
        try:
            with open(f"/proc/{entry}/environ", "rb") as f:
                env = b"\0" + f.read()
        except OSError:
            continue
        if needle in env or env.endswith(needle[:-1]):
            try:
                os.kill(int(entry), signal.SIGKILL)
            except OSError:
                pass


def build_argv(okrug: str, output: str = "Public") -> list[str]:
    return [okrug, "build", "--content", "Content", "--templates", "Templates", "--output", output, "--no-search"]


def commands(okrug: str, case: Case | None = None) -> list[tuple[str, list[str]]]:
    """(name, argv) of the runs of a case: check, build, and import-doc for the bombs group."""
    runs = [("check", [okrug, "check", "--content", "Content", "--templates", "Templates"]),
            ("build", build_argv(okrug, case.output if case else "Public"))]
    if case and case.import_doc:
        runs.append(("import-doc", [okrug, "import-doc"] + case.import_doc))
    return runs


def regular(path: str) -> bool:
    """A regular file (never open a FIFO or a device by accident: it would block or never end)."""
    try:
        return stat.S_ISREG(os.stat(path).st_mode)
    except OSError:
        return False


def read_head(path: str, limit: int = 16 * 1024 * 1024) -> bytes:
    try:
        with open(path, "rb") as f:
            return f.read(limit)
    except OSError:
        return b""


def output_files(public: Path) -> list[tuple[str, str]]:
    """(path relative to the output, full path) of every file in it, and of every symlink to a
    folder (listed, not followed), in a sorted walk."""
    files = []
    prefix = len(str(public)) + 1
    for dirpath, dirnames, filenames in os.walk(public):
        dirnames.sort()
        links = [d for d in dirnames if os.path.islink(os.path.join(dirpath, d))]
        for name in sorted(filenames) + links:
            full = os.path.join(dirpath, name)
            files.append((full[prefix:], full))
    return files


def output_pages(public: Path, files: list[tuple[str, str]] | None = None) -> dict[str, bytes]:
    """Path relative to the output → bytes of every .html file in it."""
    return {rel: read_head(full) for rel, full in (output_files(public) if files is None else files)
            if rel.endswith(".html") and regular(full)}


def output_html(public: Path) -> bytes:
    return b"\n".join(output_pages(public).values())


def is_draft(data: bytes) -> bool:
    head = data[:20000]
    end = head.find(b"\n---", 3)
    fm = head[: end if end > 0 else len(head)]
    return re.search(rb"(?m)^\s*draft\s*:", fm) is not None


def classify(case: Case, runs: dict[str, Run], folder: Path, timeout: float,
             lost: list[tuple[str, str]] | None = None,
             before: dict[str, tuple] | None = None) -> list[tuple[str, str, str]]:
    """[(class, command, detail)]; empty means ok. `folder` is the scratch folder, `lost` the
    data-loss findings of the runs (command, detail), `before` the snapshot taken before them."""
    found = []
    # as okrug reads --output: `Content/..` is the scratch folder even after Content/ is gone
    public = Path(os.path.normpath(folder / case.output))
    all_output = "\n".join(r.output for r in runs.values())
    for name, r in runs.items():
        if r.status is None:
            found.append(("hang", name, f"no exit after {timeout:g} s"))
            continue
        if r.status < 0:
            sig = -r.status
            try:
                signame = signal.Signals(sig).name
            except ValueError:
                signame = str(sig)
            found.append(("crash", name, f"signal {signame}"))
        elif r.status not in (0, 1):
            found.append(("crash", name, f"exit status {r.status}"))
        line = english_prose(r.output)
        if line:
            found.append(("english-text", name, line[:300]))
        if r.status == 1 and not explained(r.output, case):
            found.append(("unexplained-error", name, first_lines(r.output, 1)))
    for cmd, detail in lost or []:
        found.append(("data-loss", cmd, detail))
    check, build, prebuild = runs.get("check"), runs.get("build"), runs.get("prebuild")
    default_output = case.output.rstrip("/") == "Public" and "Public" not in case.symlinks
    if check and build and check.status == 0 and build.status == 1 and default_output and not case.after_prebuild:
        # (check cannot know --output, nor a user's file in the output)
        found.append(("check-build-mismatch", "build", first_lines(build.output, 1)))
    if case.rebuild_must_succeed and default_output and not case.after_prebuild \
            and prebuild and prebuild.status == 0 and build and build.status == 1:
        found.append(("rebuild-refused", "build", first_lines(build.output, 1)))
    if case.hostile_output and build and build.status == 0:
        found.append(("unsafe-output", "build", f"the site was written into {case.output!r} (exit 0)"))
    if case.special and build and build.status is not None and build.status >= 0:
        named = [p for p in case.special if p in all_output]
        if build.status == 0:
            found.append(("special-file", "build", f"{', '.join(case.special)}: accepted (exit 0)"))
        elif build.status == 1 and not named and not re.search(r"(?m): error: ", build.output):
            # (another file's error may stop okrug before it reads the special one)
            found.append(("special-file", "build", f"{', '.join(case.special)}: not named in the error"))
    # A changed theme may legitimately leave text out of the pages (an empty layout): the
    # lost-text check only holds with the original templates.
    theme_changed = any(p.startswith("Templates/") for p in case.symlinks) or any(
        case.files.get(p) != BASE.get(p) for p in set(case.files) | set(BASE) if p.startswith("Templates/"))
    if build and build.status == 0:
        files = output_files(public)
        pages = output_pages(public, files)
        html = b"\n".join(pages.values())
        if b"FUZZMARKO" in html:
            found.append(("outside-leak", "build", "a file outside Content/ was published"))
        for path in sorted(case.files):
            if theme_changed or not is_document(path) or path in case.symlinks:
                continue
            data = case.files[path]
            marks = sorted(set(MARK_RE.findall(data)))
            marks = [m for m in marks if not m.startswith(b"FUZZMARKO")]
            if not marks or is_draft(data):
                continue
            if path in all_output:
                continue
            missing = [m.decode() for m in marks if m not in html]
            if missing:
                found.append(("lost-text", "build", f"{path}: {', '.join(missing)} not in output"))
        for detail in secret_leaks(files):
            found.append(("secret-leak", "build", detail))
        if not unsafe_html_allowed(case):
            for detail in unsafe_links(pages):
                found.append(("unsafe-link", "build", detail))
        for detail in broken_attachments(pages, public, case.attachment_tokens):
            found.append(("broken-attachment", "build", detail))
        for detail in csv_formulas(files):
            found.append(("csv-formula", "build", detail))
    if before is not None:
        detail = unbounded(folder, before)
        if detail:
            found.append(("unbounded", "import-doc" if "import-doc" in runs else "build", detail))
    return found


def explained(output: str, case: Case) -> bool:
    """A line naming a file: `Content/...: <Russian>`, or one naming the --output folder or the
    imported document."""
    if DIAG_RE.search(output) or LOOSE_DIAG_RE.search(output):
        return True
    names = []
    if case.output not in ("Public", "Public/"):
        names.append(case.output)
        if case.output.rstrip("/"):
            names.append(case.output.rstrip("/"))
    if case.import_doc:
        names += [case.import_doc[0], os.path.basename(case.import_doc[0]), "okrug import-doc"]
    for line in output.splitlines():
        if not re.search(f"[{CYR}]", line):
            continue
        for n in names:
            # the name as a path at the line's start, «quoted», or as the --output argument
            if re.match(rf"{re.escape(n)}(?:[:/ ]|$)", line) or f"«{n}»" in line or f"«{n}/»" in line \
                    or f"--output {n}" in line or (len(n) > 2 and n in line):
                return True
    return False


def secret_leaks(files: list[tuple[str, str]]) -> list[str]:
    """Output files (or symlinks in the output) holding a SECRETMARK/SECRETENV marker."""
    found = []
    for rel, full in files:
        link = os.path.islink(full)
        if link and os.path.isdir(full):
            found.append(f"{rel}: a symlink to the folder {os.readlink(full)!r} was published")
            continue
        if not regular(full):
            continue
        m = SECRET_RE.search(read_head(full))
        if m:
            how = f" (a symlink to {os.readlink(full)!r})" if link else ""
            found.append(f"{rel}{how} holds {m.group(0).decode()}")
    return found[:5]


def unsafe_html_allowed(case: Case) -> bool:
    """site.yaml's unsafe_html: true lets raw HTML (and its links) through by the author's choice."""
    site = case.files.get("Content/site.yaml", b"")
    return re.search(rb"(?mi)^unsafe_html:\s*true\s*$", site) is not None


def attribute_urls(page: bytes) -> list[str]:
    """The href and src values of a page that could name a scheme (with `:` or a character
    reference), HTML-unescaped. (Found in the lower-cased bytes, several times faster than re.I
    on text, and read from the page itself.)"""
    urls = []
    lowered = page.lower()
    for pattern in ATTR_BYTES_RES:
        for m in pattern.finditer(lowered):
            group = m.lastindex
            low = m.group(group)
            if b":" not in low and b"&" not in low:
                continue
            value = page[m.start(group):m.end(group)].decode("utf-8", "replace")
            urls.append(htmllib.unescape(value) if "&" in value else value)
    return urls


C0_AND_SPACE = "".join(chr(c) for c in range(0x21))


def is_unsafe_url(url: str) -> bool:
    if ":" not in url:
        return False
    # As a browser: leading C0 controls and spaces go, tabs and line ends anywhere are dropped.
    url = url.replace("\t", "").replace("\n", "").replace("\r", "").lstrip(C0_AND_SPACE)
    return UNSAFE_SCHEME_RE.match(url) is not None


def unsafe_links(pages: dict[str, bytes]) -> list[str]:
    found = []
    for rel, page in pages.items():
        for url in attribute_urls(page):
            if is_unsafe_url(url) and url not in CONFIG.get("baseline_unsafe", ()):
                found.append(f"{rel}: {url[:120]!r}")
    return found[:5]


def broken_attachments(pages: dict[str, bytes], public: Path, tokens: set[str]) -> list[str]:
    """Links whose text holds an attachment's title (a token) that name no file of the output."""
    found = []
    if not tokens:
        return found
    for rel, page in pages.items():
        text = page.decode("utf-8", "replace")
        if not any(t in text for t in tokens):
            continue
        for m in ANCHOR_RE.finditer(text):
            if not any(t in m.group(2) for t in tokens):
                continue
            attr = re.search(r"""\bhref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""", m.group(1), re.I)
            if not attr:
                continue
            href = htmllib.unescape(next(g for g in attr.groups() if g is not None))
            problem = broken_link(href, rel, public)
            if problem:
                found.append(f"{rel}: href {href[:100]!r} {problem}")
    return sorted(set(found))[:5]


def broken_link(href: str, page: str, public: Path) -> str | None:
    """Why `href` on `page` names no file of the output (as a browser resolves it), or None."""
    if SCHEME_RE.match(href):
        return "has a scheme"
    path = re.split(r"[#?]", href, maxsplit=1)[0]
    if not path:
        return "is empty before # or ?"
    try:
        decoded = urllib.parse.unquote(path, errors="strict")
    except UnicodeDecodeError:
        return "is not UTF-8 after percent-decoding"
    if decoded.startswith("/"):
        target = decoded.lstrip("/")
    else:
        target = posixpath_join(os.path.dirname(page), decoded)
    if target.startswith("../") or target == "..":
        return "leaves the site"
    full = os.path.join(public, target)
    if os.path.isdir(full):
        return None if os.path.isfile(os.path.join(full, "index.html")) else f"→ folder {target!r} without index.html"
    return None if os.path.lexists(full) else f"→ {target!r} does not exist"


def posixpath_join(base: str, rel: str) -> str:
    return posixpath.normpath(posixpath.join(base, rel)) if base else posixpath.normpath(rel)


def csv_formulas(files: list[tuple[str, str]]) -> list[str]:
    """Cells of results.csv that a spreadsheet would run as a formula (OWASP CSV injection)."""
    found = []
    for rel, full in files:
        if os.path.basename(rel) != "results.csv" or not regular(full):
            continue
        text = read_head(full).decode("utf-8-sig", "replace")
        for row_no, row in enumerate(csv.reader(io.StringIO(text, newline=""), delimiter=";"), 1):
            for cell in row:
                if cell[:1] in ("=", "+", "-", "@", "\t", "\r") and not PLAIN_NUMBER_RE.match(cell):
                    found.append(f"{rel}:{row_no}: {cell[:80]!r}")
    return found[:5]


def unbounded(folder: Path, before: dict[str, tuple]) -> str | None:
    """A file over BIG_FILE (or more than BIG_TOTAL in all) newly written into Content/."""
    total, big = 0, []
    for dirpath, dirnames, filenames in os.walk(folder / "Content"):
        dirnames.sort()
        for name in sorted(filenames):
            full = os.path.join(dirpath, name)
            try:
                st = os.lstat(full)
            except OSError:
                continue
            rel = os.path.relpath(full, folder)
            old = before.get(rel)
            if not stat.S_ISREG(st.st_mode) or (old and old[0] == "file" and old[1] == st.st_size):
                continue
            total += min(st.st_size, st.st_blocks * 512)  # a sparse file counts what it uses
            if st.st_size > BIG_FILE:
                big.append(f"{rel} ({st.st_size // (1024 * 1024)} MB)")
    if big:
        return "written into Content/: " + ", ".join(big[:3])
    if total > BIG_TOTAL:
        return f"{total // (1024 * 1024)} MB written into Content/"
    return None


def clean(text: str) -> str:
    """Printable: control characters, odd separators and lone surrogates as escapes."""
    out = []
    for ch in text:
        o = ord(ch)
        if o < 0x20 or 0x7F <= o <= 0x9F or o in (0x2028, 0x2029, 0x202E, 0xFEFF) \
                or 0xD800 <= o <= 0xDFFF:
            out.append(f"\\x{o:02x}" if o < 0x100 else f"\\u{o:04x}")
        else:
            out.append(ch)
    return "".join(out)


def english_prose(output: str) -> str | None:
    """The first output line with English prose, or None."""
    for line in output.splitlines():
        # A very long line (a huge value quoted back) would make the regexes below quadratic.
        line = line[:4000]
        m = ENGLISH_RE.search(line)
        if m:
            return line
        text = re.sub(r"«[^»]*»", "«»", line)
        text = re.sub(r"\S*[/\\.:_=<>{}*#]\S*", " ", text)
        if ENGLISH_WORDS_RE.search(text):
            return line
    return None


def first_lines(text: str, n: int = 6, width: int = 240) -> str:
    lines = [clean(l) for l in text.splitlines() if l.strip()][:n]
    return "\n".join(l if len(l) <= width else l[:width] + "…" for l in lines)


# ----------------------------------------------------------------------------- worker

CONFIG: dict = {}
BASE: dict[str, bytes] = {}


def init_worker(config, base):
    CONFIG.update(config)
    BASE.update(base)
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def run_case(case: Case, top: Path) -> tuple[list, dict[str, Run], list[str]]:
    """Materialises the case under `top`, runs okrug in top/site and classifies."""
    problems = materialize(case, top)
    findings, runs = execute(case, top)
    return findings, runs, problems


def execute(case: Case, top: Path) -> tuple[list, dict[str, Run]]:
    """Runs the commands of a materialised case in top/site; (findings, runs)."""
    folder = top / SITE
    runs: dict[str, Run] = {}
    lost: list[tuple[str, str]] = []
    seen: set[str] = set()
    before = snapshot(folder)
    timeout, memory = CONFIG["timeout"], CONFIG["memory_mb"]
    if case.prebuild:
        runs["prebuild"] = run_okrug(build_argv(CONFIG["okrug"]), folder, timeout, memory, case.env)
        lost += [("prebuild", d) for d in losses(before, snapshot(folder), seen)]
        write_after_prebuild(case, folder)
        # okrug's own earlier output is okrug's to replace; the user's files (and CNAME) are not
        now = snapshot(folder)
        before = {p: fp for p, fp in now.items() if p in before or p in case.after_prebuild}
    for name, argv in commands(CONFIG["okrug"], case):
        if name == "build" and runs["check"].status is None and not CONFIG.get("always_build"):
            continue  # the same input hangs the same load stage; save the second timeout
        runs[name] = run_okrug(argv, folder, timeout, memory, case.env)
        lost += [(name, d) for d in losses(before, snapshot(folder), seen)]
    lost = [(cmd, f"{len([d for c, d in lost if c == cmd])} files: " +
             ", ".join(d for c, d in lost if c == cmd)[:300]) for cmd in dict.fromkeys(c for c, _ in lost)]
    return classify(case, runs, folder, timeout, lost, before), runs


def shell_quote(arg: str) -> str:
    return arg if re.fullmatch(r"[\w./:=+-]+", arg) else "'" + arg.replace("'", "'\\''") + "'"


def command_lines(case: Case, okrug: str = '"$OKRUG"') -> list[str]:
    """The shell commands of a case, run in its scratch folder."""
    lines = []
    if case.prebuild:
        lines.append(" ".join([okrug] + build_argv("okrug")[1:]) + '; echo "exit $?"')
        if case.after_prebuild:
            lines.append("cp -a ../after-prebuild/. .  # the user's files added after the first build")
    if case.env:
        lines.append("export " + " ".join(f"{k}={shell_quote(v)}" for k, v in sorted(case.env.items())))
    for _, argv in commands("okrug", case):
        lines.append(" ".join([okrug] + [shell_quote(a) for a in argv[1:]]) + '; echo "exit $?"')
    return lines


def keep_case(case: Case, keep: Path, label: str, info: str) -> Path:
    """The case's inputs (written afresh: FIFOs, devices and sparse files as they were) with
    commands.sh and info.txt."""
    dest = keep / label
    remove_scratch(dest)
    dest.mkdir(parents=True)
    materialize(case, dest)
    for path, data in case.after_prebuild.items():
        full = dest / "after-prebuild" / path
        full.parent.mkdir(parents=True, exist_ok=True)
        full.write_bytes(data)
    script = ["#!/bin/sh", "# re-run this case; okrug path may be passed as $1",
              f'OKRUG="${{1:-{CONFIG["okrug"]}}}"', f'cd "$(dirname "$0")/{SITE}"',
              f"export SOURCE_DATE_EPOCH={SOURCE_DATE_EPOCH} OKRUG_FUZZ_SECRET={ENV_SECRET}"]
    if CONFIG.get("pandoc"):
        script.append(f"export OKRUG_PANDOC={shell_quote(CONFIG['pandoc'])}")
    script += command_lines(case)
    (dest / "commands.sh").write_text("\n".join(script) + "\n")
    os.chmod(dest / "commands.sh", 0o755)
    (dest / "info.txt").write_text(info)
    return dest


def worker(job: tuple[int, int]) -> dict:
    try:
        return run_iteration(job)
    except Exception as e:  # a harness bug must not end the whole run
        iteration, _ = job
        return {"iteration": iteration, "mutations": [], "problems": [],
                "findings": [("harness-error", "harness", f"{type(e).__name__}: {e}")],
                "status": {}, "seconds": {}, "output": {}, "commands": {}}


def run_iteration(job: tuple[int, int]) -> dict:
    iteration, iter_seed = job
    case = make_case(BASE, iter_seed)
    top = Path(tempfile.mkdtemp(prefix=f"i{iteration}-", dir=CONFIG["workdir"]))
    try:
        findings, runs, problems = run_case(case, top)
        result = {
            "iteration": iteration,
            "mutations": case.applied,
            "findings": findings,
            "problems": problems,
            "status": {n: r.status for n, r in runs.items()},
            "seconds": {n: r.seconds for n, r in runs.items()},
            "output": {n: first_lines(r.output) for n, r in runs.items()},
            "commands": shown_commands(case),
        }
        if findings and CONFIG.get("keep"):
            info = describe(result, CONFIG["seed"])
            keep_case(case, Path(CONFIG["keep"]), f"s{CONFIG['seed']}-i{iteration}", info)
        return result
    finally:
        remove_scratch(top)


def shown_commands(case: Case) -> dict[str, str]:
    """Run name → the command line as the summary shows it."""
    shown = {"prebuild": " ".join(build_argv("okrug"))} if case.prebuild else {}
    for name, argv in commands("okrug", case):
        shown[name] = " ".join(["okrug"] + [shell_quote(a) for a in argv[1:]])
    return shown


def describe(result: dict, seed: int) -> str:
    subset = f" --mutations {CONFIG['mutations']}" if CONFIG.get("mutations") else ""
    lines = [f"seed {seed} iteration {result['iteration']}  (replay: --replay {seed}:{result['iteration']}{subset})"]
    for name, detail in result["mutations"]:
        lines.append(f"  mutation {name}: {clean(detail)}")
    for p in result.get("problems", []):
        lines.append(f"  (harness could not create: {p})")
    for cls, cmd, detail in result["findings"]:
        lines.append(f"  {cls} in `{cmd}`: {clean(detail)}")
    shown = result.get("commands") or {n: n for n in ("check", "build")}
    for cmd, argv in shown.items():
        if cmd not in result["status"]:
            lines.append(f"  $ {clean(argv)}   → not run (check timed out)")
            continue
        lines.append(f"  $ {clean(argv)}   → exit {result['status'].get(cmd)}")
        out = result["output"].get(cmd, "")
        for l in out.splitlines():
            lines.append("      " + l)
    return "\n".join(lines) + "\n"


# ----------------------------------------------------------------------------- grouping


def normalise(text: str) -> str:
    text = re.sub(r"FUZZMARK\w+", "MARK", text)
    text = re.sub(r"/tmp/[^\s:)]*", "/TMP", text)
    text = re.sub(r"Content/[^:\n]*", "Content/…", text)
    text = re.sub(r"Templates/[^:\n]*", "Templates/…", text)
    text = re.sub(r"\d+", "N", text)
    return text[:160]


def signature(result: dict, cls: str, cmd: str, detail: str) -> tuple:
    out = result["output"].get(cmd, "")
    if cls == "crash":
        fatal = next((l for l in out.splitlines() if "Fatal error" in l or "fatal" in l.lower()), "")
        return (cls, cmd, detail, normalise(fatal))
    if cls == "hang":
        return (cls, cmd, "timeout", "")
    if cls in ("lost-text", "outside-leak", "secret-leak", "unsafe-link", "broken-attachment", "csv-formula"):
        return (cls, cmd, "", "")
    if cls in ("data-loss", "unsafe-output", "special-file", "unbounded"):
        return (cls, cmd, normalise(detail)[:60], "")
    if cls == "english-text":
        return (cls, cmd, normalise(detail), "")
    return (cls, cmd, normalise(first_lines(out, 1)), "")


def pick_count(iter_seed: int) -> int:
    """How many mutations iteration `iter_seed` draws (as in make_case)."""
    return random.Random(iter_seed).randint(1, 3)


def worker_single(job: tuple[int, int, int]) -> dict:
    """One mutation of a failing iteration alone, to find which one causes each finding."""
    iteration, iter_seed, index = job
    case = make_case(BASE, iter_seed, only=[index])
    top = Path(tempfile.mkdtemp(prefix=f"min{iteration}-", dir=CONFIG["workdir"]))
    try:
        findings, runs, _ = run_case(case, top)
        return {"iteration": iteration, "index": index, "mutations": case.applied, "findings": findings,
                "status": {n: r.status for n, r in runs.items()},
                "output": {n: first_lines(r.output) for n, r in runs.items()}}
    finally:
        remove_scratch(top)


def crash_trace(iter_seed: int, only: int | None, command: str) -> str:
    case = make_case(BASE, iter_seed, only=None if only is None else [only])
    top = Path(tempfile.mkdtemp(prefix="bt-", dir=CONFIG["workdir"]))
    try:
        return gdb_trace(case, top, command)
    finally:
        remove_scratch(top)


def gdb_trace(case: Case, top: Path, command: str) -> str:
    """The signal, any `Fatal error` line and the first distinct source frames under gdb."""
    gdb = shutil.which("gdb")
    if not gdb:
        return ""
    materialize(case, top)
    folder = top / SITE
    if case.prebuild:
        run_okrug(build_argv(CONFIG["okrug"]), folder, CONFIG["timeout"], CONFIG["memory_mb"], case.env)
        write_after_prebuild(case, folder)
    argv = dict(commands(CONFIG["okrug"], case)).get(command) or build_argv(CONFIG["okrug"])
    run = run_okrug([gdb, "-q", "-batch", "-ex", "run", "-ex", "bt 60", "--args"] + argv, folder, 180,
                    CONFIG["memory_mb"] * 3 if CONFIG["memory_mb"] else 0, case.env)
    return frames(run.output)


def frames(output: str, n: int = 8) -> str:
    """From gdb's output: the signal, `Fatal error` lines, and up to `n` distinct frames."""
    keep, seen = [], set()
    demangle = shutil.which("swift-demangle")
    for line in output.splitlines():
        if "received signal" in line or "Fatal error" in line:
            keep.append(clean(line.strip())[:200])
    for m in re.finditer(r"^#\d+\s+(?:0x[0-9a-f]+ in )?(\S+) .*? at (\S+):(\d+)", output, re.M):
        symbol, file, line = m.group(1), m.group(2), m.group(3)
        where = f"{file.split('/Sources/')[-1]}:{line}"
        if where in seen:
            continue
        seen.add(where)
        if demangle and symbol.startswith("$s"):
            try:
                symbol = subprocess.run([demangle, "--simplified", "--compact", symbol], capture_output=True,
                                        text=True, timeout=10).stdout.strip() or symbol
            except (OSError, subprocess.SubprocessError):
                pass
        keep.append(f"{where}  {symbol[:120]}")
        if len(seen) >= n:
            break
    return "\n".join(keep)


# ----------------------------------------------------------------------------- main


def default_okrug() -> str:
    release = ROOT / ".build/release/okrug"
    return str(release if release.exists() else ROOT / ".build/debug/okrug")


def baseline(base: dict[str, bytes]) -> tuple[bool, str]:
    """Runs the unmutated corpus: it must be clean. Notes the javascript:/data:/vbscript: links of
    its output, which unsafe-link then allows."""
    case = Case(base)
    top = Path(tempfile.mkdtemp(prefix="base-", dir=CONFIG["workdir"]))
    try:
        findings, runs, problems = run_case(case, top)
        pages = output_pages(top / SITE / "Public")
        CONFIG["baseline_unsafe"] = sorted({u for p in pages.values() for u in attribute_urls(p) if is_unsafe_url(u)})
        findings = [f for f in findings if f[0] != "unsafe-link"]
        html = b"\n".join(pages.values())
        marks = sorted({m for d in base.values() for m in MARK_RE.findall(d)})
        missing = [m.decode() for m in marks if m not in html]
        ok = not findings and all(r.status == 0 for r in runs.values()) and not missing and not problems
        text = "\n".join(f"{n}: exit {r.status} ({r.seconds:.2f} s)\n{first_lines(r.output, 12)}" for n, r in runs.items())
        text += "".join(f"\n{c} in {k}: {d}" for c, k, d in findings)
        if missing:
            text += f"\nmarkers missing from the unmutated output: {missing}"
        return ok, text
    finally:
        remove_scratch(top)


def import_works() -> str | None:
    """None if okrug import-doc imports a plain .docx, else why not (the bombs group is skipped)."""
    case = Case(BASE)
    import_bomb(case, "plain", "plain.docx")
    top = Path(tempfile.mkdtemp(prefix="import-", dir=CONFIG["workdir"]))
    try:
        materialize(case, top)
        argv = dict(commands(CONFIG["okrug"], case))["import-doc"]
        run = run_okrug(argv, top / SITE, CONFIG["timeout"] * 3, CONFIG["memory_mb"])
        written = [p for p in glob.glob(str(top / SITE / "Content/materials/*/index.md"))
                   if os.path.relpath(p, top / SITE) not in case.files]
        if run.status == 0 and written:
            return None
        return f"okrug import-doc of a plain .docx: exit {run.status}: {first_lines(run.output, 2)}"
    finally:
        remove_scratch(top)


def find_pandoc() -> str | None:
    """OKRUG_PANDOC, else pandoc in .venv of this project or of the main worktree, else on PATH."""
    if os.environ.get("OKRUG_PANDOC"):
        return os.environ["OKRUG_PANDOC"]
    roots = [ROOT]
    try:
        common = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--path-format=absolute", "--git-common-dir"],
                                capture_output=True, text=True, timeout=10).stdout.strip()
        if common:
            roots.append(Path(common).parent)
    except (OSError, subprocess.SubprocessError):
        pass
    for root in roots:
        found = sorted(glob.glob(str(root / ".venv/lib/python*/site-packages/pypandoc/files/pandoc")))
        if found and os.access(found[-1], os.X_OK):
            return found[-1]
    return shutil.which("pandoc")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--iterations", type=int, default=100)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--okrug", default=None)
    ap.add_argument("--timeout", type=float, default=10.0)
    ap.add_argument("--keep", default=None)
    ap.add_argument("--corpus", choices=["small", "full"], default="small")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--strict", action="store_true")
    ap.add_argument("--workdir", default=os.path.join(tempfile.gettempdir(), "fuzz-work"))
    ap.add_argument("--memory-mb", type=int, default=4096)
    ap.add_argument("--report", default=None, help="write all results as JSON here")
    ap.add_argument("--no-minimize", action="store_true")
    ap.add_argument("--okrug-threads", type=int, default=0,
                    help="set OKRUG_THREADS for okrug (default: okrug's own choice)")
    ap.add_argument("--minimize-limit", type=int, default=300,
                    help="at most this many failing multi-mutation cases are re-run mutation by mutation")
    ap.add_argument("--only", default=None, help="with --replay: keep only these mutations (0-based, comma list)")
    ap.add_argument("--time-limit", type=float, default=0,
                    help="stop starting new batches of 100 iterations after this many seconds")
    ap.add_argument("--always-build", action="store_true", help="run build even when check timed out")
    ap.add_argument("--quiet", action="store_true", help="no progress line")
    ap.add_argument("--replay", default=None, metavar="SEED:ITER")
    ap.add_argument("--run", action="store_true", help="with --replay: also run and classify")
    ap.add_argument("--list-mutations", action="store_true")
    ap.add_argument("--mutations", default=None, metavar="NAMES",
                    help="draw only these mutations or groups (comma list; another sequence than the default)")
    ap.add_argument("--pandoc", default=None, help="pandoc for import-doc (default: OKRUG_PANDOC, .venv, PATH)")
    ap.add_argument("--no-pandoc", action="store_true", help="skip the bombs group (import-doc)")
    args = ap.parse_args(argv)
    for stream in (sys.stdout, sys.stderr):
        stream.reconfigure(errors="backslashreplace")

    if args.list_mutations:
        for name, group, fn in MUTATIONS:
            print(f"{group:13} {name}")
        return 0

    okrug = os.path.abspath(args.okrug or default_okrug())
    os.makedirs(args.workdir, exist_ok=True)
    CONFIG.update(okrug=okrug, timeout=args.timeout, memory_mb=args.memory_mb, workdir=args.workdir,
                  keep=os.path.abspath(args.keep) if args.keep else None, seed=args.seed,
                  always_build=args.always_build, okrug_threads=args.okrug_threads,
                  pandoc=None if args.no_pandoc else (args.pandoc or find_pandoc()))
    if args.mutations:
        wanted = {w.strip() for w in args.mutations.split(",") if w.strip()}
        allowed = {name for name, group, _ in MUTATIONS if name in wanted or group in wanted}
        unknown = wanted - {n for n, _, _ in MUTATIONS} - {g for _, g, _ in MUTATIONS}
        if unknown or not allowed:
            print(f"unknown mutations or groups: {', '.join(sorted(unknown)) or args.mutations}", file=sys.stderr)
            return 2
        CONFIG["allowed"] = allowed
        CONFIG["mutations"] = args.mutations
    BASE.update(load_corpus(args.corpus))
    os.environ["OKRUG_FUZZ_SECRET"] = ENV_SECRET  # /proc/self/environ read through a published symlink

    if args.replay:
        seed_text, _, iter_text = args.replay.partition(":")
        seed, iteration = int(seed_text), int(iter_text)
        iter_seed = iteration_seeds(seed, iteration + 1)[iteration]
        only = [int(x) for x in args.only.split(",")] if args.only else None
        case = make_case(BASE, iter_seed, only=only)
        dest = Path(args.keep or os.path.join(args.workdir, f"replay-s{seed}-i{iteration}")).absolute()
        remove_scratch(dest)
        problems = materialize(case, dest)
        print(f"case seed {seed} iteration {iteration} ({args.corpus} corpus) written to {dest}/{SITE}")
        for name, detail in case.applied:
            print(f"  mutation {name}: {clean(detail)}")
        for p in problems:
            print(f"  (could not create: {p})")
        for path, data in case.after_prebuild.items():
            full = dest / "after-prebuild" / path
            full.parent.mkdir(parents=True, exist_ok=True)
            full.write_bytes(data)
        print("commands:")
        print(f"  cd {dest}/{SITE}")
        print(f"  export SOURCE_DATE_EPOCH={SOURCE_DATE_EPOCH} OKRUG_FUZZ_SECRET={ENV_SECRET}"
              + (f" OKRUG_PANDOC={CONFIG['pandoc']}" if CONFIG.get("pandoc") else ""))
        for line in command_lines(case, okrug):
            print("  " + line)
        if args.run:
            findings, runs = execute(case, dest)
            for name, run in runs.items():
                print(f"--- {name}: exit {run.status} ({run.seconds:.2f} s)")
                print(first_lines(run.output, 20, 400))
            for f in findings or [("ok", "", "")]:
                print(f"=> {f[0]} {f[1]} {clean(f[2])}")
        return 0

    if not os.path.exists(okrug):
        print(f"okrug binary not found: {okrug} (build it with `swift build`, or pass --okrug)", file=sys.stderr)
        return 2

    skipped = []
    if not CONFIG["pandoc"]:
        skipped.append("bombs group skipped: pandoc not found (set OKRUG_PANDOC or --pandoc)")
    else:
        why = import_works()
        if why:
            CONFIG["pandoc"] = None
            skipped.append(f"bombs group skipped: {why}")
    for line in skipped:
        print(line, file=sys.stderr)

    ok, text = baseline(BASE)
    if not ok:
        print("The unmutated corpus does not build cleanly; fuzz results would mean nothing:\n" + text, file=sys.stderr)
        return 2

    seeds = iteration_seeds(args.seed, args.iterations)
    jobs = list(enumerate(seeds))
    results: list[dict] = []
    start = time.monotonic()
    ctx = multiprocessing.get_context("fork")
    singles: dict[int, list[dict]] = collections.defaultdict(list)
    interrupted = False
    with ctx.Pool(max(1, args.jobs), initializer=init_worker, initargs=(dict(CONFIG), dict(BASE))) as pool:
        try:
            # In batches, so that --time-limit stops after a whole prefix of the sequence.
            for first in range(0, len(jobs), 100):
                if args.time_limit and time.monotonic() - start > args.time_limit:
                    print(f"time limit reached after {len(results)} iterations", file=sys.stderr)
                    break
                for result in pool.imap(worker, jobs[first:first + 100], chunksize=1):
                    results.append(result)
                    n = len(results)
                    if not args.quiet and (n % 50 == 0 or n == len(jobs)):
                        bad = sum(1 for r in results if r["findings"])
                        el = time.monotonic() - start
                        print(f"[{n}/{len(jobs)}] {el:.0f} s, {n / el:.1f} it/s, non-ok {bad}", file=sys.stderr,
                              flush=True)
        except KeyboardInterrupt:
            pool.terminate()
            interrupted = True
            print("interrupted; summarising what ran", file=sys.stderr)
        wall = time.monotonic() - start
        # which single mutation causes each finding of a multi-mutation case
        if not args.no_minimize and not interrupted:
            todo = sorted((r for r in results if r["findings"] and pick_count(seeds[r["iteration"]]) > 1),
                          key=lambda r: (min(CLASS_ORDER.index(c) for c, _, _ in r["findings"]), r["iteration"]))
            todo = todo[: args.minimize_limit]
            single_jobs = [(r["iteration"], seeds[r["iteration"]], i) for r in todo
                           for i in range(pick_count(seeds[r["iteration"]]))]
            if single_jobs and not args.quiet:
                print(f"re-running {len(single_jobs)} single mutations of {len(todo)} cases", file=sys.stderr)
            try:
                for single in pool.imap(worker_single, single_jobs, chunksize=1):
                    singles[single["iteration"]].append(single)
            except KeyboardInterrupt:
                pool.terminate()

    # ---- summary
    per_class = collections.Counter()
    per_mutation: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
    for r in results:
        classes = sorted({c for c, _, _ in r["findings"]}, key=CLASS_ORDER.index) or ["ok"]
        for c in classes:
            per_class[c] += 1
        for name, _ in r["mutations"]:
            per_mutation[name]["runs"] += 1
            for c in classes:
                per_mutation[name][c] += 1
    n = len(results)
    check_t = sum(r["seconds"].get("check", 0) for r in results) / max(n, 1)
    build_t = sum(r["seconds"].get("build", 0) for r in results) / max(n, 1)
    print()
    print(f"okrug fuzz: seed {args.seed}, {n} iterations, corpus {args.corpus}, jobs {args.jobs}, binary {okrug}")
    print(f"wall time {wall:.1f} s, {n / wall if wall else 0:.2f} iterations/s, "
          f"{wall * args.jobs / max(n, 1) * 1000:.0f} ms per iteration per worker "
          f"(mean check {check_t * 1000:.0f} ms, build {build_t * 1000:.0f} ms)")
    for line in skipped:
        print(line)
    print()
    print("class                  iterations")
    for c in CLASS_ORDER:
        print(f"  {c:20} {per_class.get(c, 0):8}")
    print()
    cols = [c for c in CLASS_ORDER if c != "ok" and per_class.get(c)]
    print(f"{'mutation':26} {'runs':>6} " + " ".join(f"{c[:12]:>12}" for c in cols))
    for name, group, _ in MUTATIONS:
        cnt = per_mutation.get(name, collections.Counter())
        print(f"{name:26} {cnt['runs']:6} " + " ".join(f"{cnt[c]:12}" for c in cols))

    bad = [r for r in results if r["findings"]]
    if bad:
        print()
        print(f"non-ok cases ({len(bad)}):")
        for r in bad:
            print(describe(r, args.seed))

    # ---- distinct failures: grouped by class, command, causing mutation and first message
    failing_classes = STRICT_FAILING if args.strict else FAILING
    groups: dict[tuple, dict] = {}
    for r in bad:
        names = [m for m, _ in r["mutations"]]
        for cls, cmd, detail in r["findings"]:
            only, culprit, example = None, None, r
            if len(names) == 1:
                culprit = names[0]
            else:
                for single in sorted(singles.get(r["iteration"], []), key=lambda x: x["index"]):
                    if any(c == cls and k == cmd for c, k, _ in single["findings"]):
                        only, example = single["index"], single
                        culprit = single["mutations"][0][0] if single["mutations"] else "?"
                        break
            if culprit is None:
                culprit = "combination " + " + ".join(sorted(set(names)))
            key = (cls, cmd, culprit) + signature(example, cls, cmd, detail)[2:]
            g = groups.setdefault(key, {"count": 0, "iterations": [], "best": None})
            g["count"] += 1
            g["iterations"].append(r["iteration"])
            d = next((d for c, k, d in example["findings"] if c == cls and k == cmd), detail)
            rank = (len(example["mutations"]), r["iteration"])
            if g["best"] is None or rank < g["best"][0]:
                g["best"] = (rank, r["iteration"], only, example, d)
    if groups:
        print()
        print(f"distinct failures ({len(groups)}), grouped by class, command, causing mutation and message:")
        ordered = sorted(groups.items(), key=lambda kv: (CLASS_ORDER.index(kv[0][0]), kv[0][2], -kv[1]["count"]))
        for i, (key, g) in enumerate(ordered):
            _, iteration, only, ex, d = g["best"]
            replay = f"--replay {args.seed}:{iteration}" + (f" --only {only}" if only is not None else "") \
                + (f" --mutations {args.mutations}" if args.mutations else "")
            print(f"[{i + 1}] {key[0]} in `{key[1]}` caused by {key[2]} — {g['count']} times "
                  f"(iterations {', '.join(map(str, g['iterations'][:8]))}{' …' if len(g['iterations']) > 8 else ''})")
            print(f"    minimal example: {replay}")
            for name, detail in ex["mutations"]:
                print(f"      mutation {name}: {clean(detail)[:300]}")
            print(f"    detail: {clean(d)[:300]}")
            out = first_lines(ex["output"].get(key[1], ""), 3) or "(no output)"
            print("    output: " + out.replace("\n", "\n            "))
            if key[0] == "crash" and not args.no_minimize and not interrupted and i < 40:
                trace = crash_trace(seeds[iteration], only, key[1])
                if trace:
                    print("    gdb:\n      " + trace.replace("\n", "\n      "))

    if args.report:
        with open(args.report, "w") as f:
            json.dump({"seed": args.seed, "iterations": n, "wall_seconds": wall, "results": results}, f,
                      ensure_ascii=True, indent=1)

    failed = any(c in failing_classes for c in per_class)
    print()
    print("result: " + ("FAIL" if failed else "PASS") +
          f" ({', '.join(f'{c} {per_class[c]}' for c in CLASS_ORDER if c != 'ok' and per_class.get(c)) or 'all ok'})")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

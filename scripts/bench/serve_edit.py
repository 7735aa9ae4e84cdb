#!/usr/bin/env python3
"""Edit → page updated in the browser, as `okrug serve` does it: starts the preview on a
content folder, listens to its reload events like an open page, edits materials one at a time
and times each edit until the reload event, and until the new text is served; with --search,
also until the preview's search index holds the edit (a fragment of an installed Pagefind
bundle, the whole site's or the saved pages', has the new text: what the search page would
then find).

    scripts/bench/serve_edit.py --okrug .build/release/okrug --content /tmp/c10k/okrug [--edits 9]

Standard library only. Edited files are restored at the end."""
import argparse, glob, gzip, os, re, select, shutil, socket, statistics, subprocess, sys, tempfile, time


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--okrug", default=".build/release/okrug")
    parser.add_argument("--content", required=True)
    parser.add_argument("--templates", default="Templates")
    parser.add_argument("--edits", type=int, default=9)
    parser.add_argument("--search", action="store_true", help="serve with Pagefind and time the index too")
    args = parser.parse_args()

    output = tempfile.mkdtemp(prefix="okrug-serve-bench-")
    log = tempfile.TemporaryFile()
    started = time.monotonic()
    server = subprocess.Popen(
        [args.okrug, "serve", "--port", "0", "--content", args.content, "--templates", args.templates,
         "--output", output] + ([] if args.search else ["--no-search"]),
        stdout=subprocess.PIPE, stderr=log, text=True)
    bundle = os.path.join(os.path.dirname(output), "." + os.path.basename(output) + ".search", "pagefind")

    def fragments():
        """The fragments of both preview indexes: the whole site's and the saved pages'."""
        found = set()
        for folder in (bundle, bundle + "-saved"):
            found |= set(glob.glob(os.path.join(folder, "fragment", "*.pf_fragment")))
        return found

    def indexed(marker, before):
        for path in fragments() - before:
            try:
                with open(path, "rb") as f:
                    if marker.encode("utf-8") in gzip.decompress(f.read()):
                        return True
            except OSError:
                pass  # swapped away while read
        return False
    port = None
    while port is None:
        line = server.stdout.readline()
        if not line:
            sys.exit("okrug serve stopped before opening its port")
        match = re.search(r"http://127\.0\.0\.1:(\d+)/", line)
        if match:
            port = int(match.group(1))
    first_build = time.monotonic() - started

    events = socket.create_connection(("127.0.0.1", port))
    events.sendall(b"GET /__okrug/events HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
    pending = b""

    def wait_for_event(timeout=60.0):
        nonlocal pending
        deadline = time.monotonic() + timeout
        while b"data: rebuilt" not in pending:
            left = deadline - time.monotonic()
            if left <= 0:
                sys.exit("no reload event within %.0f s" % timeout)
            ready, _, _ = select.select([events], [], [], left)
            if ready:
                pending += events.recv(65536)
        pending = pending[pending.index(b"data: rebuilt") + 13:]

    def get(path):
        with socket.create_connection(("127.0.0.1", port)) as connection:
            connection.sendall(("GET %s HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n" % path).encode())
            data = b""
            while True:
                chunk = connection.recv(1 << 20)
                if not chunk:
                    return data.decode("utf-8", "replace")
                data += chunk

    while b"data: connected" not in pending:
        pending += events.recv(65536)

    materials = sorted(f for f in os.listdir(os.path.join(args.content, "materials")) if f.endswith(".md"))
    step = max(1, len(materials) // (args.edits + 1))
    chosen = [materials[(i + 1) * step] for i in range(args.edits)]
    originals = {}
    to_event, to_page, to_index = [], [], []
    if args.search:
        # The first index (of the whole site) before the first edit.
        deadline = time.monotonic() + 900
        while not fragments() and time.monotonic() < deadline:
            time.sleep(0.2)
        first_index = time.monotonic() - started
    try:
        for number, name in enumerate(chosen, 1):
            path = os.path.join(args.content, "materials", name)
            with open(path, encoding="utf-8") as f:
                originals[path] = f.read()
            marker = "Правка номер %d для замера." % number
            time.sleep(0.5)  # let the watcher settle between edits
            before = fragments() if args.search else set()
            began = time.monotonic()
            with open(path, "w", encoding="utf-8") as f:
                f.write(originals[path] + "\n\n" + marker + "\n")
            wait_for_event()
            to_event.append(time.monotonic() - began)
            slug = None
            # The page path: the transliterated file name, as okrug prints it in the served listing.
            while slug is None and time.monotonic() - began < 30:
                html = get("/materials/" + transliterate(name[:-3]) + "/")
                if marker in html:
                    slug = True
            to_page.append(time.monotonic() - began)
            if args.search:
                while not indexed(marker, before) and time.monotonic() - began < 600:
                    time.sleep(0.05)
                to_index.append(time.monotonic() - began)
    finally:
        for path, text in originals.items():
            with open(path, "w", encoding="utf-8") as f:
                f.write(text)
        server.send_signal(2)
        server.wait(timeout=30)
        log.seek(0)
        builds = [int(m) for m in re.findall(r"Собрано за (\d+) мс: 1 страница", log.read().decode("utf-8", "replace"))]
        shutil.rmtree(output, ignore_errors=True)

    def row(name, values):
        return "%-44s %8.0f %8.0f %8.0f" % (name, min(values) * 1000, statistics.median(values) * 1000, max(values) * 1000)

    print("okrug serve on %s (%d materials), %d edits" % (args.content, len(materials), len(chosen)))
    print("first build, until the port is open: %.1f s" % first_build)
    print("%-44s %8s %8s %8s" % ("ms", "min", "median", "max"))
    if builds:
        print(row("rebuild inside okrug (one page re-rendered)", [b / 1000 for b in builds]))
    print(row("edit -> reload event in the browser", to_event))
    print(row("edit -> new text served", to_page))
    if args.search:
        print("first search index, from the start: %.1f s" % first_index)
        print(row("edit -> preview search finds it", to_index))


ICAO = dict(zip("абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
                ["a", "b", "v", "g", "d", "e", "e", "zh", "z", "i", "i", "k", "l", "m", "n", "o", "p", "r", "s", "t",
                 "u", "f", "kh", "ts", "ch", "sh", "shch", "ie", "y", "", "e", "iu", "ia"]))


def transliterate(name):
    """okrug's slug (ICAO Doc 9303, README): words of Latin letters and digits joined by hyphens."""
    latin = "".join(ICAO.get(c, c) for c in name.lower())
    return "-".join(w for w in re.split(r"[^a-z0-9]+", latin) if w)


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Search at scale: builds the synthetic corpus of ../shared/bench/ (10 000 materials by
default) with `okrug build`, and prints the Pagefind indexing time, the index size, and the
bytes a browser transfers for a first query (read from the Resource Timing API in chromium).

    scripts/bench/search.py [--count 10000] [--okrug .build/release/okrug] [--query семинар]

Needs what `scripts/setup.sh --tests` installs (Pagefind, selenium, chromium)."""
import argparse, os, re, subprocess, sys, tempfile, time, urllib.parse

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, os.path.join(ROOT, "Tests", "browser"))


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--count", type=int, default=10000)
    parser.add_argument("--okrug", default=os.path.join(ROOT, ".build/release/okrug"))
    parser.add_argument("--work", default="/tmp/okrug-bench-search")
    parser.add_argument("--query", default="семинар")
    args = parser.parse_args()

    corpus = os.path.join(args.work, "corpus-%d" % args.count)
    if not os.path.isdir(os.path.join(corpus, "materials")):
        subprocess.run([sys.executable, os.path.join(ROOT, "..", "shared", "bench", "gen_corpus.py"),
                        "--count", str(args.count), "--flavor", "okrug", "--out", corpus], check=True,
                       stdout=subprocess.DEVNULL)
    site_root = os.path.join(args.work, "site")
    output = os.path.join(site_root, "okrug")
    started = time.monotonic()
    build = subprocess.run([args.okrug, "build", "--content", corpus, "--output", output,
                            "--base-url", "http://127.0.0.1/okrug/"],
                           cwd=ROOT, capture_output=True, text=True, env=dict(os.environ, OKRUG_TIMINGS="1"))
    total = time.monotonic() - started
    if build.returncode != 0:
        sys.exit(build.stderr[-2000:])
    indexing = re.search(r"Поисковый индекс построен за ([\d.,]+) с", build.stdout)
    index_bytes = sum(os.path.getsize(os.path.join(d, f)) for d, _, files in os.walk(os.path.join(output, "pagefind"))
                      for f in files)
    index_files = sum(len(files) for _, _, files in os.walk(os.path.join(output, "pagefind")))

    from support import browser, wait_for
    import functools, http.server, socketserver, threading
    served = []

    class Counting(http.server.SimpleHTTPRequestHandler):
        """Counts the bytes of every file of the index the page asks for."""
        def log_message(self, *a):
            pass

        def send_header(self, name, value):
            if name.lower() == "content-length" and "/pagefind/" in self.path:
                served.append((self.path, int(value)))
            super().send_header(name, value)

    handler = functools.partial(Counting, directory=site_root)
    server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = "http://127.0.0.1:%d/okrug/search/?q=%s" % (server.server_address[1], urllib.parse.quote(args.query))
    driver = browser()
    try:
        driver.get(url)
        wait_for(driver, lambda d: d.find_elements("css selector", ".search-result"), timeout=60)
        time.sleep(0.5)
        found = driver.find_element("css selector", ".search-status").text
    finally:
        driver.quit()
        server.shutdown()
    search_entries = served
    query_bytes = sum(size for _, size in served)

    print("okrug build with search, %d materials (%s)" % (args.count, corpus))
    print("  whole build: %.1f s wall; Pagefind indexing: %s s" % (total, indexing.group(1) if indexing else "?"))
    print("  index: %.1f MB in %d files (%s/pagefind)" % (index_bytes / 1e6, index_files, output))
    print("  first query «%s»: %s; %d requests to the index, %.0f KB transferred"
          % (args.query, found, len(search_entries), query_bytes / 1024))


if __name__ == "__main__":
    main()

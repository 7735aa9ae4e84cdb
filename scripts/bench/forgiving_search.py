#!/usr/bin/env python3
"""Search as a teacher on a slow phone feels it: the synthetic corpus of ../shared/bench/ at
1 000 and 10 000 materials, built by okrug with its search index and its words, searched in
Chromium under «Slow 4G» (1.6 Mbit/s, 562.5 ms) with the CPU slowed 4×. For each query kind —
a word of the site, a typo, the other keyboard layout, nonsense — the time from pressing «Найти»
to the first result (or the answer that there is none), the query typed a key each 200 ms or
pasted, and
the bytes the visit fetched until then (the page, Pagefind and its index, the words); the size of the
words okrug writes; the longest the page froze while a word was typed. Printed beside the goals.

    .venv/bin/python scripts/bench/forgiving_search.py [--counts 1000 10000] [--okrug .build/release/okrug]

Needs what `scripts/setup.sh --tests` installs (Pagefind, selenium, chromium)."""
import argparse, functools, gzip, os, socketserver, subprocess, sys, threading, time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, os.path.join(ROOT, "Tests", "browser"))
from support import browser  # noqa: E402
sys.path.insert(0, HERE)
from phone import SERVED, SLOW_4G, Quiet  # noqa: E402

QUERIES = [("слово сайта", "семинар"), ("опечатка", "семенар"), ("раскладка", "ctvbyfh"),
           ("бессмыслица", "квазиэкспертиза")]
GOALS = {1000: 1.5, 10000: 2.5}


def site(okrug, count, work, reuse=False):
    corpus = os.path.join(work, "corpus-%d" % count)
    if not os.path.isdir(os.path.join(corpus, "materials")):
        subprocess.run([sys.executable, os.path.join(ROOT, "..", "shared", "bench", "gen_corpus.py"),
                        "--count", str(count), "--flavor", "okrug", "--out", corpus], check=True,
                       stdout=subprocess.DEVNULL)
    root = os.path.join(work, "site-%d" % count)
    if reuse and os.path.isdir(os.path.join(root, "okrug", "pagefind")):
        return root
    build = subprocess.run([okrug, "build", "--content", corpus, "--output", os.path.join(root, "okrug"),
                            "--base-url", "http://127.0.0.1/okrug/"], cwd=ROOT, capture_output=True, text=True)
    if build.returncode != 0:
        sys.exit(build.stderr[-2000:])
    return root


def words_size(root):
    folder = os.path.join(root, "okrug", "pagefind", "okrug-words")
    sizes = []
    for name in os.listdir(folder):
        with open(os.path.join(folder, name), "rb") as f:
            data = f.read()
        sizes.append((len(data), len(gzip.compress(data)), name))
    return sum(s[0] for s in sizes), sum(s[1] for s in sizes), max(sizes)


SUBMIT = """
const [query, typed, done] = arguments;
(async () => {
const input = document.querySelector('#search-q');
const status = document.querySelector('.search-status');
// Typed as a teacher types, a key each 200 ms, «Найти» pressed after the last one; or pasted
// and «Найти» pressed at once.
for (let i = typed ? 1 : query.length; i <= query.length; i++) {
  input.value = query.slice(0, i);
  input.dispatchEvent(new Event('input'));
  if (typed) await new Promise((resolve) => setTimeout(resolve, 200));
}
const start = performance.now();
new MutationObserver((_, observer) => {
  if (document.querySelector('.search-result') || status.textContent.startsWith('Ничего')) {
    observer.disconnect();
    const entries = performance.getEntriesByType('resource').concat(performance.getEntriesByType('navigation'));
    done([performance.now() - start, entries.reduce((s, e) => s + (e.transferSize || 0), 0), entries.length,
          status.textContent]);
  }
}).observe(document.querySelector('.search-page'), { childList: true, subtree: true, characterData: true });
input.form.requestSubmit();
})();
"""

TYPE = """
const [word, done] = arguments;
const input = document.querySelector('#search-q');
let longest = 0;
new PerformanceObserver((list) => { for (const e of list.getEntries()) longest = Math.max(longest, e.duration); })
  .observe({ type: 'longtask' });
let i = 0;
const timer = setInterval(() => {
  input.value = word.slice(0, ++i);
  input.dispatchEvent(new Event('input'));
  if (i === word.length) { clearInterval(timer); setTimeout(() => done(longest), 3000); }
}, 150);
"""


def measure(root, query, typed=True):
    """A fresh phone for each query: the first query of a visit, nothing in the cache."""
    handler = functools.partial(Quiet, directory=root)
    with socketserver.ThreadingTCPServer(("127.0.0.1", 0), handler) as server:
        threading.Thread(target=server.serve_forever, daemon=True).start()
        driver = browser(width=360, height=740)
        try:
            driver.execute_cdp_cmd("Network.enable", {})
            driver.execute_cdp_cmd("Network.setCacheDisabled", {"cacheDisabled": True})
            driver.execute_cdp_cmd("Network.emulateNetworkConditions", SLOW_4G)
            driver.execute_cdp_cmd("Emulation.setCPUThrottlingRate", {"rate": 4})
            driver.set_script_timeout(120)
            SERVED.clear()
            driver.get("http://127.0.0.1:%d/okrug/search/" % server.server_address[1])
            # The visitor reads the page before typing: what the page loads by itself is loaded.
            time.sleep(3)
            if query is None:
                return driver.execute_async_script(TYPE, "функциональная")
            figures = driver.execute_async_script(SUBMIT, query, typed)
            return [figures[0], sum(SERVED), len(SERVED), figures[3]]
        finally:
            driver.quit()
            server.shutdown()


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--counts", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--okrug", default=os.path.join(ROOT, ".build/release/okrug"))
    parser.add_argument("--work", default="/tmp/okrug-bench-forgiving")
    parser.add_argument("--reuse", action="store_true", help="the sites built by an earlier run")
    args = parser.parse_args()
    os.makedirs(args.work, exist_ok=True)
    print("360×740, Slow 4G, CPU 4×; each query the first of a visit (empty cache)")
    for count in args.counts:
        root = site(args.okrug, count, args.work, args.reuse)
        raw, packed, largest = words_size(root)
        print(f"\n{count} materials: the site's words {raw / 1024:.0f} KB ({packed / 1024:.0f} KB gzip), "
              f"the largest letter {largest[0] / 1024:.0f} KB ({largest[1] / 1024:.0f} KB gzip, {largest[2]})")
        print(f"  {'query':<34} {'typed, s':>9} {'pasted, s':>10} {'goal, s':>8} {'visit, KB':>10} {'requests':>9}")
        for label, query in QUERIES:
            seconds, size, requests, said = measure(root, query)
            pasted = measure(root, query, typed=False)[0]
            print(f"  {label + ' «' + query + '»':<34} {seconds / 1000:9.2f} {pasted / 1000:10.2f} "
                  f"{GOALS.get(count, 2.5):8.1f} {size / 1024:10.0f} {requests:9d}")
        print(f"  longest freeze while typing «функциональная»: {measure(root, None):.0f} ms")


if __name__ == "__main__":
    main()

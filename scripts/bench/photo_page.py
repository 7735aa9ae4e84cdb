"""What a teacher's phone loads for a photo report of 20 twelve-megapixel photos: the bytes
transferred until the first screen is complete (its pictures loaded) and the largest contentful paint, at 360×740
under Chromium's «Slow 4G» (1.6 Mbit/s, 562.5 ms) with the CPU slowed 4×, side by side with the
same material built without libvips (the photos published as the camera gave them, as okrug did
before issue 28) and the goal.

    .venv/bin/python scripts/bench/photo_page.py --okrug .build/release/okrug

Needs libvips and cwebp (scripts/setup.sh --office), Pillow and selenium (scripts/setup.sh --tests).
"""
import functools
import os
import pathlib
import shutil
import socketserver
import subprocess
import sys
import tempfile
import threading
import time

ROOT = pathlib.Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "Tests" / "browser"))
sys.path.insert(0, str(ROOT / "scripts" / "bench"))
from phone import SLOW_4G, Quiet  # noqa: E402
from pictures import base_photo  # noqa: E402

PHOTOS = 20
# How long a page may take to show its first screen before the bench gives up on it, seconds.
PATIENCE = 240


def build(okrug, content, output, environment):
    env = dict(os.environ, SOURCE_DATE_EPOCH="1700000000", **environment)
    run = subprocess.run([okrug, "build", "--no-search", "--content", str(content), "--output", str(output)],
                         cwd=ROOT, env=env, capture_output=True, text=True)
    if run.returncode != 0:
        raise SystemExit(run.stderr)


def phone():
    """Chromium as a 360×740 phone that logs its network events (the bytes as they arrive)."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    from support import CHROMIUM, DRIVER
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     "--window-size=800,740", "--lang=ru"):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"performance": "ALL"})
    # Not waiting for the load event: a page of originals may not finish within the bench's patience.
    options.page_load_strategy = "none"
    driver = webdriver.Chrome(service=Service(executable_path=DRIVER), options=options)
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": 360, "height": 740, "deviceScaleFactor": 1, "mobile": True})
    return driver


def received(driver):
    """Bytes over the wire so far: each finished request's total, and what has come of the rest."""
    import json
    finished, partial = {}, {}
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        params = message.get("params", {})
        if message["method"] == "Network.loadingFinished":
            finished[params["requestId"]] = params.get("encodedDataLength", 0)
        elif message["method"] == "Network.dataReceived":
            partial[params["requestId"]] = partial.get(params["requestId"], 0) + params.get("encodedDataLength", 0)
    return sum(finished.values()) + sum(v for k, v in partial.items() if k not in finished), len(finished)


FIRST_SCREEN_DONE = """
    if (document.readyState === 'loading') return false;
    return [...document.images].filter(i => {
        const r = i.getBoundingClientRect();
        return r.width > 0 && r.height > 0 && r.bottom > 0 && r.top < innerHeight;
      }).every(i => i.complete && i.naturalWidth > 0);"""


def measure(folder, page):
    """Bytes transferred until the first screen is complete, and the LCP."""
    handler = functools.partial(Quiet, directory=str(folder))
    with socketserver.ThreadingTCPServer(("127.0.0.1", 0), handler) as server:
        threading.Thread(target=server.serve_forever, daemon=True).start()
        driver = phone()
        try:
            driver.execute_cdp_cmd("Network.enable", {})
            driver.execute_cdp_cmd("Network.setCacheDisabled", {"cacheDisabled": True})
            driver.execute_cdp_cmd("Network.emulateNetworkConditions", SLOW_4G)
            driver.execute_cdp_cmd("Emulation.setCPUThrottlingRate", {"rate": 4})
            driver.set_script_timeout(60)
            driver.get(f"http://127.0.0.1:{server.server_address[1]}/{page}")
            deadline = time.monotonic() + PATIENCE
            done = False
            while time.monotonic() < deadline:
                try:
                    done = driver.execute_script(FIRST_SCREEN_DONE)
                except Exception:
                    done = False  # the page is not there yet
                if done:
                    break
                time.sleep(0.2)
            first = driver.execute_script("return performance.now()") if done else None
            bytes_, requests = received(driver)
            lcp = driver.execute_async_script("""
                const done = arguments[arguments.length - 1];
                new PerformanceObserver(list => { const all = list.getEntries(); done(all[all.length - 1].startTime); })
                    .observe({type: 'largest-contentful-paint', buffered: true});
                setTimeout(() => done(null), 2000);""")
            return bytes_, lcp, requests, first
        finally:
            driver.quit()
            server.shutdown()


def main():
    import argparse
    parser = argparse.ArgumentParser()
    parser.add_argument("--okrug", default=str(ROOT / ".build" / "release" / "okrug"))
    okrug = parser.parse_args().okrug
    work = pathlib.Path(tempfile.mkdtemp(prefix="okrug-photo-page-"))
    try:
        content = work / "Content"
        shutil.copytree(ROOT / "Content", content)
        folder = content / "materials" / "fotootchet"
        folder.mkdir()
        base = work / "base.jpg"
        base_photo(base)
        data = base.read_bytes()
        lines = ["---", "title: Фотоотчёт о семинаре", "date: 2023-03-01", "authors: [Ткаченко Е.Е.]",
                 "school: sosh13", "direction: joint-events", "kind: seminar", "photos:"]
        for number in range(PHOTOS):
            (folder / f"{number + 1}.jpg").write_bytes(data + f"okrug bench {number}".encode())
            lines.append(f"  - {{file: {number + 1}.jpg, caption: \"Семинар, фото {number + 1}\"}}")
        (folder / "index.md").write_text("\n".join(lines + ["---", "", "Как прошёл семинар.", ""]),
                                         encoding="utf-8")
        build(okrug, content, work / "okrug", {})
        # A copy of its own: the cache beside Content/ would give the resized photos without libvips.
        shutil.copytree(content, work / "plain" / "Content")
        build(okrug, work / "plain" / "Content", work / "before",
              {"OKRUG_VIPS": "/nonexistent/vips", "OKRUG_CWEBP": "/nonexistent/cwebp"})
        page = "materials/fotootchet/"
        now = measure(work / "okrug", page)
        before = measure(work / "before", page)
        print(f"{PHOTOS} photos of 4000×3000 ({len(data) / 1e6:.1f} MB each) in one report; 360×740, Slow 4G, CPU 4×")
        print(f"{'':<52} {'okrug':>8} {'originals':>10} {'goal':>10}")
        print(f"{'transferred until the first screen is complete, MB':<52} {now[0] / 1e6:8.2f} {before[0] / 1e6:10.2f} "
              f"{1.5:10.2f}")
        def seconds(value):
            return f"{value / 1000:.2f}" if value is not None else f"> {PATIENCE}"
        print(f"{'first screen complete, s':<52} {seconds(now[3]):>8} {seconds(before[3]):>10}")
        print(f"{'largest contentful paint (so far), s':<52} {seconds(now[1]):>8} {seconds(before[1]):>10} {2.5:10.2f}")
        print(f"{'requests finished by then':<52} {now[2]:8d} {before[2]:10d}")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()

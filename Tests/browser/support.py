"""Shared set-up of the browser tests: the sample site built for real with its search index,
served over HTTP on 127.0.0.1 under a sub-path (/okrug/, as site.yaml's base_url says), and
Debian's chromium driven by chromium-driver. Pagefind does not work from file://."""
import functools, http.server, os, shutil, socketserver, subprocess, tempfile, threading, unittest

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OKRUG = os.path.join(ROOT, ".build", "debug", "okrug")
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
DRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"
BASE_PATH = "/okrug/"


def missing_tools():
    """Why the browser tests cannot run here, or None."""
    if not os.path.exists(CHROMIUM):
        return "chromium is not installed (scripts/setup.sh --tests installs it)"
    if not os.path.exists(DRIVER):
        return "chromium-driver is not installed (scripts/setup.sh --tests installs it)"
    try:
        import selenium  # noqa: F401
    except ImportError:
        return "selenium is not installed in .venv (scripts/setup.sh --tests installs it)"
    if not os.path.exists(OKRUG):
        return "the okrug executable is not built (scripts/test.sh builds it)"
    return None


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def end_headers(self):
        # linkchecker throttles every host to ten requests a second unless the server says it
        # may go faster with this header (linkcheck/checker/httpurl.py).
        self.send_header("LinkChecker", "allow")
        super().end_headers()


class Site:
    """The sample site in a temporary folder, served at http://127.0.0.1:<port>/okrug/."""

    _shared = None
    _pieced = None

    @classmethod
    def shared(cls):
        if cls._shared is None:
            cls._shared = Site()
        return cls._shared

    @classmethod
    def pieced(cls):
        """The same site with its search index made by Pagefind in pieces of 10 pages and joined
        (what okrug does above 1 250 pages)."""
        if cls._pieced is None:
            cls._pieced = Site({"OKRUG_SEARCH_PIECE": "10"})
        return cls._pieced

    def __init__(self, environment=None, content=None):
        """`content`: another Content/ folder than the sample's (a copy a test has added to)."""
        self.folder = tempfile.mkdtemp(prefix="okrug-browser-")
        self.output = os.path.join(self.folder, BASE_PATH.strip("/"))
        env = dict(os.environ, SOURCE_DATE_EPOCH="1700000000", **(environment or {}))
        result = subprocess.run(
            [OKRUG, "build", "--output", self.output, "--base-url", "http://127.0.0.1" + BASE_PATH]
            + (["--content", content] if content else []),
            cwd=ROOT, env=env, capture_output=True, text=True)
        if result.returncode != 0:
            raise RuntimeError("okrug build failed:\n" + result.stderr)
        if not os.path.isdir(os.path.join(self.output, "pagefind")):
            raise RuntimeError("the search index was not built:\n" + result.stderr)
        handler = functools.partial(QuietHandler, directory=self.folder)
        self.server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), handler)
        self.server.daemon_threads = True
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        self.url = "http://127.0.0.1:%d%s" % (self.server.server_address[1], BASE_PATH)


def browser(width=1280, height=900, javascript=True):
    """Chromium showing pages `width` CSS pixels wide. A headless window is never narrower than
    500 px, so a phone's width is emulated through DevTools (as a phone: its viewport rules)."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     "--window-size=%d,%d" % (max(width, 800), height), "--lang=ru"):
        options.add_argument(argument)
    if not javascript:
        options.add_experimental_option("prefs", {"profile.managed_default_content_settings.javascript": 2})
    driver = webdriver.Chrome(service=Service(executable_path=DRIVER), options=options)
    if width < 800:
        driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
            "width": width, "height": height, "deviceScaleFactor": 1, "mobile": True})
    return driver


def wait_for(driver, condition, timeout=15):
    from selenium.webdriver.support.ui import WebDriverWait
    return WebDriverWait(driver, timeout).until(lambda d: condition(d))

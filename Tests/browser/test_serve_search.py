"""`okrug serve`: search in the preview follows an edit (Pagefind indexes the saved page in the
background, apart, and the search page merges that index in). How fast is the benchmark's business (scripts/bench/serve_edit.py --search);
here: that it happens, and that the page itself reloads without waiting for it."""
import os, re, shutil, subprocess, tempfile, time, unittest, urllib.parse, urllib.request
from support import ROOT, browser, missing_tools, wait_for

REASON = missing_tools()
SERVE = os.path.join(ROOT, ".build", "debug", "okrug-serve")


@unittest.skipIf(REASON, REASON)
@unittest.skipIf(not os.path.exists(SERVE), "okrug-serve is not built (scripts/test.sh builds it)")
class PreviewSearch(unittest.TestCase):
    def setUp(self):
        self.folder = tempfile.mkdtemp(prefix="okrug-serve-search-")
        self.content = os.path.join(self.folder, "Content")
        shutil.copytree(os.path.join(ROOT, "Content"), self.content)
        self.server = subprocess.Popen(
            [os.path.join(ROOT, ".build", "debug", "okrug"), "serve", "--port", "0", "--content", self.content,
             "--templates", os.path.join(ROOT, "Templates"), "--output", os.path.join(self.folder, "preview")],
            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        line = self.server.stdout.readline()
        match = re.search(r"http://127\.0\.0\.1:\d+/", line)
        self.assertTrue(match, line)
        self.url = match.group(0)
        self.driver = browser()

    def tearDown(self):
        self.driver.quit()
        self.server.terminate()
        self.server.wait(timeout=20)
        shutil.rmtree(self.folder, ignore_errors=True)

    def found(self, word):
        self.driver.get(self.url + "search/?q=" + urllib.parse.quote(word))
        # The count is shown before the results' fragments arrive: wait for the results themselves.
        titles = ".search-result__title a"
        wait_for(self.driver, lambda d: "Ничего не найдено" in d.find_element("css selector", ".search-status").text
                 or d.find_elements("css selector", titles), timeout=20)
        return [a.get_attribute("href") for a in self.driver.find_elements("css selector", titles)]

    def test_a_saved_edit_is_found_by_the_preview_search(self):
        # The first index comes after the first build.
        wait_for(self.driver, lambda _: self.status(self.url + "pagefind/pagefind-entry.json") == 200, timeout=60)
        self.assertEqual(self.found("зюзюблик"), [])
        path = os.path.join(self.content, "materials", "distantsionnoe-vzaimodeistvie.md")
        with open(path, "a", encoding="utf-8") as f:
            f.write("\nНовый раздел: зюзюблик уроков.\n")
        # The page shows the edit at once; the search a moment later.
        wait_for(self.driver, lambda _: "зюзюблик" in self.text(self.url + "materials/distantsionnoe-vzaimodeistvie/"),
                 timeout=20)
        wait_for(self.driver, lambda _: any("distantsionnoe-vzaimodeistvie" in u for u in self.found("зюзюблики")),
                 timeout=60)
        # Only the saved page was indexed again, apart; its older copy is not shown beside it.
        self.assertIn("/materials/distantsionnoe-vzaimodeistvie/",
                      self.text(self.url + "pagefind-saved/okrug-saved.json"))
        both = [u for u in self.found("дистанционное взаимодействие") if "materials/distantsionnoe-vzaimodeistvie/" in u]
        self.assertEqual(len(both), 1, both)
        # The new word is the site's word in the preview: a typo of it finds it too.
        self.assertTrue(any("distantsionnoe-vzaimodeistvie" in u for u in self.found("зюзюбликк")))
        self.assertIn("по запросу «зюзюблик»", self.driver.find_element("css selector", ".search-status").text)

    @staticmethod
    def status(url):
        try:
            return urllib.request.urlopen(url).status
        except Exception:
            return None

    @staticmethod
    def text(url):
        try:
            return urllib.request.urlopen(url).read().decode("utf-8")
        except Exception:
            return ""


if __name__ == "__main__":
    unittest.main()

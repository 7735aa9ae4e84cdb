"""Search and faceted browsing in a real browser (chromium, headless) over HTTP."""
import os, unittest, urllib.parse
from support import ROOT, Site, browser, missing_tools, wait_for

REASON = missing_tools()


def results(driver):
    return driver.find_elements("css selector", ".search-results .search-result")


def result_urls(driver):
    return sorted(a.get_attribute("href") for a in driver.find_elements("css selector", ".search-result__title a"))


def status(driver):
    return driver.find_element("css selector", ".search-status").text


class BrowserTest(unittest.TestCase):
    """The shared sample site and one browser per test class."""

    @classmethod
    def setUpClass(cls):
        cls.site = Site.shared()
        cls.driver = browser()

    @classmethod
    def tearDownClass(cls):
        cls.driver.quit()


@unittest.skipIf(REASON, REASON)
class SearchTests(BrowserTest):
    def search(self, query):
        self.driver.get(self.site.url + "search/?q=" + urllib.parse.quote(query))
        wait_for(self.driver, lambda d: status(d) != "")
        return result_urls(self.driver)

    def test_a_word_form_finds_the_other_forms(self):
        # The seminar material says «семинар», «семинара», «семинаре»… but never «семинарами».
        with open(os.path.join(ROOT, "Content/materials/cherez-innovatsii-k-kachestvu-obrazovaniia/index.md"),
                  encoding="utf-8") as f:
            source = f.read()
        self.assertIn("семинар", source)
        self.assertNotIn("семинарами", source)
        urls = self.search("семинарами")
        self.assertIn(self.site.url + "materials/cherez-innovatsii-k-kachestvu-obrazovaniia/", urls)
        marks = [m.text.lower() for m in self.driver.find_elements("css selector", ".search-result__excerpt mark")]
        self.assertTrue(any(m.startswith("семинар") for m in marks), marks)

    def test_a_material_ranks_above_the_plan_activity_of_its_title_and_results_say_what_they_are(self):
        self.driver.get(self.site.url + "search/?q=" + urllib.parse.quote("Через инновации"))
        wait_for(self.driver, lambda d: results(d))
        first = results(self.driver)[0]
        self.assertEqual(first.find_element("css selector", "a").get_attribute("href"),
                         self.site.url + "materials/cherez-innovatsii-k-kachestvu-obrazovaniia/")
        meta = first.find_element("css selector", ".search-result__meta").text
        self.assertTrue(meta.startswith("семинар · МБОУ «СОШ №13» · 14"), meta)
        labels = [r.find_element("css selector", ".search-result__kind").text for r in results(self.driver)]
        self.assertEqual(labels[0], "Материал")
        self.assertIn("Мероприятие плана", labels)

    def test_a_snippet_keeps_its_heading_apart_from_its_text(self):
        self.driver.get(self.site.url + "search/?q=" + urllib.parse.quote("теоретическая часть"))
        wait_for(self.driver, lambda d: results(d))
        excerpt = results(self.driver)[0].find_element("css selector", ".search-result__excerpt")
        heading = excerpt.find_element("css selector", ".search-result__section").text
        self.assertEqual(heading, "Теоретическая часть:")
        self.assertFalse(excerpt.text[len(heading):].strip().lower().startswith("теоретическая часть"), excerpt.text)

    def words_only_in_files(self, stem):
        """No Markdown or data file of the sample has `stem`: only an attachment can."""
        for folder, _, names in os.walk(os.path.join(ROOT, "Content")):
            for name in names:
                if name.endswith((".md", ".yaml")):
                    with open(os.path.join(folder, name), encoding="utf-8") as f:
                        self.assertNotIn(stem, f.read().lower(), os.path.join(folder, name))

    def file_result(self, query):
        self.driver.get(self.site.url + "search/?q=" + urllib.parse.quote(query))
        wait_for(self.driver, lambda d: d.find_elements("css selector", ".search-result__file"))
        found = [r for r in results(self.driver) if r.find_elements("css selector", ".search-result__file")]
        self.assertEqual(len(found), 1, [r.text for r in results(self.driver)])
        return found[0]

    def test_a_word_only_inside_a_presentation_finds_its_material_and_slide(self):
        # «Пульсометры…» is written only on slide 3 of the «Точка роста» presentation (a PPTX,
        # read through LibreOffice's PDF of it); the query is another form of the word.
        self.words_only_in_files("пульсометр")
        result = self.file_result("пульсометров")
        title = result.find_element("css selector", ".search-result__title a")
        self.assertEqual(title.get_attribute("href"), self.site.url + "materials/tochka-rosta-opyt-raboty/")
        where = result.find_element("css selector", ".search-result__file a")
        self.assertEqual(where.text, "в файле «Презентация «Точка роста» — опыт двух школ», слайд 3")
        self.assertTrue(where.get_attribute("href").endswith("tekst/prezentatsiia-tochka-rosta/#s-3"))
        self.assertEqual(result.find_element("css selector", ".search-result__kind").text, "Файл")
        # The label says «Файл»; the facts are the school and the date.
        self.assertFalse(result.find_element("css selector", ".search-result__meta").text.startswith("файл"))
        marks = [m.text.lower() for m in result.find_elements("css selector", ".search-result__excerpt mark")]
        self.assertTrue(any(m.startswith("пульсометр") for m in marks), marks)
        # The link leads to that slide's words on the file's text page.
        where.click()
        wait_for(self.driver, lambda d: d.find_elements("id", "s-3"))
        self.assertIn("Пульсометры и датчики освещённости", self.driver.find_element("id", "s-3")
                      .find_element("xpath", "..").text)

    def test_a_word_only_inside_a_scanned_pdf_is_found_through_ocr(self):
        # The order is a scan (a picture, no text layer): its words come from tesseract.
        self.words_only_in_files("координатор")
        result = self.file_result("координатор")
        self.assertEqual(result.find_element("css selector", ".search-result__title a").get_attribute("href"),
                         self.site.url + "materials/soglasheniia-o-sotrudnichestve/")
        self.assertEqual(result.find_element("css selector", ".search-result__file a").text,
                         "в файле «Приказ об организации сетевого взаимодействия (скан)», с. 1")
        marks = [m.text.lower() for m in result.find_elements("css selector", ".search-result__excerpt mark")]
        self.assertTrue(any(m.startswith("координатор") for m in marks), marks)

    def test_words_in_a_table_are_found(self):
        # «неравенства» is written only in a cell of the monitoring material's table.
        urls = self.search("неравенствами")
        self.assertEqual(urls, [self.site.url + "materials/monitoring-obrazovatelnykh-rezultatov/"])

    def test_yo_and_ye_find_the_same(self):
        with_yo = self.search("ёлка")
        without = self.search("елка")
        self.assertTrue(with_yo)
        self.assertEqual(with_yo, without)
        self.assertIn(self.site.url + "materials/novogodniaia-iolka-master-klass/", with_yo)

    def test_a_filter_narrows_to_one_school(self):
        everything = self.search("урок")
        select = self.driver.find_element("css selector", ".search-filters select[name='школа']")
        from selenium.webdriver.support.ui import Select
        Select(select).select_by_value("Покровская СОШ")
        wait_for(self.driver, lambda d: "школа=" in urllib.parse.unquote(d.current_url)
                 and len(result_urls(d)) < len(everything))
        schools = [p.text for p in self.driver.find_elements("css selector", ".search-result__meta")]
        self.assertTrue(schools)
        # «статья · Покровская СОШ · 26 октября 2023 г.»: the school is the second fact.
        self.assertTrue(all(s.split(" · ")[1] == "Покровская СОШ" for s in schools), schools)
        query = urllib.parse.parse_qs(urllib.parse.urlparse(self.driver.current_url).query)
        self.assertEqual(query["школа"], ["Покровская СОШ"])
        self.assertEqual(query["q"], ["урок"])

    def test_no_match_says_so_in_russian(self):
        self.assertEqual(self.search("фотосинтез"), [])
        self.assertIn("Ничего не найдено", status(self.driver))

    def test_the_url_restores_the_search(self):
        self.driver.get(self.site.url + "search/")
        wait_for(self.driver, lambda d: d.find_element("css selector", "[data-search]").get_attribute("data-ready"))
        field = self.driver.find_element("css selector", "#search-q")
        field.send_keys("мониторинг")
        wait_for(self.driver, lambda d: "q=" in d.current_url and results(d))
        shared = self.driver.current_url
        found = result_urls(self.driver)
        self.driver.get(self.site.url)
        self.driver.get(shared)
        wait_for(self.driver, lambda d: results(d))
        self.assertEqual(self.driver.find_element("css selector", "#search-q").get_attribute("value"), "мониторинг")
        self.assertEqual(result_urls(self.driver), found)

    def test_plan_activities_are_found_too(self):
        urls = self.search("Точка роста")
        self.assertIn(self.site.url + "plan/2023/tochka-rosta/", urls)

    def test_the_header_box_leads_to_search(self):
        self.driver.get(self.site.url + "materials/")
        box = self.driver.find_element("css selector", ".site-search__input")
        box.send_keys("ёлка")
        box.submit()
        wait_for(self.driver, lambda d: "/search/" in d.current_url and results(d))
        self.assertIn(self.site.url + "materials/novogodniaia-iolka-master-klass/", result_urls(self.driver))

    def test_without_webassembly_the_page_says_so(self):
        self.driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": "delete window.WebAssembly;"})
        try:
            self.driver.get(self.site.url + "search/?q=ёлка")
            note = wait_for(self.driver, lambda d: [n for n in d.find_elements("css selector", ".search-old")
                                                    if n.is_displayed()])[0]
            self.assertIn("не может выполнить поиск", note.text)
            links = [a.get_attribute("href") for a in note.find_elements("css selector", "a")]
            self.assertIn(self.site.url + "materials/", links)
        finally:
            self.driver.quit()
            type(self).driver = browser()

    def test_a_browser_without_modules_is_told_what_works_instead(self):
        # Chromium runs modules, so the nomodule script an old browser would run is run here by hand.
        self.driver.get(self.site.url + "search/")
        old = self.driver.find_element("css selector", ".search-old")
        self.assertFalse(old.is_displayed())
        script = self.driver.find_element("css selector", "script[nomodule]").get_attribute("textContent")
        self.driver.execute_script(script)
        self.assertTrue(old.is_displayed())
        self.assertIn("все материалы", old.text)


@unittest.skipIf(REASON, REASON)
class FacetTests(BrowserTest):
    def test_instant_filters_on_the_materials_list(self):
        from selenium.webdriver.support.ui import Select
        self.driver.get(self.site.url + "materials/")
        form = wait_for(self.driver, lambda d: d.find_element("css selector", ".js-facets").is_displayed()
                        and d.find_element("css selector", ".js-facets"))
        Select(form.find_element("css selector", "select[name='класс']")).select_by_value("5 класс")
        wait_for(self.driver, lambda d: d.find_element("css selector", ".facets__status").text != "")
        shown = self.driver.find_elements("css selector", ".facets__results .search-result")
        self.assertTrue(shown)
        self.assertRegex(self.driver.find_element("css selector", ".facets__status").text,
                         r"^%d материал" % len(shown))
        self.assertIn("класс=5", urllib.parse.unquote(self.driver.current_url).replace(" ", "+").replace("+класс", ""))
        # The state is in the URL: opening it again shows the same selection.
        self.driver.get(self.driver.current_url)
        wait_for(self.driver, lambda d: d.find_elements("css selector", ".facets__results .search-result"))
        self.assertEqual(len(self.driver.find_elements("css selector", ".facets__results .search-result")), len(shown))

    def test_without_javascript_the_listing_pages_filter(self):
        driver = browser(javascript=False)
        try:
            driver.get(self.site.url + "materials/")
            self.assertFalse(driver.find_element("css selector", ".js-facets").is_displayed())
            driver.find_element("link text", "Школы").click()
            driver.find_element("partial link text", "Покровская СОШ").click()
            self.assertTrue(driver.current_url.endswith("/schools/pokrovskaya/"))
            cards = driver.find_elements("css selector", ".cards .card")
            self.assertTrue(cards)
            driver.get(self.site.url + "search/")
            self.assertIn("нужен JavaScript", driver.find_element("tag name", "noscript").get_attribute("textContent"))
        finally:
            driver.quit()


if __name__ == "__main__":
    unittest.main()


@unittest.skipIf(REASON, REASON)
class PlanDates(BrowserTest):
    def test_the_plan_shows_readable_dates_first_so_find_lands_on_a_month(self):
        self.driver.get(self.site.url + "plan/2023/")
        cells = [c.text for c in self.driver.find_elements("css selector", ".plan-table__when")]
        self.assertTrue(cells)
        # What the browser's find (Ctrl+F) searches is the visible text: «октябр» is in it.
        october = [c for c in cells if "октябр" in c.split("\n")[0]]
        self.assertTrue(october, cells)
        self.assertTrue(all("в плане:" in c.split("\n")[-1] for c in cells))
        # An activity's page has the date once, readable, and no raw line.
        self.driver.get(self.site.url + "plan/2023/seminar-cherez-innovatsii/")
        self.assertNotIn("в плане:", self.driver.find_element("css selector", "main").text)
        self.assertIn("14 февраля 2023 г.", self.driver.find_element("css selector", ".meta").text)



# Issue 18: the queries the index made in pieces must answer as one Pagefind run does — word
# forms, ё and е, several words, filters, the date order.
PIECE_QUERIES = [
    ("семинар", {}), ("семинарами", {}), ("семинаров", {}), ("урок", {}), ("уроки", {}),
    ("открытый урок", {}), ("ёлка", {}), ("елка", {}), ("ёлочные", {}), ("елочные", {}), ("педагогов", {}),
    ("педагог", {}), ("мониторинг", {}), ("воспитания", {}), ("цифровая среда", {}), ("ФГОС", {}),
    ("математика", {}), ("психолого-педагогическое сопровождение", {}), ("точка роста", {}), ("итоги", {}),
    ("адаптированная программа", {}), ("урок", {"filters": {"форма": "открытый урок"}}),
    ("педагог", {"filters": {"тип": "материал"}}), ("школа", {"filters": {"школа": "Покровская СОШ"}}),
    ("урок", {"sort": {"date": "asc"}}), ("семинар", {"sort": {"date": "desc"}}),
]

ASK = """
const [base, queries, done] = arguments;
(async () => {
  const pagefind = await import(base + "pagefind/pagefind.js");
  await pagefind.options({ baseUrl: base });
  const answers = [];
  for (const [query, options] of queries) {
    const search = await pagefind.search(query, options);
    const urls = [];
    for (const result of search.results) {
      const data = await result.data();
      urls.push([data.url, result.score.toFixed(6), data.meta.date || ""]);
    }
    answers.push(urls);
  }
  done(answers);
})().catch(error => done(String(error)));
"""


@unittest.skipIf(REASON, REASON)
class PiecedIndexTests(BrowserTest):
    def answers(self, site):
        self.driver.get(site.url + "search/")
        # The page's own script sets Pagefind's options too: ASK's come after, whatever the timing.
        wait_for(self.driver, lambda d: d.find_element("css selector", "[data-search]").get_attribute("data-ready"))
        self.driver.set_script_timeout(60)
        answers = self.driver.execute_async_script(ASK, site.url, [list(q) for q in PIECE_QUERIES])
        if not isinstance(answers, list):
            return answers
        # The two sites are served on different ports: compare the pages' own paths.
        return [[[r[0].replace(site.url, "/"), r[1], r[2]] for r in urls] for urls in answers]

    def test_the_index_made_in_pieces_answers_as_one_run(self):
        one = self.answers(self.site)
        pieced = self.answers(Site.pieced())
        self.assertIsInstance(one, list, one)
        self.assertEqual(len(one), len(PIECE_QUERIES))
        # Every query finds something, and the date orders are orders.
        for (query, _), urls in zip(PIECE_QUERIES, one):
            self.assertTrue(urls, query)
        for (query, options), a, b in zip(PIECE_QUERIES, one, pieced):
            if "sort" in options:
                # Pages of one date may come in either order; the dates come in the same order.
                self.assertEqual(sorted(a), sorted(b), query)
                self.assertEqual([r[2] for r in a], [r[2] for r in b], query)
            else:
                self.assertEqual(a, b, (query, options))

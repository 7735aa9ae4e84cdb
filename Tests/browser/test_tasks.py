"""A teacher's everyday tasks, counted in clicks from the home page at 1 280 px, with
JavaScript on and off: typing into the search box and scrolling are not clicks."""
import os, tempfile, time, unittest, urllib.parse, urllib.request
from support import Site, browser, missing_tools, wait_for

REASON = missing_tools()


def in_view(driver, element):
    """Whether the element's top is on the screen as it is now, without scrolling."""
    return driver.execute_script(
        "var r = arguments[0].getBoundingClientRect(); return r.top >= 0 && r.top < window.innerHeight;",
        element)


@unittest.skipIf(REASON, REASON)
class EverydayTasks(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.site = Site.shared()
        cls.drivers = {True: browser(javascript=True), False: browser(javascript=False)}

    @classmethod
    def tearDownClass(cls):
        for driver in cls.drivers.values():
            driver.quit()

    def each_driver(self):
        """Both browsers: JavaScript on, then off (a failure names which)."""
        return list(self.drivers.items())

    def served(self, address):
        """An absolute address of the site (its base_url has no port) on the test server."""
        base = "http://127.0.0.1/okrug/"
        self.assertTrue(address.startswith(base), address)
        return self.site.url + address[len(base):]

    def test_pokrovskaya_and_the_fifth_grade_in_three_clicks(self):
        for javascript, d in self.each_driver():
            d.get(self.site.url)
            d.find_element("css selector", "main a[href$='schools/pokrovskaya/']").click()  # 1
            d.find_element("css selector", ".narrow a[href$='klass-5/']").click()  # 2
            self.assertEqual(d.find_element("css selector", "h1").text, "Покровская СОШ: 5 класс")
            cards = d.find_elements("css selector", ".card__title a")
            self.assertTrue(cards)
            cards[0].click()  # 3
            meta = d.find_element("css selector", ".meta").text
            self.assertIn("Покровская СОШ", meta)
            self.assertIn("5", meta.split("Класс")[-1])

    def test_october_and_who_is_responsible_in_two_clicks(self):
        for javascript, d in self.each_driver():
            d.get(self.site.url)
            d.find_element("css selector", ".site-nav.site-wide a[href$='plan/2023/']").click()  # 1
            d.find_element("css selector", ".plan-months a[href='#mesiats-10']").click()  # 2
            block = d.find_element("css selector", "#mesiats-10")
            top = d.execute_script("return arguments[0].getBoundingClientRect().top", block)
            self.assertLess(abs(top), 40, "the October block starts the screen, no other month above it")
            self.assertTrue(block.text.startswith("октябрь"), block.text)
            self.assertIn("отв.:", block.text)

    def test_the_seminars_presentation_is_saved_from_a_search_in_two_clicks(self):
        d = self.drivers[True]
        folder = tempfile.mkdtemp(prefix="okrug-downloads-")
        d.execute_cdp_cmd("Page.setDownloadBehavior", {"behavior": "allow", "downloadPath": folder})
        d.get(self.site.url)
        box = d.find_element("css selector", ".site-search.site-wide input[name=q]")
        box.send_keys("Через инновации\n")
        wait_for(d, lambda d: d.find_elements("css selector", ".search-result__title a"))
        first = d.find_elements("css selector", ".search-result__title a")[0]
        self.assertIn("cherez-innovatsii-k-kachestvu-obrazovaniia", first.get_attribute("href"))
        first.click()  # 1
        save = d.find_element("css selector", ".files a[href='prezentatsiia-seminara.pptx'][download]")
        self.assertTrue(in_view(d, save), "the file is on the first screen, no scrolling")
        self.assertEqual(save.get_attribute("download"), "Презентация семинара.pptx")
        save.click()  # 2
        saved = os.path.join(folder, "Презентация семинара.pptx")
        wait_for(d, lambda _: os.path.exists(saved), timeout=10)
        with open(saved, "rb") as f:
            self.assertEqual(f.read(2), b"PK")
        # The PDF of the same material opens in the browser instead.
        opens = d.find_element("css selector", ".file__actions a[href='programma-seminara.pdf']:not([download])")
        self.assertTrue(opens.text.startswith("Открыть"))

    def test_without_javascript_the_files_are_one_click_from_the_material(self):
        d = self.drivers[False]
        d.get(self.site.url + "materials/cherez-innovatsii-k-kachestvu-obrazovaniia/")
        block = d.find_element("css selector", ".files")
        self.assertTrue(block.text.startswith("Файлы (2)"), block.text)
        self.assertIn("PDF, 28 КБ, 1 страница", block.text)
        self.assertTrue(in_view(d, d.find_element("css selector", ".files a[href='prezentatsiia-seminara.pptx']")))
        preview = d.find_element("css selector", ".file__preview img")
        self.assertGreater(d.execute_script("return arguments[0].naturalWidth", preview), 0)

    def test_a_word_document_reads_online(self):
        for javascript, d in self.each_driver():
            d.get(self.site.url + "materials/predmetnaia-nedelia-ekologicheskogo-vospitaniia/")
            d.find_element("css selector", ".files a[href^='chitat/']").click()
            self.assertEqual(d.find_element("css selector", "h1").text, "План предметной недели (образец)")
            self.assertIn("Экологическая игра", d.find_element("css selector", ".prose").text)
            self.assertEqual(
                d.find_element("css selector", ".online a[download]").get_attribute("download"),
                "План предметной недели (образец).docx")

    def test_subscribing_to_the_calendar_in_two_clicks_with_the_steps_on_screen(self):
        for javascript, d in self.each_driver():
            d.get(self.site.url)
            d.find_element("css selector", ".site-footer a[href$='podpiska/']").click()  # 1
            subscribe = d.find_element("css selector", "a[href^='webcal:']")
            self.assertTrue(in_view(d, subscribe))
            self.assertTrue(in_view(d, d.find_element("css selector", "#howto-title")), "the steps start on screen")
            for service in ("Яндекс Календарь", "Google Календарь", "Outlook", "Телефон"):
                self.assertIn(service, d.find_element("css selector", ".howto").text)
            self.assertEqual(d.find_element("css selector", ".js-copy").is_displayed(), javascript)
            webcal = subscribe.get_attribute("href")  # 2 is this link: the calendar program takes over
            self.assertTrue(webcal.startswith("webcal://"), webcal)
            calendar = urllib.request.urlopen(self.served("http://" + webcal[len("webcal://"):])).read().decode("utf-8")
            events = calendar.split("BEGIN:VEVENT")[1:]
            self.assertEqual(len(events), 9, "every activity with a date; the year-round ones in the note")
            unfolded = calendar.replace("\r\n ", "")
            self.assertIn("Без отдельной даты:", unfolded)
            self.assertIn("в течение 2023 года", unfolded)
            # A month is an all-day span over the whole month (April: 1 April to 1 May, exclusive).
            self.assertIn("DTSTART;VALUE=DATE:20230401\r\nDTEND;VALUE=DATE:20230501", unfolded)
            for event in events:
                unfolded = event.replace("\r\n ", "")
                url = [line for line in unfolded.split("\r\n") if line.startswith("URL:")][0][4:]
                self.assertIn("Подробнее: " + url, unfolded.replace("\\n", "\n"))
                self.assertEqual(urllib.request.urlopen(self.served(url)).status, 200)

    def test_the_feed_opens_as_a_russian_page(self):
        d = self.drivers[True]
        d.get(self.site.url + "feed.xml")
        self.assertNotIn("does not appear to have any style information", d.page_source)
        self.assertNotIn("XSLT", d.page_source)
        shown = d.execute_script("return document.documentElement.innerText || document.documentElement.textContent")
        self.assertIn("Лента новых материалов", shown)
        self.assertIn("Как подписаться", shown)
        link = d.find_element("xpath", "//*[local-name()='a' and contains(., 'Открыть материал')]")
        page = self.served(link.get_attribute("href"))
        self.assertIn("/materials/", page)
        self.assertEqual(urllib.request.urlopen(page).status, 200)


if __name__ == "__main__":
    unittest.main()

"""A photo report in Chromium: without JavaScript each small picture is a link to its large copy;
with it the viewer opens, goes on with the arrow keys, and Esc closes it, the focus back on the
photo shown last. The photos are written by Pillow into a copy of the sample's Content/."""
import os, shutil, tempfile, unittest
from support import ROOT, Site, browser, missing_tools, wait_for

try:
    from PIL import Image
    REASON = missing_tools() or (None if shutil.which("vips") else "libvips is not installed (scripts/setup.sh --office)")
except ImportError:
    REASON = "Pillow is not installed in .venv (scripts/setup.sh --tests installs it)"

CAPTIONS = ["Открытие семинара", "Работа в группах", "Подведение итогов"]


def photo_report_content():
    content = os.path.join(tempfile.mkdtemp(prefix="okrug-photos-"), "Content")
    shutil.copytree(os.path.join(ROOT, "Content"), content)
    folder = os.path.join(content, "materials", "fotootchet-seminara")
    os.makedirs(os.path.join(folder, "foto"))
    lines = ["---", "title: Фотоотчёт семинара", "date: 2023-02-14", "authors: [Ткаченко Е.Е.]", "school: sosh13",
             "direction: joint-events", "kind: seminar", "activity: 2023/seminar-cherez-innovatsii", "photos:"]
    for number, caption in enumerate(CAPTIONS, 1):
        image = Image.new("RGB", (2000, 1500), (40 * number, 90, 160 - 30 * number))
        image.save(os.path.join(folder, "foto", f"{number}.jpg"), "JPEG", quality=85)
        lines.append(f"  - {{file: foto/{number}.jpg, caption: {caption}}}")
    with open(os.path.join(folder, "index.md"), "w", encoding="utf-8") as f:
        f.write("\n".join(lines + ["---", "", "Как прошёл семинар.", ""]))
    return content


@unittest.skipIf(REASON, REASON)
class PhotoReport(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.site = Site(content=photo_report_content())
        cls.page = cls.site.url + "materials/fotootchet-seminara/"

    def test_without_javascript_each_photo_is_a_link_to_its_large_copy(self):
        driver = browser(width=360, javascript=False)
        try:
            driver.get(self.page)
            links = driver.find_elements("css selector", ".photos__link")
            self.assertEqual(len(links), 3)
            self.assertEqual(driver.find_element("css selector", ".photos__title").text, "Фотоотчёт (3)")
            thumb = links[0].find_element("css selector", "img")
            self.assertTrue(thumb.get_attribute("src").endswith("foto/1.jpg.480.jpg"), thumb.get_attribute("src"))
            self.assertEqual(thumb.get_attribute("alt"), "Открытие семинара")
            self.assertEqual(driver.find_element("css selector", ".photos__caption").text, "Открытие семинара")
            links[1].click()
            wait_for(driver, lambda d: d.current_url.endswith("foto/2.jpg.1600.jpg"))
        finally:
            driver.quit()

    def test_the_activity_of_the_plan_shows_the_photos_of_its_materials(self):
        driver = browser(javascript=False)
        try:
            driver.get(self.site.url + "plan/2023/seminar-cherez-innovatsii/")
            self.assertEqual(driver.find_element("css selector", "#photos-title").text, "Фото мероприятия")
            links = driver.find_elements("css selector", ".photos__link")
            self.assertEqual([l.get_attribute("href").split("/materials/")[1] for l in links],
                             [f"fotootchet-seminara/foto/{n}.jpg.1600.jpg" for n in (1, 2, 3)])
        finally:
            driver.quit()

    def test_the_results_of_the_year_show_its_photo_reports(self):
        driver = browser(width=360, javascript=False)
        try:
            driver.get(self.site.url + "plan/2023/results/")
            self.assertEqual(driver.find_element("css selector", "#photo-reports-title").text, "Фотоотчёты 1")
            report = driver.find_element("css selector", ".photo-report")
            heading = report.find_element("css selector", "h3")
            self.assertEqual(heading.text, "Фотоотчёт семинара 3 фотографии")
            links = report.find_elements("css selector", ".photos__link")
            self.assertEqual([l.get_attribute("href").split("/materials/")[1] for l in links],
                             [f"fotootchet-seminara/foto/{n}.jpg.1600.jpg" for n in (1, 2, 3)])
            self.assertEqual(links[0].find_element("css selector", "img").get_attribute("alt"), "Открытие семинара")
            # The photos fit the phone's width: the page does not scroll sideways.
            self.assertLessEqual(driver.execute_script("return document.documentElement.scrollWidth"), 360)
            heading.find_element("css selector", "a").click()
            wait_for(driver, lambda d: d.current_url.endswith("materials/fotootchet-seminara/#photos-title"))
        finally:
            driver.quit()

    def test_the_viewer_goes_on_with_the_keyboard_and_esc_closes_it(self):
        from selenium.webdriver.common.keys import Keys
        driver = browser()
        try:
            driver.get(self.page)
            wait_for(driver, lambda d: d.find_elements("css selector", "dialog.viewer"))
            driver.find_elements("css selector", ".photos__link")[0].click()
            dialog = driver.find_element("css selector", "dialog.viewer")
            wait_for(driver, lambda d: dialog.get_attribute("open") is not None)
            count = dialog.find_element("css selector", ".viewer__count")
            image = dialog.find_element("css selector", ".viewer__image")
            self.assertEqual(count.text, "1 из 3")
            self.assertTrue(image.get_attribute("src").endswith("foto/1.jpg.1600.jpg"))
            self.assertEqual(dialog.find_element("css selector", ".viewer__caption").text, "Открытие семинара")
            active = driver.switch_to.active_element
            active.send_keys(Keys.ARROW_RIGHT)
            wait_for(driver, lambda d: count.text == "2 из 3")
            self.assertEqual(image.get_attribute("alt"), "Работа в\u00a0группах")
            driver.switch_to.active_element.send_keys(Keys.ARROW_LEFT)
            driver.switch_to.active_element.send_keys(Keys.ARROW_LEFT)
            wait_for(driver, lambda d: count.text == "3 из 3")
            driver.switch_to.active_element.send_keys(Keys.ESCAPE)
            wait_for(driver, lambda d: dialog.get_attribute("open") is None)
            focused = driver.switch_to.active_element
            self.assertTrue(focused.get_attribute("href").endswith("foto/3.jpg.1600.jpg"), focused.get_attribute("href"))
            # The on-screen buttons do the same.
            driver.find_elements("css selector", ".photos__link")[2].click()
            wait_for(driver, lambda d: dialog.get_attribute("open") is not None)
            dialog.find_element("css selector", ".viewer__next").click()
            wait_for(driver, lambda d: count.text == "1 из 3")
            dialog.find_element("css selector", ".viewer__close").click()
            wait_for(driver, lambda d: dialog.get_attribute("open") is None)
        finally:
            driver.quit()

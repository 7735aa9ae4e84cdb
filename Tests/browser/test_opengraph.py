"""Link previews: every page of the sample site read by a real OpenGraph parser (extruct), as
VK, Telegram or a messenger reads it; the pictures they name fetched over HTTP."""
import io, os, shutil, subprocess, tempfile, unittest, urllib.request
from support import Site, missing_tools

try:
    import extruct
    from PIL import Image
    REASON = missing_tools()
except ImportError:
    REASON = "extruct and Pillow are not installed in .venv (scripts/setup.sh --tests installs them)"


@unittest.skipIf(REASON, REASON)
class OpenGraph(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.site = Site.shared()

    def pages(self):
        for folder, _, names in os.walk(self.site.output):
            if "pagefind" in folder:
                continue
            for name in names:
                if name.endswith(".html"):
                    path = os.path.join(folder, name)
                    yield os.path.relpath(path, self.site.output), path

    def tags(self, path, address):
        with open(path, encoding="utf-8") as f:
            found = extruct.extract(f.read(), base_url=address, syntaxes=["opengraph"], uniform=True)["opengraph"]
        self.assertEqual(len(found), 1, path)
        return found[0]

    def fetch(self, url):
        # The site is served at 127.0.0.1 under the base address the build was given.
        with urllib.request.urlopen(url.replace("http://127.0.0.1/", self.site.url.split("okrug/")[0]), timeout=10) as r:
            return r.read()

    def test_every_page_has_a_link_preview_with_a_picture_that_exists(self):
        checked = 0
        for relative, path in self.pages():
            address = "http://127.0.0.1/okrug/" + relative.removesuffix("index.html")
            with self.subTest(relative):
                tags = self.tags(path, address)
                for key in ("og:title", "og:description", "og:url", "og:image", "og:site_name"):
                    self.assertTrue(tags.get(key), f"{relative}: no {key}")
                self.assertEqual(tags["og:locale"], "ru_RU")
                self.assertEqual(tags["og:site_name"], "Образовательный округ")
                self.assertTrue(tags["og:url"].startswith("http://127.0.0.1/okrug/"), tags["og:url"])
                self.assertTrue(tags["og:image"].startswith("http://127.0.0.1/okrug/"), tags["og:image"])
                with open(path, encoding="utf-8") as f:
                    self.assertIn('<meta name="twitter:card" content="summary_large_image">', f.read())
                checked += 1
        self.assertGreater(checked, 100)

    def test_a_material_shows_its_picture_and_others_the_sites_card(self):
        material = os.path.join(self.site.output, "materials/monitoring-obrazovatelnykh-rezultatov/index.html")
        tags = self.tags(material, "http://127.0.0.1/okrug/materials/monitoring-obrazovatelnykh-rezultatov/")
        self.assertEqual(tags["@type"], "article")
        self.assertEqual(tags["og:image"],
                         "http://127.0.0.1/okrug/materials/monitoring-obrazovatelnykh-rezultatov/diagramma.png")
        picture = Image.open(io.BytesIO(self.fetch(tags["og:image"])))
        self.assertEqual((picture.width, picture.height), (int(tags["og:image:width"]), int(tags["og:image:height"])))

        home = self.tags(os.path.join(self.site.output, "index.html"), "http://127.0.0.1/okrug/")
        self.assertEqual(home["@type"], "website")
        self.assertEqual(home["og:image"], "http://127.0.0.1/okrug/og-card.png")
        card = Image.open(io.BytesIO(self.fetch(home["og:image"])))
        self.assertEqual((card.width, card.height), (1200, 630))
        self.assertEqual(card.convert("RGB").getpixel((10, 10)), (0x1D, 0x5C, 0x4D))

    def test_a_material_without_a_picture_has_a_card_with_its_title_and_school(self):
        slug = "kruglyi-stol-itogi-raboty-2023"
        tags = self.tags(os.path.join(self.site.output, f"materials/{slug}/index.html"),
                         f"http://127.0.0.1/okrug/materials/{slug}/")
        self.assertEqual(tags["og:image"], f"http://127.0.0.1/okrug/og/{slug}.png")
        data = self.fetch(tags["og:image"])
        card = Image.open(io.BytesIO(data))
        self.assertEqual((card.width, card.height, card.format), (1200, 630, "PNG"))
        self.assertLess(len(data), 30_000)
        if not shutil.which("tesseract"):
            self.skipTest("tesseract is not installed (scripts/setup.sh --office): the card's words are not read")
        # Read back as a person would: the title, the school and the site's name are on it.
        with tempfile.NamedTemporaryFile(suffix=".png") as file:
            card.convert("RGB").save(file.name)
            words = subprocess.run(["tesseract", file.name, "stdout", "-l", "rus"], capture_output=True, text=True,
                                   timeout=120, env=dict(os.environ, OMP_THREAD_LIMIT="1")).stdout
        flat = " ".join(words.split())
        for expected in ("Круглый стол", "ОО-спутник", "СОШ №13", "Образовательный округ"):
            self.assertIn(expected, flat)

"""`okrug import-doc` over real documents: Word files written by python-docx (make_docs.py:
headings, nested lists, a table with alignment and merged cells, pictures with and without alt
text, footnotes, a link, Russian typography), LibreOffice files written from them by pandoc,
bad files (empty, cut off, not a document, password-protected, a broken .doc), links to files, a
TIFF picture, and real .doc and .rtf files from LibreOffice's own tests (Tests/files/thirdparty,
licences beside them). Each test works
on a copy of the sample Content/ in a temporary folder, with `.build/debug/okrug` and the pandoc
that scripts/setup.sh installs into .venv/.

    .venv/bin/python -m unittest discover -s Tests/importdoc -v
"""

import os
import re
import shutil
import subprocess
import sys
import tempfile
import unittest
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
OKRUG = str(ROOT / ".build" / "debug" / "okrug")
DOCS = None


def setUpModule():
    global DOCS
    DOCS = Path(tempfile.mkdtemp(prefix="okrug-docs-"))
    subprocess.run([sys.executable, str(Path(__file__).parent / "make_docs.py"), str(DOCS)], check=True,
                   capture_output=True)


def tearDownModule():
    shutil.rmtree(DOCS, ignore_errors=True)


def listing(folder):
    return sorted(str(p.relative_to(folder)) for p in Path(folder).rglob("*"))


class Project:
    """A copy of the sample Content/ to import into."""

    def __init__(self):
        self.root = Path(tempfile.mkdtemp(prefix="okrug-import-"))
        shutil.copytree(ROOT / "Content", self.root / "Content")
        self.content = self.root / "Content"

    def okrug(self, *args, cwd=ROOT, env=None):
        return subprocess.run([OKRUG, *args], cwd=cwd, capture_output=True, text=True, env=env, timeout=300)

    def import_doc(self, *args, **kwargs):
        return self.okrug("import-doc", *args, "--content", str(self.content), **kwargs)

    def material(self, slug):
        return self.content / "materials" / slug

    def build(self):
        return self.okrug("build", "--content", str(self.content), "--output", str(self.root / "Public"),
                          "--no-search")

    def page(self, slug):
        return (self.root / "Public" / "materials" / slug / "index.html").read_text()

    def remove(self):
        shutil.rmtree(self.root, ignore_errors=True)


def body_of(text):
    return text.split("\n---\n", 1)[1]


def table_html(page):
    found = re.search(r'<div class="table-scroll".*?</div>', page, re.S)
    return found.group(0) if found else None


class ImportDoc(unittest.TestCase):
    def setUp(self):
        self.project = Project()

    def tearDown(self):
        self.project.remove()

    def test_a_word_document_becomes_a_draft_and_then_a_page(self):
        p = self.project
        run = p.import_doc(str(DOCS / "seminar.docx"), "--school", "prigorodnaya", "--direction", "methodical",
                           "--kind", "seminar", "--activity", "2023/seminar-cherez-innovatsii")
        self.assertEqual(run.returncode, 0, run.stderr + run.stdout)
        folder = p.material("programma-seminara-praktikuma")
        self.assertEqual(sorted(os.listdir(folder)), ["index.md", "risunok-1.png", "risunok-2.png", "seminar.docx"])
        self.assertEqual((folder / "seminar.docx").read_bytes(), (DOCS / "seminar.docx").read_bytes())
        text = (folder / "index.md").read_text()
        lines = text.split("\n")
        for line in ("title: Программа семинара-практикума", "authors: [Ткаченко Е.Е.]", "school: prigorodnaya",
                     "direction: methodical", "kind: seminar", "activity: 2023/seminar-cherez-innovatsii",
                     "  - {file: seminar.docx, title: Исходный документ}", "draft: true"):
            self.assertIn(line, lines)
        body = body_of(text)
        # The body: the title heading left for the page's h1; sections, lists, the table, the
        # pictures, the notes; quotes and dashes as typed; no HTML at all.
        self.assertNotIn("# Программа семинара-практикума", body)
        self.assertIn("## Цели семинара", body)
        self.assertIn("- Классные руководители\n  - руководители 5–9 классов", body)
        self.assertIn("«лучшие практики „сетевых“ проектов»", body)
        self.assertIn("[Министерства просвещения](https://edu.gov.ru/)", body)
        self.assertRegex(body, r"\| Время +\| Секция +\| Аудитория +\|")
        self.assertIn("![Схема взаимодействия школ](risunok-1.png)", body)
        self.assertIn("## Примечания", body)
        self.assertIsNone(re.search(r"<[a-zA-Z/!]", body), "raw HTML in the body")
        # Warnings name the places in the new file: the merged table's header, the picture without alt text.
        places = dict(re.findall(r"index\.md:(\d+):1: warning: (таблица 1|у рисунка risunok-2\.png)", run.stderr))
        self.assertEqual(set(places.values()), {"таблица 1", "у рисунка risunok-2.png"}, run.stderr)
        for line, what in places.items():
            shown = lines[int(line) - 1]
            self.assertTrue(shown.startswith("| Время") if what == "таблица 1" else "risunok-2.png" in shown, shown)
        self.assertIn("Импортировано документов: 1 из 1.", run.stdout)

        check = p.okrug("check", "--content", str(p.content))
        self.assertEqual(check.returncode, 0, check.stderr)
        self.assertNotIn("programma-seminara-praktikuma", check.stderr)

        # Finished: draft: true removed, the page has the document's table, lists, pictures, notes.
        (folder / "index.md").write_text(text.replace("draft: true\n", ""))
        build = p.build()
        self.assertEqual(build.returncode, 0, build.stderr)
        page = p.page("programma-seminara-praktikuma")
        self.assertIn('<th scope="col" class="align-center">Время</th>', page)
        self.assertIn('<td class="align-right">101</td>', page)
        self.assertIn("<td>Математика | информатика</td>", page)
        self.assertIn("<li>Классные руководители\n<ul>", page)
        self.assertRegex(page, r'<img src="risunok-1\.png"[^>]* alt="Схема взаимодействия школ"')
        self.assertIn('<h2 id="primechaniia">', page)
        self.assertIn('<a href="#primechaniia">[1]</a>', page)
        self.assertIn("Исходный документ", page)
        self.assertTrue((p.root / "Public/materials/programma-seminara-praktikuma/risunok-1.png").exists())

        # The same table typed by hand renders the same.
        by_hand = p.material("tablitsa-vruchnuiu.md")
        by_hand.write_text(
            "---\ntitle: Таблица вручную\ndate: 2024-09-01\nauthors: [Ткаченко Е.Е.]\nschool: sosh13\n"
            "direction: methodical\nkind: seminar\n---\n\n"
            "|Время|Секция|Аудитория|\n|:-:|---|--:|\n|10:00|Математика \\| информатика|101|\n"
            "|11:00|Русский язык; ведущая Иванова А.П. каб. 2| |\n|12:00|Обед||\n")
        build = p.build()
        self.assertEqual(build.returncode, 0, build.stderr)
        imported_table = table_html(p.page("programma-seminara-praktikuma"))
        self.assertIsNotNone(imported_table)
        self.assertEqual(table_html(p.page("tablitsa-vruchnuiu")), imported_table)

    def test_a_libreoffice_document_gives_the_same_text_as_word(self):
        p = self.project
        docx = p.import_doc(str(DOCS / "plan.docx"))
        self.assertEqual(docx.returncode, 0, docx.stderr)
        slug = "plan-metodicheskoi-raboty-na-2024-25-uchebnyi-god"
        from_word = body_of(p.material(slug).joinpath("index.md").read_text())
        shutil.rmtree(p.material(slug))
        odt = p.import_doc(str(DOCS / "plan.odt"))
        self.assertEqual(odt.returncode, 0, odt.stderr)
        self.assertEqual(body_of(p.material(slug).joinpath("index.md").read_text()), from_word)
        self.assertTrue(p.material(slug).joinpath("plan.odt").exists())
        # «Администратор» in the author property is not a name: the placeholder stays, with a warning.
        self.assertIn("authors: [Фамилия И.О.]", p.material(slug).joinpath("index.md").read_text())
        self.assertIn("«Администратор» — это не имя", odt.stderr)

    def test_bad_files_are_refused_with_a_reason_and_nothing_is_written(self):
        p = self.project
        before = listing(p.content)
        expected = {
            "empty.docx": "файл пуст",
            "broken.docx": "файл повреждён: в нём нет оглавления архива",
            "not-word.docx": "это не документ .docx",
            "password.docx": "защищён паролем",
            "old.doc": "документ не прочитан: LibreOffice не смог открыть файл",
            "zip-not-docx.docx": "pandoc не смог прочитать документ",
            "empty.odt": "файл пуст",
            "broken.odt": "файл повреждён: в нём нет оглавления архива",
        }
        for name, reason in expected.items():
            with self.subTest(name):
                run = p.import_doc(str(DOCS / name))
                self.assertEqual(run.returncode, 1, run.stdout)
                self.assertRegex(run.stderr, re.escape(name) + r": error: .*" + re.escape(reason))
                if not name.startswith("empty"):
                    self.assertIn("сохраните как «Документ Word (.docx)»", run.stderr)
                self.assertEqual(listing(p.content), before)
        missing = p.import_doc(str(DOCS / "нет-такого.docx"))
        self.assertEqual(missing.returncode, 1)
        self.assertIn("нет-такого.docx: error: файл не найден", missing.stderr)

    def test_archive_bombs_are_refused_from_their_table_of_contents_before_pandoc(self):
        """A few kilobytes that unpack to a 100 MB text, or ten thousand pictures: refused in
        a second by what the zip's central directory declares, the limit named, nothing written."""
        import time
        import zipfile
        p = self.project
        before = listing(p.content)
        bombs = Path(tempfile.mkdtemp(prefix="okrug-bombs-"))
        try:
            text = bombs / "text-bomb.docx"
            with zipfile.ZipFile(text, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
                z.writestr("[Content_Types].xml", "<Types/>")
                with z.open("word/document.xml", "w") as part:
                    for _ in range(100):
                        part.write(b"<w:t>a</w:t>" * 87382)
            pictures = bombs / "pictures.docx"
            png = bytes.fromhex("89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489")
            with zipfile.ZipFile(pictures, "w", zipfile.ZIP_STORED) as z:
                z.writestr("[Content_Types].xml", "<Types/>")
                z.writestr("word/document.xml", "<w:document/>")
                for number in range(10000):
                    z.writestr(f"word/media/image{number}.png", png)
            self.assertLess(text.stat().st_size, 2 << 20)
            expected = {
                text: "часть документа «word/document.xml» распаковывается в 100 МБ, а можно не больше 64 МБ (предел размера)",
                pictures: "в документе 10000 рисунков, а можно не больше 500 (предел числа рисунков)",
            }
            for path, reason in expected.items():
                with self.subTest(path.name):
                    start = time.monotonic()
                    run = p.import_doc(str(path))
                    self.assertLess(time.monotonic() - start, 20)
                    self.assertEqual(run.returncode, 1, run.stdout + run.stderr)
                    self.assertIn(reason, run.stderr)
                    self.assertIn("сожмите рисунки", run.stderr)
                    self.assertEqual(listing(p.content), before)
        finally:
            shutil.rmtree(bombs, ignore_errors=True)

    def test_a_folder_brings_each_document_and_a_second_run_overwrites_nothing(self):
        p = self.project
        folder = p.root / "from-word"
        folder.mkdir()
        for name in ("seminar.docx", "plan.docx"):
            shutil.copy(DOCS / name, folder / name)
        (folder / "~$minar.docx").write_bytes(b"lock file of an open document")
        first = p.import_doc(str(folder))
        self.assertEqual(first.returncode, 0, first.stderr)
        self.assertIn("Импортировано документов: 2 из 2.", first.stdout)
        self.assertIn("посмотрите: 2 предупреждения", first.stdout)
        made = p.material("programma-seminara-praktikuma") / "index.md"
        edited = made.read_text() + "\nДописано методистом.\n"
        made.write_text(edited)
        before = listing(p.content)
        second = p.import_doc(str(folder))
        self.assertEqual(second.returncode, 1)
        self.assertEqual(second.stderr.count("уже есть"), 2, second.stderr)
        self.assertEqual(made.read_text(), edited)
        self.assertEqual(listing(p.content), before)
        self.assertFalse([n for n in os.listdir(p.content / "materials") if n.startswith(".okrug-import")])

    def test_unknown_ids_are_answered_with_near_ones_before_anything_is_written(self):
        p = self.project
        before = listing(p.content)
        run = p.import_doc(str(DOCS / "seminar.docx"), "--school", "prigorodnya", "--activity",
                           "2023/seminar-cherez-inovatsii")
        self.assertEqual(run.returncode, 1)
        self.assertIn("неизвестный id школы «prigorodnya» в --school", run.stderr)
        self.assertIn("prigorodnaya", run.stderr)
        self.assertIn("в плане нет мероприятия «2023/seminar-cherez-inovatsii»", run.stderr)
        self.assertIn("2023/seminar-cherez-innovatsii", run.stderr)
        self.assertEqual(listing(p.content), before)

    def test_doc_and_rtf_are_read_through_libreoffice(self):
        p = self.project
        third = ROOT / "Tests" / "files" / "thirdparty" / "libreoffice"
        for name, slug, word in (("tdf74328.doc", "tdf74328", "innombrables"),
                                 ("tdf133437.rtf", "tdf133437", "Выписка")):
            with self.subTest(name):
                run = p.import_doc(str(third / name))
                self.assertEqual(run.returncode, 0, run.stderr)
                folder = p.material(slug)
                # The original is the attachment, kept as it was; the text came through LibreOffice's .docx.
                self.assertEqual((folder / name).read_bytes(), (third / name).read_bytes())
                text = (folder / "index.md").read_text()
                self.assertIn(f"  - {{file: {name}, title: Исходный документ}}", text)
                self.assertIn(word.lower(), body_of(text).lower())

    def test_a_link_to_a_file_comes_with_the_document_and_others_are_said(self):
        p = self.project
        folder = p.root / "from-word"
        folder.mkdir()
        shutil.copy(DOCS / "links.docx", folder / "links.docx")
        shutil.copy(ROOT / "Content/materials/cherez-innovatsii-k-kachestvu-obrazovaniia/programma-seminara.pdf",
                    folder / "Программа семинара.pdf")
        run = p.import_doc(str(folder / "links.docx"))
        self.assertEqual(run.returncode, 0, run.stderr)
        material = p.material("materialy-seminara-so-ssylkami")
        files = sorted(os.listdir(material))
        # The linked PDF came along under an address name; the TIFF became a PNG browsers show.
        self.assertEqual(files, ["index.md", "links.docx", "programma-seminara.pdf", "risunok-1.png"], run.stderr)
        text = (material / "index.md").read_text()
        self.assertIn("  - {file: programma-seminara.pdf, title: Программа семинара}", text)
        self.assertIn("[программа семинара](programma-seminara.pdf)", text)
        self.assertIn("![Отсканированная схема](risunok-1.png)", text)
        self.assertIn("[Минпросвещения](https://edu.gov.ru/)", text)
        self.assertEqual((material / "risunok-1.png").read_bytes()[:4], b"\x89PNG")
        # The file on the author's computer: said at import, at its line, and again by every check.
        lines = text.split("\n")
        said = re.search(r"index\.md:(\d+):1: warning: ссылка на файл на компьютере автора документа "
                         r"\(«file:///C:/Users/Metodist/Documents/Prikaz o seminare\.pdf»\)", run.stderr)
        self.assertIsNotNone(said, run.stderr)
        self.assertIn("file:///C:/Users/Metodist/Documents/Prikaz%20o%20seminare.pdf", lines[int(said.group(1)) - 1])
        check = p.okrug("check", "--content", str(p.content))
        self.assertIn("materialy-seminara-so-ssylkami/index.md", check.stderr)
        self.assertIn("file:///C:/Users/Metodist/Documents/Prikaz%20o%20seminare.pdf", check.stderr)
        # The import's placeholders are in every check too: the school, direction and kind it chose.
        self.assertIn("школа выбрана командой по умолчанию — проверьте её", check.stderr)

        # A link to a file that is not beside the document: an error naming it, nothing written.
        before = listing(p.content)
        missing = p.import_doc(str(DOCS / "links-missing.docx"))
        self.assertEqual(missing.returncode, 1)
        self.assertIn("в документе ссылка на файл «Приложение 2.docx», а рядом с документом такого файла нет",
                      missing.stderr)
        self.assertEqual(listing(p.content), before)

    def test_a_table_or_list_flattened_in_a_cell_is_said(self):
        run = self.project.import_doc(str(DOCS / "extras.docx"))
        self.assertEqual(run.returncode, 0, run.stderr)
        self.assertIn("в её ячейке была другая таблица", run.stderr)
        self.assertIn("в её ячейке был список", run.stderr)

    def test_without_pandoc_the_command_says_how_to_install_it(self):
        p = self.project
        env = {k: v for k, v in os.environ.items() if k != "OKRUG_PANDOC"}
        env["PATH"] = "/usr/bin:/bin"
        if shutil.which("pandoc", path=env["PATH"]):
            self.skipTest("a system pandoc is installed in /usr/bin")
        # Run from a folder with no .venv/: no pandoc anywhere.
        run = p.import_doc(str(DOCS / "seminar.docx"), cwd=p.root, env=env)
        self.assertEqual(run.returncode, 1)
        self.assertIn("не найден pandoc", run.stderr)
        self.assertIn("scripts/setup.sh", run.stderr)


if __name__ == "__main__":
    unittest.main()

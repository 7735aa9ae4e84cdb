"""Russian typography on every page, not only in Markdown bodies (issue 30, goal 7): over all
text nodes of all pages of the sample site, as Chromium has them, no ordinary space may
stand after a one- or two-letter word, between initials and a surname, between a number and
its unit or «год», or before a dash. Text in code, preformatted blocks, scripts and styles,
and the values search filters and sorts by (matched as the data has them) are left as
written."""
import os, unittest

from support import Site, browser, missing_tools

REASON = missing_tools()

# Each rule as a regular expression over one text node; the match is the ordinary space.
TEXT_JS = r"""
var rules = [
  ["короткое слово", /(^|[^0-9A-Za-zА-Яа-яЁё])([А-Яа-яЁё]{1,2}) (?=[0-9A-Za-zА-Яа-яЁё«(„])/g],
  // A surname and its initials, where nothing makes it «И.О. Фамилия» of the next person.
  ["фамилия и инициалы", /[А-ЯЁ][а-яё]+ [А-ЯЁ]\.(?:[А-ЯЁ]\.)?(?=$|[,;:)»]|\s[^А-ЯЁ])/g],
  ["инициалы и фамилия", /(^|[\s(«,])[А-ЯЁ]\.(?:\s?[А-ЯЁ]\.)? [А-ЯЁ][а-яё]{2,}(?=$|[,;:)»]|\s[^А-ЯЁ])/g],
  ["число и единица", /\d (?:г\.|гг\.|год|года|году|кг|км|см|мм|мин|ч\.|%|января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря|класс\w*)(?![А-Яа-яЁё])/g],
  ["пробел перед тире", /\S —/g],
];
var skip = /^(SCRIPT|STYLE|PRE|CODE|TEXTAREA|NOSCRIPT|TEMPLATE)$/;
// A search filter's or sort's value is data, matched as written.
function isData(e) { return e.hasAttribute("data-pagefind-filter") || e.hasAttribute("data-pagefind-sort"); }
var walker = document.createTreeWalker(document.documentElement, NodeFilter.SHOW_TEXT);
var found = [];
for (var node = walker.nextNode(); node; node = walker.nextNode()) {
  var skipped = false;
  for (var e = node.parentElement; e; e = e.parentElement) { if (skip.test(e.tagName) || isData(e)) { skipped = true; break; } }
  if (skipped) continue;
  var text = node.nodeValue;
  rules.forEach(function (rule) {
    rule[1].lastIndex = 0;
    var m;
    while ((m = rule[1].exec(text))) {
      var at = Math.max(0, m.index - 12);
      found.push(rule[0] + ": «" + text.slice(at, m.index + m[0].length + 12).replace(/\s+/g, " ").trim() + "»");
    }
  });
}
// The page's description and title, as a link preview shows them.
return found;
"""


@unittest.skipIf(REASON, REASON)
class RussianTypographyEverywhere(unittest.TestCase):
    def test_no_ordinary_space_where_a_line_must_not_break(self):
        site = Site.shared()
        pages = sorted(os.path.relpath(os.path.join(folder, name), site.output)
                       for folder, _, files in os.walk(site.output) for name in files
                       if name.endswith(".html") and "pagefind" not in folder)
        self.assertGreater(len(pages), 150)
        driver = browser(width=1280)
        problems = {}
        nodes = 0
        try:
            for page in pages:
                driver.get(site.url + page)
                found = driver.execute_script(TEXT_JS)
                for problem in found:
                    problems.setdefault(problem, []).append(page)
        finally:
            driver.quit()
        report = ["%s (%d стр., напр. %s)" % (p, len(where), where[0]) for p, where in sorted(problems.items())]
        self.maxDiff = None
        print("\n".join(report))
        self.assertEqual(report[:40], [], "%d kinds of unbroken text on %d pages" % (len(report), len(pages)))


if __name__ == "__main__":
    unittest.main()

import Foundation
import Testing

@testable import OkrugSearch
@testable import OkrugSite

/// The site's words for search that forgives: what Pagefind indexes of a page, and nothing else.
@Suite struct SearchWordsTests {
    @Test func onlyTheIndexedPartOfAPageGivesWords() {
        let page = """
            <html><head><title>Заголовок окна</title><script>var скрипт = 1;</script></head>
            <body><header>Шапка сайта</header>
            <main data-pagefind-body><h1>Семинар &laquo;Функциональная грамотность&raquo;&#8239;&#x2014;&amp;</h1>
            <div><p>Учителя-предметники   обсудили <b>ёлочные</b> игрушки&nbsp;и «Точку роста».</p></div>
            <div data-pagefind-ignore><div>Похожие материалы</div><p>Игнорируемый</p></div>
            <img src="a.png" alt="картинка"><br>
            <p>После   скрытого блока — ещё текст: 2023, ИКТ, PowerPoint.</p></main>
            <footer>Подвал сайта</footer></body></html>
            """
        let words = SearchWords.words(in: SearchWords.indexedText(of: Array(page.utf8)))
        #expect(
            words == [
                "семинар", "функциональная", "грамотность", "учителя", "предметники", "обсудили",
                "елочные", "игрушки", "точку", "роста", "после", "скрытого", "блока", "еще", "текст", "икт",
                "powerpoint",
            ])
    }

    @Test func aPageWithoutABodyMarkGivesNoWords() {
        #expect(SearchWords.indexedText(of: Array("<html><body><p>Слова</p></body></html>".utf8)).isEmpty)
    }
}

import Foundation
import OkrugCore
import OkrugText

/// What the browser shows instead of the site while the content is broken: every problem,
/// where it is and how to fix it. It reloads by itself when the files are fixed.
enum DiagnosticsPage {
    static func html(_ diagnostics: [Diagnostic]) -> String {
        let escape = XMLText.escape
        let errors = diagnostics.errors
        var items = ""
        for diagnostic in errors + diagnostics.warnings {
            let place =
                diagnostic.line > 0 ? "\(diagnostic.file):\(diagnostic.line):\(diagnostic.column)" : diagnostic.file
            let kind = diagnostic.severity == .error ? "ошибка" : "предупреждение"
            items += """
                <li class="\(diagnostic.severity.rawValue)"><p class="place"><code>\(escape(place))</code> <span class="kind">\(kind)</span></p>\
                <p class="message">\(escape(diagnostic.message))</p>\
                \(diagnostic.hint.isEmpty ? "" : "<p class=\"hint\">Как исправить: \(escape(diagnostic.hint))</p>")</li>

                """
        }
        return """
            <!DOCTYPE html>
            <html lang="ru">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Сайт не собран: \(RussianPlural.error.counted(errors.count))</title>
            <style>
            body { font-family: system-ui, "DejaVu Sans", sans-serif; margin: 0; padding: 1.5rem; color: #1f2328; line-height: 1.5; }
            h1 { font-size: 1.5rem; color: #8a1c1c; margin-top: 0; }
            ol { padding-left: 1.2rem; }
            li { margin-bottom: 1rem; padding: 0.6rem 0.9rem; border-left: 4px solid #8a1c1c; background: #fdf3f3; list-style-position: inside; }
            li.warning { border-color: #7a4100; background: #fff8ec; }
            p { margin: 0.2rem 0; }
            code { font-size: 1rem; overflow-wrap: anywhere; }
            .kind { color: #57606a; font-size: 0.9rem; }
            .message { font-weight: 600; }
            .hint { color: #3d444d; }
            </style>
            </head>
            <body>
            <h1>Сайт не собран: \(RussianPlural.error.counted(errors.count))</h1>
            <p>Исправьте файлы и сохраните их — страница обновится сама.</p>
            <ol>
            \(items)</ol>
            </body>
            </html>

            """
    }
}

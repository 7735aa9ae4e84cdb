import Foundation
import OkrugCore

/// `/plan/<year>/results.csv`: the numbers of the «Итоги» page for Excel in a Russian locale —
/// UTF-8 with a byte order mark (or Excel guesses Windows-1251), `;` between fields, CRLF.
enum ResultsCSV {
    static func csv(_ results: PlanResults, plan: Plan, site: Site) -> Data {
        var rows: [[String]] = [["Раздел", "Показатель", "Значение"]]
        func add(_ section: String, _ counts: [PlanResults.Count]) {
            for count in counts { rows.append([section, count.label, "\(count.value)"]) }
        }
        rows.append(["Материалы года", "Всего", "\(results.materials.count)"])
        add("Материалы по школам", results.bySchool)
        add("Материалы по направлениям", results.byDirection)
        add("Материалы по формам", results.byKind)
        add("Материалы по месяцам", results.byMonth)
        rows.append(["Новые авторы", "Всего", "\(results.newAuthors.count)"])
        add("Новые авторы: материалов", results.newAuthors)
        rows.append(["Выполнение плана", "Мероприятий", "\(results.activityCount)"])
        rows.append(["Выполнение плана", "Мероприятий с материалами", "\(results.activitiesWithMaterials)"])
        for section in results.sections {
            rows.append(["Мероприятия по разделам", section.title, "\(section.activities)"])
            rows.append(["Мероприятия с материалами по разделам", section.title, "\(section.withMaterials)"])
        }
        rows.append(["Прошедшие мероприятия без материалов", "Всего", "\(results.pastWithoutMaterials.count)"])
        for activity in results.pastWithoutMaterials {
            rows.append(["Прошедшие мероприятия без материалов", activity.title.plain, "0"])
        }
        for direction in results.directions {
            rows.append(["Направления: мероприятий", direction.title, "\(direction.activities.count)"])
            rows.append(["Направления: материалов", direction.title, "\(direction.materials.count)"])
        }
        for satellite in results.satellites {
            rows.append(["Школы-спутники: внесла материалов", satellite.school.name, "\(satellite.contributed.count)"])
            rows.append(["Школы-спутники: получила материалов", satellite.school.name, "\(satellite.received.count)"])
        }
        let text = rows.map { $0.map(field).joined(separator: ";") }.joined(separator: "\r\n") + "\r\n"
        return Data([0xEF, 0xBB, 0xBF]) + Data(text.utf8)
    }

    /// Quoted when it holds `;`, a quote or a line end; quotes doubled. A text that Excel or
    /// LibreOffice would take for a formula (it starts with `=`, `+`, `-`, `@`, a tab or a
    /// carriage return: a school's or an author's name is anyone's text) gets a leading `'`,
    /// as OWASP advises, and is quoted; the counts are numbers and stay numbers.
    static func field(_ text: String) -> String {
        var text = text
        if let first = text.unicodeScalars.first, Self.formulaStarts.contains(first), Int(text) == nil {
            text = "'" + text
            return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        guard text.contains(where: { $0 == ";" || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// The first characters that start a formula in a spreadsheet (with their full-width forms,
    /// which some spreadsheets fold into them).
    static let formulaStarts: Set<Unicode.Scalar> = ["=", "+", "-", "@", "\t", "\r", "＝", "＋", "－", "＠"]
}

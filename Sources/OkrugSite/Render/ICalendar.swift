import OkrugCore
import OkrugText

/// The plan as an RFC 5545 calendar (`/plan/<year>/calendar.ics`): dated activities as all-day
/// events, deadlines on their due day; whole-year and recurring work is listed in the
/// calendar's description rather than invented as dates.
enum ICalendar {
    static func plan(_ plan: Plan, site: Site) -> String {
        let base = site.config.baseURL
        let host = hostName(base)
        let stamp = timestamp(site.buildTimestamp)
        var lines: [String] = [
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:-//okrug//\(text(site.config.title))//RU",
            "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH",
            "NAME:\(text(plan.title.plain))",
            "X-WR-CALNAME:\(text(plan.title.plain))",
        ]
        let undated = plan.activities.filter { !$0.when.isDated }
        var description = "\(plan.title.plain). \(base)\(Routes.plan(plan.year))"
        if !undated.isEmpty {
            description += "\n\nБез отдельной даты:"
            for activity in undated {
                description += "\n• \(activity.title.plain) — \(activity.when.inWords)"
            }
        }
        lines.append("DESCRIPTION:\(text(description))")
        lines.append("X-WR-CALDESC:\(text(description))")
        lines.append("URL:\(base)\(Routes.plan(plan.year))")

        for activity in plan.activities {
            guard let span = activity.when.calendarSpan else { continue }
            let end = CalendarDay(daysSinceEpoch: span.end.daysSinceEpoch + 1)
            var summary = activity.title.plain
            if case .deadline = activity.when.value { summary = "Срок: " + summary }
            var details = "Срок: \(activity.when.inWords)"
            if activity.when.text != activity.when.inWords { details += " (в плане: «\(activity.when.text)»)" }
            details += "\nОтветственный: \(activity.responsibleText)"
            details += "\nПоказатель: \(activity.indicator.plain)"
            details += "\nРаздел плана: \(activity.sectionTitle)"
            if !activity.materials.isEmpty {
                details += "\nМатериалы: \(RussianPlural.material.counted(activity.materials.count))"
            }
            // Google Calendar shows no URL property: the link is in the text as well.
            details += "\nПодробнее: \(base)\(Routes.activity(activity.id, year: activity.year))"
            lines += [
                "BEGIN:VEVENT",
                "UID:\(plan.year)-\(activity.id)@\(host)",
                "DTSTAMP:\(stamp)",
                "DTSTART;VALUE=DATE:\(compact(span.start))",
                "DTEND;VALUE=DATE:\(compact(end))",
                "SUMMARY:\(text(summary))",
                "DESCRIPTION:\(text(details))",
                "CATEGORIES:\(text(activity.sectionTitle))",
                "URL:\(base)\(Routes.activity(activity.id, year: activity.year))",
                "TRANSP:TRANSPARENT",
                "END:VEVENT",
            ]
        }
        lines.append("END:VCALENDAR")
        return lines.map(fold).joined(separator: "\r\n") + "\r\n"
    }

    /// TEXT values: backslash, semicolon, comma and line ends escaped (RFC 5545, 3.3.11).
    static func text(_ value: String) -> String {
        var out = ""
        for ch in value {
            switch ch {
            case "\\": out += "\\\\"
            case ";": out += "\\;"
            case ",": out += "\\,"
            case "\n", "\r\n": out += "\\n"
            case "\r": continue
            default: out.append(ch)
            }
        }
        return out
    }

    /// Lines longer than 75 octets are folded (RFC 5545, 3.1), never inside a UTF-8 character.
    static func fold(_ line: String) -> String {
        var out = ""
        var octets = 0
        for scalar in line.unicodeScalars {
            let size = String(scalar).utf8.count
            if octets + size > 75 {
                out += "\r\n "
                octets = 1
            }
            out.unicodeScalars.append(scalar)
            octets += size
        }
        return out
    }

    /// `20230127`
    static func compact(_ day: CalendarDay) -> String {
        day.iso.replacingOccurrences(of: "-", with: "")
    }

    /// `20261129T000000Z`
    static func timestamp(_ seconds: Int) -> String {
        let days = seconds >= 0 ? seconds / 86400 : (seconds - 86399) / 86400
        let rest = seconds - days * 86400
        func pad(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return compact(CalendarDay(daysSinceEpoch: days))
            + "T\(pad(rest / 3600))\(pad(rest / 60 % 60))\(pad(rest % 60))Z"
    }

    /// `example.org` from `https://example.org/okrug/`: the UIDs' domain.
    static func hostName(_ baseURL: String) -> String {
        guard let start = baseURL.range(of: "://") else { return "okrug" }
        let rest = baseURL[start.upperBound...]
        let host = rest.prefix { $0 != "/" && $0 != ":" }
        return host.isEmpty ? "okrug" : String(host)
    }
}

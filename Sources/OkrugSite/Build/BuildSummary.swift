import OkrugCore
import OkrugText

extension Builder.Report {
    /// The line `okrug build` ends with: how many materials and files, and what changed in the
    /// output folder (shown as `output`).
    public func summary(output: String) -> String {
        let count = site?.materials.count ?? 0
        let materials = "\(count) \(RussianPlural.material.form(for: count))"
        var summary =
            !outputChanged
            ? "Сайт собран: \(materials), файлов: \(filesWritten). В \(output)/ уже этот сайт, ничего не изменилось."
            : filesChanged == filesWritten
                ? "Сайт собран в \(output)/: \(materials), файлов записано: \(filesWritten)."
                : "Сайт собран в \(output)/: \(materials), файлов: \(filesWritten), из них новых или изменённых: \(filesChanged)."
        if totalBytes > 0 { summary += " Вес сайта: \(ByteSize.russian(totalBytes))." }
        if let searchSeconds {
            summary += " Поисковый индекс построен за \(RussianNumber.tenths(searchSeconds)) с."
        }
        return summary
    }
}

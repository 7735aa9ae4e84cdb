import OkrugText

extension Diagnostic {
    /// «неизвестный id школы «sosh31»» with the nearest id and the valid ones: `nil` when `id`
    /// is valid. One message for materials, plans and `okrug new`.
    static func unknownID(_ id: Located<String>, in valid: [String], what: String, file: String) -> Diagnostic? {
        guard !valid.contains(id.value) else { return nil }
        let suggestion = Suggestion.didYouMean(id.value, in: valid)
        return .error(
            id.position, "неизвестный id \(what) «\(id.value)»",
            hint: (suggestion.isEmpty ? "" : suggestion + "; ")
                + "допустимые: \(valid.joined(separator: ", ")) (см. \(file))")
    }
}

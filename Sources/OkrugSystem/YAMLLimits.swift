import CYaml

/// What okrug's YAML may not hold, checked over libyaml's event stream before Yams builds a
/// tree from it. The content model needs no anchors or aliases, and they are how a 1 KB file
/// expands into gigabytes (each alias a copy of a tree of aliases); nesting deeper than any
/// field of the model would only exhaust the stack of Yams' recursive composer.
package enum YAMLLimits {
    /// Levels of lists and maps inside each other (a plan needs four).
    static let maxDepth = 32

    package struct Problem: Equatable {
        package var message: String
        package var hint: String
        /// 1-based, columns in Unicode scalars as libyaml counts them.
        package var line: Int
        package var column: Int
    }

    /// The first anchor, alias or too deep nesting in `text`; `nil` when there is none (or the
    /// text is not valid YAML, which Yams then reports).
    package static func problem(in text: String) -> Problem? {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { return nil }
        defer { yaml_parser_delete(&parser) }
        var bytes = Array(text.utf8)
        return bytes.withUnsafeMutableBufferPointer { buffer -> Problem? in
            guard let base = buffer.baseAddress else { return nil }
            yaml_parser_set_input_string(&parser, base, buffer.count)
            var depth = 0
            while true {
                var event = yaml_event_t()
                guard yaml_parser_parse(&parser, &event) == 1 else { return nil }
                defer { yaml_event_delete(&event) }
                let line = Int(event.start_mark.line) + 1
                let column = Int(event.start_mark.column) + 1
                var anchor: UnsafeMutablePointer<yaml_char_t>?
                switch event.type {
                case YAML_STREAM_END_EVENT:
                    return nil
                case YAML_ALIAS_EVENT:
                    return Problem(
                        message: "ссылка на якорь (*\(name(event.data.alias.anchor))) в YAML не поддерживается",
                        hint: "напишите значение полностью вместо ссылки", line: line, column: column)
                case YAML_SCALAR_EVENT:
                    anchor = event.data.scalar.anchor
                case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
                    anchor =
                        event.type == YAML_SEQUENCE_START_EVENT
                        ? event.data.sequence_start.anchor : event.data.mapping_start.anchor
                    depth += 1
                    if depth > maxDepth {
                        return Problem(
                            message: "слишком глубокая вложенность списков и словарей (больше \(maxDepth) уровней)",
                            hint:
                                "поля материала и плана вкладываются не глубже нескольких уровней: проверьте скобки и отступы",
                            line: line, column: column)
                    }
                case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                    depth -= 1
                default:
                    break
                }
                if let anchor {
                    return Problem(
                        message: "якорь (&\(name(anchor))) в YAML не поддерживается",
                        hint: "уберите якорь и ссылки на него (*…): напишите значения полностью", line: line,
                        column: column)
                }
            }
        }
    }

    private static func name(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String {
        guard let pointer else { return "" }
        return String(cString: pointer)
    }
}

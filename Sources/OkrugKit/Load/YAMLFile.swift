import Yams

/// A piece of YAML in a file (a whole data file or a Markdown file's front matter), parsed
/// into Yams nodes that remember their line and column.
struct YAMLFile {
    var displayPath: String
    /// Line of the file on which the YAML text starts.
    var firstLine: Int

    func position(_ node: YAMLNode) -> SourcePosition {
        guard let mark = node.mark else { return SourcePosition(file: displayPath, line: firstLine, column: 1) }
        return position(mark)
    }

    func position(_ mark: YAMLNode.Mark) -> SourcePosition {
        SourcePosition(file: displayPath, line: firstLine + mark.line - 1, column: mark.column)
    }

    var start: SourcePosition { SourcePosition(file: displayPath, line: max(firstLine - 1, 1), column: 1) }

    /// The root node, `nil` for an empty document, or the YAML syntax error.
    /// Plain front matter is read by `SimpleYAML`; everything else by Yams.
    func parse(_ yaml: String) -> Result<YAMLNode?, Diagnostic> {
        if let simple = SimpleYAML.parse(yaml) { return .success(simple) }
        do {
            return .success(try Yams.compose(yaml: yaml).map(YAMLNode.init))
        } catch let error as YamlError {
            return .failure(diagnostic(for: error))
        } catch {
            return .failure(.error(start, "не удалось прочитать YAML: \(error)"))
        }
    }

    private func diagnostic(for error: YamlError) -> Diagnostic {
        let hint =
            "проверьте отступы (только пробелы), двоеточие с пробелом после ключа и парные кавычки; значение с двоеточием возьмите в кавычки"
        switch error {
        case .scanner(let context, let problem, let mark, _),
            .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            var message = "ошибка в YAML: \(YAMLProblem.russian(problem))"
            if let context {
                message += " (\(YAMLProblem.russian(context.text)), строка \(firstLine + context.mark.line - 1))"
            }
            return .error(position(YAMLNode.Mark(line: mark.line, column: mark.column)), message, hint: hint)
        case .duplicatedKeysInMapping(let duplicates, let context):
            return .error(
                position(YAMLNode.Mark(line: context.mark.line, column: context.mark.column)),
                "ключ повторяется: \(duplicates.joined(separator: ", "))",
                hint: "оставьте каждый ключ один раз")
        case .reader(let problem, _, _, _):
            return .error(start, "ошибка в YAML: \(problem)", hint: hint)
        default:
            return .error(start, "ошибка в YAML: \(error)", hint: hint)
        }
    }
}

/// libyaml's messages, in Russian for the methodist.
enum YAMLProblem {
    static func russian(_ problem: String) -> String {
        let known: [String: String] = [
            "mapping values are not allowed in this context": "здесь не может быть значения с двоеточием",
            "did not find expected key": "не найден ожидаемый ключ",
            "did not find expected '-' indicator": "не найден ожидаемый элемент списка «-»",
            "found character that cannot start any token": "символ, с которого не может начинаться значение",
            "found unexpected end of stream": "файл кончился раньше, чем ожидалось",
            "could not find expected ':'": "не найдено двоеточие после ключа",
            "found a tab character that violates indentation": "табуляция в отступе",
            "while parsing a block mapping": "внутри словаря",
            "while parsing a block collection": "внутри списка",
            "while parsing a flow sequence": "внутри списка в квадратных скобках",
            "while parsing a flow mapping": "внутри словаря в фигурных скобках",
            "while scanning a simple key": "при чтении ключа",
            "while scanning a quoted scalar": "внутри строки в кавычках",
            "did not find expected ',' or ']'": "не найдена запятая или «]»",
            "did not find expected ',' or '}'": "не найдена запятая или «}»",
            "did not find expected node content": "не найдено значение",
            "found undefined alias": "неизвестная ссылка (alias)",
        ]
        return known[problem] ?? problem
    }
}

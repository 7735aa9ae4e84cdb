import OkrugSystem
import Yams

/// A piece of YAML in a file (a whole data file or a Markdown file's front matter), parsed
/// into Yams nodes that remember their line and column.
package struct YAMLFile {
    package var displayPath: String
    /// Line of the file on which the YAML text starts.
    package var firstLine: Int

    package func position(_ node: YAMLNode) -> SourcePosition {
        guard let mark = node.mark else { return SourcePosition(file: displayPath, line: firstLine, column: 1) }
        return position(mark)
    }

    package func position(_ mark: YAMLNode.Mark) -> SourcePosition {
        SourcePosition(file: displayPath, line: firstLine + mark.line - 1, column: mark.column)
    }

    package var start: SourcePosition { SourcePosition(file: displayPath, line: max(firstLine - 1, 1), column: 1) }

    /// The root node, `nil` for an empty document, or the YAML syntax error.
    /// Plain front matter is read by `SimpleYAML`; everything else by Yams.
    /// An anchor, alias or too deep nesting (`YAMLLimits`), as an error at its place in the file.
    private func limitProblem(_ yaml: String) -> Diagnostic? {
        YAMLLimits.problem(in: yaml).map { problem in
            .error(
                position(YAMLNode.Mark(line: problem.line, column: problem.column)), problem.message, hint: problem.hint
            )
        }
    }

    /// `fastPath: false` skips `SimpleYAML` (for the test that both readers agree).
    package func parse(_ yaml: String, fastPath: Bool = true) -> Result<YAMLNode?, Diagnostic> {
        if fastPath, let simple = SimpleYAML.parse(yaml) { return .success(simple) }
        if let problem = limitProblem(yaml) { return .failure(problem) }
        do {
            return .success(try Yams.compose(yaml: yaml).map(YAMLNode.init))
        } catch let error as YamlError {
            return .failure(diagnostic(for: error))
        } catch {
            return .failure(.error(start, "ошибка в YAML: текст не удалось разобрать"))
        }
    }

    package func diagnostic(for error: YamlError) -> Diagnostic {
        let hint =
            "проверьте отступы (только пробелы), двоеточие с пробелом после ключа и парные кавычки; значение с двоеточием возьмите в кавычки"
        switch error {
        case .scanner(let context, let problem, let mark, _),
            .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            // An unclosed quote or bracket is reported where it opens, not where the parser gave
            // up (often the end of the text); other problems where they were found.
            if let context, YAMLProblem.startsAtContext(context.text) {
                let message =
                    "ошибка в YAML: \(YAMLProblem.unclosed(context.text)) (дальше: \(YAMLProblem.russian(problem)), строка \(firstLine + mark.line - 1))"
                return .error(
                    position(YAMLNode.Mark(line: context.mark.line, column: context.mark.column)), message, hint: hint)
            }
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
            return .error(start, "ошибка в YAML: \(YAMLProblem.russian(problem))", hint: hint)
        default:
            return .error(start, "ошибка в YAML: текст не удалось разобрать", hint: hint)
        }
    }

    /// A whole YAML file as Foundation values (what `okrug import-plan` reads of the existing
    /// files), under the same limits and with the same Russian errors as the content's YAML.
    package static func load(_ text: String, displayPath: String) -> Result<Any?, Diagnostic> {
        let file = YAMLFile(displayPath: displayPath, firstLine: 1)
        if let problem = file.limitProblem(text) { return .failure(problem) }
        do {
            return .success(try Yams.load(yaml: text))
        } catch let error as YamlError {
            return .failure(file.diagnostic(for: error))
        } catch {
            return .failure(.error(file.start, "ошибка в YAML: текст не удалось разобрать"))
        }
    }
}

/// libyaml's messages, in Russian for the methodist.
package enum YAMLProblem {
    /// Contexts whose mark is where the trouble starts: an opening quote or bracket.
    package static func startsAtContext(_ context: String) -> Bool {
        context.contains("quoted scalar") || context.contains("flow sequence") || context.contains("flow mapping")
    }

    package static func unclosed(_ context: String) -> String {
        if context.contains("quoted scalar") { return "кавычка открыта здесь и не закрыта" }
        if context.contains("flow sequence") { return "квадратная скобка «[» открыта здесь и не закрыта" }
        return "фигурная скобка «{» открыта здесь и не закрыта"
    }

    package static func russian(_ problem: String) -> String {
        let known: [String: String] = [
            "mapping values are not allowed in this context": "здесь не может быть значения с двоеточием",
            "mapping keys are not allowed in this context": "здесь не может быть ключа",
            "block sequence entries are not allowed in this context": "здесь не может начинаться список «-»",
            "did not find expected key": "не найден ожидаемый ключ",
            "did not find expected '-' indicator": "не найден ожидаемый элемент списка «-»",
            "found character that cannot start any token": "символ, с которого не может начинаться значение",
            "found unexpected end of stream": "файл кончился раньше, чем ожидалось",
            "could not find expected ':'": "не найдено двоеточие после ключа",
            "found a tab character that violates indentation": "табуляция в отступе",
            "found a tab character where an indentation space is expected": "табуляция в отступе",
            "while parsing a block mapping": "внутри словаря",
            "while parsing a block collection": "внутри списка",
            "while parsing a block node": "внутри значения",
            "while parsing a flow node": "внутри значения",
            "while parsing a node": "внутри значения",
            "while parsing a flow sequence": "внутри списка в квадратных скобках",
            "while parsing a flow mapping": "внутри словаря в фигурных скобках",
            "while parsing": "при разборе",
            "while scanning a simple key": "при чтении ключа",
            "while scanning a quoted scalar": "внутри строки в кавычках",
            "while scanning a plain scalar": "внутри значения",
            "while scanning a block scalar": "внутри многострочного текста",
            "while scanning an alias": "в ссылке (*)",
            "while scanning an anchor": "в якоре (&)",
            "while scanning a tag": "в теге (!)",
            "while scanning for the next token": "при чтении",
            "while scanning a directive": "в директиве (%)",
            "did not find expected ',' or ']'": "не найдена запятая или «]»",
            "did not find expected ',' or '}'": "не найдена запятая или «}»",
            "did not find expected node content": "не найдено значение",
            "did not find expected comment or line break": "после значения не может быть текста",
            "did not find expected whitespace or line break": "нужен пробел или конец строки",
            "did not find expected alphabetic or numeric character": "нужна буква или цифра",
            "did not find expected <document start>": "не найдено начало документа",
            "found undefined alias": "неизвестная ссылка (alias)",
            "found unknown escape character": "неизвестная последовательность с «\\» в кавычках",
            "found unexpected ':'": "лишнее двоеточие",
            "found unexpected document indicator": "лишняя строка «---» или «...»",
            "found undefined tag handle": "неизвестный тег (!)",
            "found unknown directive name": "неизвестная директива (%)",
            "found an indentation indicator equal to 0": "неверный отступ многострочного текста",
            "found invalid Unicode character escape code": "неверный код символа после «\\u»",
            "control characters are not allowed": "невидимые управляющие символы недопустимы",
            "invalid Unicode character": "недопустимый символ",
            "input is too long": "текст слишком длинный",
            "but found another document": "в файле несколько документов YAML, а нужен один",
            "Maximum nesting level reached, set with yaml_set_max_nest_level())":
                "слишком глубокая вложенность списков и словарей",
        ]
        return known[problem] ?? "текст не удалось разобрать"
    }
}

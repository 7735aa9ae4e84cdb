import Yams

/// A YAML value as okrug reads it: text, a list or fields, each with the place it was written
/// (line and column within the YAML text, 1-based, columns in Unicode scalars as libyaml counts).
/// Made by `SimpleYAML` for plain front matter, or converted from what Yams composed.
package indirect enum YAMLNode {
    case scalar(Scalar)
    case sequence(List)
    case mapping(Map)

    package struct Mark: Equatable {
        package var line: Int
        package var column: Int
    }

    package struct Scalar {
        package var string: String
        package var style: Style
        package var mark: Mark?

        package enum Style { case plain, quoted, block }
    }

    package struct List {
        package var items: [YAMLNode]
        package var mark: Mark?
    }

    package struct Pair {
        package var key: YAMLNode
        package var value: YAMLNode
    }

    package struct Map {
        package var pairs: [Pair]
        package var mark: Mark?
    }

    package var mark: Mark? {
        switch self {
        case .scalar(let scalar): scalar.mark
        case .sequence(let sequence): sequence.mark
        case .mapping(let mapping): mapping.mark
        }
    }

    package var string: String? {
        if case .scalar(let scalar) = self { return scalar.string }
        return nil
    }

    init(_ node: Node) {
        func mark(_ mark: Yams.Mark?) -> Mark? { mark.map { Mark(line: $0.line, column: $0.column) } }
        switch node {
        case .scalar(let scalar):
            let style: Scalar.Style
            switch scalar.style {
            case .plain, .any: style = .plain
            case .singleQuoted, .doubleQuoted: style = .quoted
            case .literal, .folded: style = .block
            }
            self = .scalar(Scalar(string: scalar.string, style: style, mark: mark(scalar.mark)))
        case .sequence(let sequence):
            self = .sequence(List(items: sequence.map(YAMLNode.init), mark: mark(sequence.mark)))
        case .mapping(let mapping):
            self = .mapping(
                Map(
                    pairs: mapping.map { Pair(key: YAMLNode($0.key), value: YAMLNode($0.value)) },
                    mark: mark(mapping.mark)))
        case .alias(let alias):
            self = .scalar(Scalar(string: "", style: .plain, mark: mark(alias.mark)))
        }
    }
}

import Yams

/// A YAML value as okrug reads it: text, a list or fields, each with the place it was written
/// (line and column within the YAML text, 1-based, columns in Unicode scalars as libyaml counts).
/// Made by `SimpleYAML` for plain front matter, or converted from what Yams composed.
indirect enum YAMLNode {
    case scalar(Scalar)
    case sequence(List)
    case mapping(Map)

    struct Mark: Equatable {
        var line: Int
        var column: Int
    }

    struct Scalar {
        var string: String
        var style: Style
        var mark: Mark?

        enum Style { case plain, quoted, block }
    }

    struct List {
        var items: [YAMLNode]
        var mark: Mark?
    }

    struct Pair {
        var key: YAMLNode
        var value: YAMLNode
    }

    struct Map {
        var pairs: [Pair]
        var mark: Mark?
    }

    var mark: Mark? {
        switch self {
        case .scalar(let scalar): scalar.mark
        case .sequence(let sequence): sequence.mark
        case .mapping(let mapping): mapping.mark
        }
    }

    var string: String? {
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

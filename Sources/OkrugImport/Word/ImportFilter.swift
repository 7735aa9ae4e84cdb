import Foundation
import OkrugCore
import OkrugSystem

/// The pandoc Lua filter `okrug import-doc` and the files' online copies run
/// (`import-filter.lua` beside this file: pandoc 3, Lua 5.4, pandoc's own modules only). It is
/// embedded in the program at build, so the command works wherever the binary is, and stays a
/// real Lua file that Lua tools read (the tests compile it with pandoc's Lua).
enum ImportFilter {
    static let lua = String(decoding: PackageResources.import_filter_lua, as: UTF8.self)

    /// The name the filter is given in a conversion's scratch folder.
    static let fileName = "import.lua"

    /// Writes the filter into `folder` for one pandoc run.
    static func write(into folder: URL) throws {
        try WholeFile.write(lua, to: folder.appendingPathComponent(fileName))
    }
}

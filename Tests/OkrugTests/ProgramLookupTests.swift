import Foundation
import Testing

@testable import OkrugSystem

/// Every program okrug runs is found one way: the `OKRUG_…` variable of the environment it is
/// given, then the project's `.venv/`, then that environment's PATH; a program that answers
/// its question wrongly (pandoc 2 where 3 is needed) is passed over.
@Suite struct ProgramLookupTests {
    static func script(_ path: URL, says reply: String) throws {
        try FileManager.default.createDirectory(at: path.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data("#!/bin/sh\necho '\(reply)'\n".utf8).write(to: path)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path.path)
    }

    @Test func theVariableThenTheProjectThenThePathOfTheGivenEnvironment() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("okrug-lookup-\(UUID())")
        defer { try? FileManager.default.removeItem(at: root) }
        let onPath = root.appendingPathComponent("bin/fakeprog")
        let oldInProject = root.appendingPathComponent(".venv/lib/python3.11/tools/fakeprog")
        let newInProject = root.appendingPathComponent(".venv/lib/python3.13/tools/fakeprog")
        try Self.script(onPath, says: "fakeprog 3.1")
        try Self.script(oldInProject, says: "fakeprog 2.17")
        let lookup = ProgramLookup(
            "fakeprog", inProject: [[".venv/lib/python*/tools/fakeprog", "--quiet"]],
            answers: { $0.hasPrefix("fakeprog 3") })
        #expect(lookup.variable == "OKRUG_FAKEPROG")
        let path = ["PATH": root.appendingPathComponent("bin").path]

        // The project's copy answers version 2: passed over for the one on the PATH given.
        let fromPath = ExternalTool.find(lookup, workingDirectory: root, environment: path)
        #expect(fromPath?.executable == onPath.path)
        #expect(ExternalTool.find(lookup, workingDirectory: root, environment: ["PATH": "/nonexistent"]) == nil)

        try Self.script(newInProject, says: "fakeprog 3.9")
        let fromProject = ExternalTool.find(lookup, workingDirectory: root, environment: path)
        #expect(fromProject?.executable == newInProject.path)
        #expect(fromProject?.leadingArguments == ["--quiet"])

        let variable = path.merging(["OKRUG_FAKEPROG": "/bin/sh " + onPath.path]) { $1 }
        let named = ExternalTool.find(lookup, workingDirectory: root, environment: variable)
        #expect(named?.executable == "/bin/sh")
        #expect(named?.leadingArguments == [onPath.path])
        let said = try #require(named).run([], limits: .question)
        #expect(String(decoding: said.output, as: UTF8.self) == "fakeprog 3.1\n")
    }
}

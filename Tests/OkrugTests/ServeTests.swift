import Foundation
import Testing

@testable import OkrugCore
@testable import OkrugMarkdown
@testable import OkrugSite
@testable import OkrugSystem
@testable import OkrugTemplate

#if canImport(Glibc)
    import Glibc
#endif

/// `okrug serve` over real HTTP on 127.0.0.1: the page, an edit, the reload event, the
/// diagnostics page for a broken file, a refused `..`, Ctrl-C.
@Suite(.serialized) struct ServeTests {
    /// A minimal HTTP/1.1 client over a socket, so the test sees the bytes the server sends.
    struct Connection {
        let socket: Int32

        init(port: Int) throws {
            socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_port = in_port_t(UInt16(port).bigEndian)
            address.sin_addr.s_addr = inet_addr("127.0.0.1")
            let connected = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    Glibc.connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
                }
            }
            guard connected == 0 else { throw POSIXError(.ECONNREFUSED) }
            var timeout = timeval(tv_sec: 0, tv_usec: 200_000)
            setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        }

        func send(_ text: String) {
            _ = text.withCString { Glibc.send(socket, $0, strlen($0), 0) }
        }

        /// Reads until `done` holds for what has arrived, the peer closes, or `seconds` pass.
        func read(for seconds: Double, until done: (String) -> Bool = { _ in false }) -> String {
            var received: [UInt8] = []
            let deadline = Date().addingTimeInterval(seconds)
            var buffer = [UInt8](repeating: 0, count: 65536)
            while Date() < deadline {
                let count = recv(socket, &buffer, buffer.count, 0)
                if count == 0 { break }
                if count > 0 {
                    received += buffer[0..<count]
                    if done(String(decoding: received, as: UTF8.self)) { break }
                }
            }
            return String(decoding: received, as: UTF8.self)
        }

        func close() { Glibc.close(socket) }
    }

    /// One request with `Connection: close`: status and the whole response.
    static func get(_ port: Int, _ path: String) throws -> (status: Int, text: String) {
        let connection = try Connection(port: port)
        defer { connection.close() }
        connection.send("GET \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
        let text = connection.read(for: 10)
        let status = text.split(separator: " ", maxSplits: 2).dropFirst().first.flatMap { Int($0) } ?? 0
        return (status, text)
    }

    @Test func servePreviewsReloadsShowsErrorsAndStops() throws {
        try #require(FileManager.default.isExecutableFile(atPath: CommandLineTests.executable.path))
        let site = try TempSite(files: [
            "materials/a.md": TempSite.material(title: "Первый", body: "Вступление.\n\nСтарый текст.\n")
        ])
        defer { site.remove() }

        let process = Process()
        process.executableURL = CommandLineTests.executable
        process.arguments = [
            "serve", "--port", "0", "--templates", repositoryRoot.appendingPathComponent("Templates").path,
        ]
        process.currentDirectoryURL = site.root
        let output = Pipe()
        process.standardOutput = output
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        defer { if process.isRunning { process.terminate() } }

        // The address it prints once the port is open.
        var printed = ""
        let deadline = Date().addingTimeInterval(30)
        while !printed.contains("/  (") && Date() < deadline {
            printed += String(decoding: output.fileHandleForReading.availableData, as: UTF8.self)
        }
        let match = try #require(printed.firstMatch(of: /Просмотр сайта: http:\/\/127\.0\.0\.1:(\d+)\//))
        let port = try #require(Int(match.1))

        // The page, with the reload script; the files on disk have none.
        let home = try Self.get(port, "/materials/a/")
        #expect(home.status == 200)
        #expect(home.text.contains("Старый текст."))
        #expect(home.text.contains("new EventSource(\"/__okrug/events\")"))
        #expect(site.read(".okrug-serve/materials/a/index.html")?.contains("EventSource") == false)
        #expect(!site.exists("Public"))

        // An edit: the open page hears about it, and the new text is served.
        let events = try Connection(port: port)
        defer { events.close() }
        events.send("GET /__okrug/events HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        #expect(events.read(for: 5) { $0.contains("data: connected") }.contains("text/event-stream"))
        /// Saves the material and waits for the server's «rebuilt» event.
        func save(_ material: String) throws {
            try Data(material.utf8).write(to: site.root.appendingPathComponent("Content/materials/a.md"))
            #expect(events.read(for: 10) { $0.contains("data: rebuilt") }.contains("data: rebuilt"))
        }
        try save(TempSite.material(title: "Первый", body: "Вступление.\n\nНовый текст.\n"))
        #expect(try Self.get(port, "/materials/a/").text.contains("Новый текст."))

        // Broken front matter: every page shows where and what.
        try save(TempSite.material(title: "Первый", date: "вчера"))
        let broken = try Self.get(port, "/")
        #expect(broken.status == 500)
        #expect(broken.text.contains("Сайт не собран: 1 ошибка"))
        #expect(broken.text.contains("<code>Content/materials/a.md:3:7</code>"))
        #expect(broken.text.contains("«вчера» — не дата"))
        #expect(broken.text.contains("EventSource"))

        // Fixed: the site is back by itself.
        try save(TempSite.material(title: "Первый", body: "Вступление.\n\nИсправлено.\n"))
        let fixed = try Self.get(port, "/materials/a/")
        #expect(fixed.status == 200)
        #expect(fixed.text.contains("Исправлено."))

        // Broken again, then put back as it was: nothing to re-render, and the log says so.
        try save(TempSite.material(title: "Первый", date: "вчера"))
        try save(TempSite.material(title: "Первый", body: "Вступление.\n\nИсправлено.\n"))
        #expect(try Self.get(port, "/materials/a/").status == 200)

        // Only files of the site: `..` is refused, however it is written.
        #expect(try Self.get(port, "/../Content/site.yaml").status == 400)
        #expect(try Self.get(port, "/%2e%2e/Content/site.yaml").status == 400)
        #expect(try Self.get(port, "/materials/..%2f..%2fContent/site.yaml").status == 400)
        #expect(try Self.get(port, "/net-takoi-stranitsy/").status == 404)

        // Ctrl-C: a clean stop, even with a page still listening.
        kill(process.processIdentifier, SIGINT)
        let stopBy = Date().addingTimeInterval(10)
        while process.isRunning && Date() < stopBy { usleep(50_000) }
        #expect(!process.isRunning)
        #expect(process.terminationStatus == 0)

        // What the methodist read in the terminal: each fix announced, no «0 страниц».
        let said = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(said.contains("Сайт не собран (1 ошибка): в браузере показан список ошибок."), "\(said)")
        #expect(said.matches(of: #/Ошибки исправлены, сайт собран за \d+ мс: /#).count == 2, "\(said)")
        #expect(!said.contains("0 страниц"), "\(said)")
    }
}

import ArgumentParser
import Foundation
import OkrugSearch
import OkrugServer
import OkrugSite

/// The preview server as its own program: `okrug serve` runs it with the options it was given,
/// so the site generator itself is built without the server framework.
@main
struct OkrugServe: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "okrug-serve",
        abstract: "Просмотр сайта с автообновлением; запускается командой okrug serve.")

    @Option(help: "Порт.") var port = 8000
    @Option(help: "Адрес; по умолчанию только этот компьютер.") var host = "127.0.0.1"
    @Option(help: "Папка с содержимым.") var content = "Content"
    @Option(help: "Папка с шаблонами и оформлением.") var templates = "Templates"
    @Option(help: "Куда собирать сайт для просмотра.") var output = ".okrug-serve"
    @Flag(name: .customLong("no-search"), help: "Не строить поиск в просмотре (Pagefind).") var noSearch = false

    func run() async throws {
        // Links are relative; the base URL only decides the 404 page's base path: the root.
        let address = "http://\(host):\(port)/"
        var options = BuildOptions(
            content: content, templates: templates, output: output, baseURL: address, includeDrafts: true)
        options.attachmentTools = AttachmentTools.find()
        // Search in the preview follows edits; without Pagefind the preview has no search.
        if !noSearch { options.searchIndexer = SearchIndexer.find() }
        let configuration = PreviewServer.Configuration(host: host, port: port, options: options)
        try await PreviewServer.run(
            configuration,
            log: { line in FileHandle.standardError.write(Data((line + "\n").utf8)) },
            onReady: { url in
                FileHandle.standardOutput.write(Data("Просмотр сайта: \(url)  (остановить — Ctrl-C)\n".utf8))
            })
        print("Просмотр остановлен.")
    }
}

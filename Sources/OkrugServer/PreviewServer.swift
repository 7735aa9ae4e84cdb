import Foundation
import Hummingbird
import Logging
import NIOCore
import OkrugCore
import OkrugSearch
import OkrugSite
import OkrugSystem
import ServiceLifecycle

/// `okrug serve`: builds the site, serves it on loopback, rebuilds when files change and
/// reloads the open pages. While the content is broken, every page shows the diagnostics.
public enum PreviewServer {
    public struct Configuration: Sendable {
        public var host: String
        /// 0 asks the system for a free port (tests).
        public var port: Int
        public var options: BuildOptions
        /// How often files are checked for changes where the system cannot tell (no inotify).
        public var pollInterval: Duration

        public init(
            host: String = "127.0.0.1", port: Int = 8000, options: BuildOptions,
            pollInterval: Duration = .milliseconds(200)
        ) {
            self.host = host
            self.port = port
            self.options = options
            self.pollInterval = pollInterval
        }
    }

    /// Runs until Ctrl-C (SIGINT) or SIGTERM. `onReady` gets the address once the port is open.
    public static func run(
        _ configuration: Configuration, log: @escaping @Sendable (String) -> Void,
        onReady: @escaping @Sendable (String) -> Void
    ) async throws {
        let hub = ReloadHub()
        let search = configuration.options.searchIndexer.map {
            SearchRefresh(indexer: $0, site: configuration.options.output, log: log)
        }
        let state = PreviewState(
            builder: IncrementalBuilder(options: configuration.options), hub: hub, search: search, log: log)
        await state.rebuildIfChanged()
        // The search index lives beside the preview (a rebuild swaps the preview's folder), and
        // is answered at `/pagefind/…` as if it were inside it.
        var mounts: [String: URL] = [:]
        if let search {
            mounts = [String(Routes.searchIndex.dropLast()): search.bundle, SearchRefresh.savedFolder: search.saved]
        }
        let site = StaticSite(root: configuration.options.output, mounts: mounts)

        let router = Router(context: BasicRequestContext.self)
        router.get("__okrug/events") { request, _ in events(request, hub: hub) }
        let serve: @Sendable (Request, BasicRequestContext) async throws -> Response = { request, _ in
            try await page(request, site: site, state: state)
        }
        for path: RouterPath in ["/", "**"] {
            router.get(path, use: serve)
            router.head(path, use: serve)
        }

        // The server's own log lines are for developers; the methodist reads okrug's.
        var logger = Logger(label: "okrug")
        logger.logLevel = .warning
        var app = Application(
            router: router,
            configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "okrug"),
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? configuration.port
                onReady("http://\(configuration.host):\(port)/")
            }, logger: logger)
        let roots = [configuration.options.content.path, configuration.options.templates.path]
        app.addServices(
            Watcher(state: state, interval: configuration.pollInterval, roots: roots), ShutdownNotice(hub: hub))
        try await app.runService()
    }

    static func page(_ request: Request, site: StaticSite, state: PreviewState) async throws -> Response {
        let path = request.uri.path
        let lookup = site.lookup(path)
        if lookup == .refused {
            return text(.badRequest, "Недопустимый адрес: путь не может выходить за папку сайта.\n", request)
        }
        let isPage: Bool
        switch lookup {
        case .file(let url): isPage = url.pathExtension.lowercased() == "html"
        default:
            // `/materials/x/` or `/materials/x`: a page; `/style.css`: a file.
            let last = path.split(separator: "/").last
            isPage = path.hasSuffix("/") || !(last?.contains(".") ?? false)
        }
        if isPage, await !state.succeeded {
            let html = DiagnosticsPage.html(await state.diagnostics)
            return respond(
                .internalServerError, type: "text/html; charset=utf-8",
                body: LiveReload.inject(into: Data(html.utf8)), request)
        }
        switch lookup {
        case .file(let url):
            guard var data = try? Data(contentsOf: url) else { return text(.notFound, "Не найдено.\n", request) }
            let type = StaticSite.contentType(url)
            if type.hasPrefix("text/html") { data = LiveReload.inject(into: data) }
            return respond(.ok, type: type, body: data, request)
        case .notFound, .refused:
            let notFound = site.root.appendingPathComponent(Routes.notFound)
            if let data = try? Data(contentsOf: notFound) {
                return respond(
                    .notFound, type: "text/html; charset=utf-8", body: LiveReload.inject(into: data), request)
            }
            return text(.notFound, "Не найдено.\n", request)
        }
    }

    static func respond(_ status: HTTPResponse.Status, type: String, body: Data, _ request: Request) -> Response {
        let headers: HTTPFields = [.contentType: type, .cacheControl: "no-store"]
        let response = Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: body)))
        return request.method == .head ? response.createHeadResponse() : response
    }

    static func text(_ status: HTTPResponse.Status, _ message: String, _ request: Request) -> Response {
        respond(status, type: "text/plain; charset=utf-8", body: Data(message.utf8), request)
    }

    /// Server-sent events: one message now (the page knows it is connected), then one after
    /// each rebuild; the stream ends when the page goes away or the server stops.
    static func events(_ request: Request, hub: ReloadHub) -> Response {
        let headers: HTTPFields = [.contentType: "text/event-stream", .cacheControl: "no-store"]
        return Response(
            status: .ok, headers: headers,
            body: ResponseBody { writer in
                let (stream, continuation) = hub.subscribe()
                try await writer.write(ByteBuffer(string: "retry: 1000\ndata: connected\n\n"))
                try await withGracefulShutdownHandler {
                    try await request.body.consumeWithInboundCloseHandler { _ in
                        for await version in stream {
                            try await writer.write(ByteBuffer(string: "data: rebuilt \(version)\n\n"))
                        }
                    } onInboundClosed: {
                        continuation.finish()
                    }
                } onGracefulShutdown: {
                    continuation.finish()
                }
                try await writer.finish(nil)
            })
    }
}

/// Rebuilds when files change, until the server stops. The system says when a file is saved
/// (inotify), so the rebuild starts at once; where it cannot, the files are looked at every
/// `interval`.
struct Watcher: Service {
    let state: PreviewState
    let interval: Duration
    let roots: [String]

    func run() async throws {
        if let events = FileEvents(roots: roots) {
            try await follow(events)
        } else {
            try await poll()
        }
    }

    private var stopping: Bool { Task.isShuttingDownGracefully || Task.isCancelled }

    private func follow(_ events: FileEvents) async throws {
        while !stopping {
            let changed = await offThread { events.wait(milliseconds: 250) }
            if stopping { break }
            if changed {
                // An editor saves in steps (write, rename, attributes): they settle in a few milliseconds.
                while events.wait(milliseconds: 10) {}
                await state.rebuildIfChanged(changed: events.takeChanges())
            }
            // A folder the system would not watch: fall back to looking.
            if events.incomplete { return try await poll() }
        }
    }

    private func poll() async throws {
        while !stopping {
            try? await Task.sleep(for: interval)
            if stopping { break }
            await state.rebuildIfChanged()
        }
    }
}

/// Ends the open event streams as soon as shutdown begins, so Ctrl-C does not wait for them.
struct ShutdownNotice: Service {
    let hub: ReloadHub

    func run() async throws {
        try? await gracefulShutdown()
        hub.finishAll()
    }
}

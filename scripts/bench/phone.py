"""What the phone benchmarks share: DevTools' «Slow 4G» preset and a quiet static server that
counts the bytes it sends (Pagefind's own fetches are not all in a page's Resource Timing)."""
import http.server

# Bytes per second and milliseconds, as DevTools' «Slow 4G».
SLOW_4G = {"offline": False, "downloadThroughput": 1.6e6 / 8 * 0.9, "uploadThroughput": 750e3 / 8 * 0.9,
           "latency": 150 * 3.75}

SERVED = []


class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def send_header(self, name, value):
        if name.lower() == "content-length":
            SERVED.append(int(value))
        super().send_header(name, value)

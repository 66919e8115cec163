#!/usr/bin/python3
"""A loopback HTTP server for the update-lists tests (tests/update_lists_test.cc).

Usage: list_server.py FOLDER PORT_FILE

Serves FOLDER on 127.0.0.1 at a free port, which it writes to PORT_FILE once listening.
/cut/NAME sends FOLDER/NAME with its full Content-Length but only the first half of the body,
then closes the connection: a download cut short. /slow/NAME sends the headers and then nothing
for 30 seconds: a stalled transfer. /close/NAME sends FOLDER/NAME with neither a Content-Length
nor chunked encoding (the closed connection ends it), as an HTTP/1.0 server may. /gzip/NAME sends
it gzip-compressed (Content-Encoding: gzip, with its Content-Length) although no client here asks
for it. Any other missing file is a 404.
"""
import functools
import gzip
import http.server
import os
import sys
import time


class Handler(http.server.SimpleHTTPRequestHandler):
    def do_GET(self):
        if self.path.startswith("/cut/"):
            path = os.path.join(self.directory, os.path.basename(self.path))
            with open(path, "rb") as f:
                body = f.read()
            self.send_response(200)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body[: len(body) // 2])
            self.wfile.flush()
            self.close_connection = True
            return
        if self.path.startswith("/close/") or self.path.startswith("/gzip/"):
            path = os.path.join(self.directory, os.path.basename(self.path))
            with open(path, "rb") as f:
                body = f.read()
            self.send_response(200)
            if self.path.startswith("/gzip/"):
                body = gzip.compress(body)
                self.send_header("Content-Encoding", "gzip")
                self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            self.wfile.flush()
            self.close_connection = True
            return
        if self.path.startswith("/slow/"):
            self.send_response(200)
            self.send_header("Content-Length", "100")
            self.end_headers()
            self.wfile.flush()
            time.sleep(30)
            return
        super().do_GET()

    def log_message(self, *args):
        pass


def main():
    folder, port_file = sys.argv[1], sys.argv[2]
    handler = functools.partial(Handler, directory=folder)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    with open(port_file + ".tmp", "w") as f:
        f.write(str(server.server_address[1]))
    os.rename(port_file + ".tmp", port_file)  # the reader never sees a half-written port
    server.serve_forever()


if __name__ == "__main__":
    main()

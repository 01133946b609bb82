"""A saved query runs against a SPARQL 1.1 endpoint as it does on files."""

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs

import pytest


@pytest.fixture
def endpoint(example_graph, tmp_path):
    """A minimal SPARQL 1.1 protocol server on loopback, answering POSTed queries."""
    import pyoxigraph

    from ingest.store.targets import files_store

    data = tmp_path / "served.ttl"
    data.write_bytes(example_graph.serialize(format="turtle", encoding="utf-8"))
    store = files_store([data])

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):
            body = self.rfile.read(int(self.headers["Content-Length"])).decode("utf-8")
            form = self.headers["Content-Type"].startswith("application/x-www-form-urlencoded")
            query = parse_qs(body)["query"][0] if form else body
            answer = store.query(query).serialize(format=pyoxigraph.QueryResultsFormat.JSON)
            self.send_response(200)
            self.send_header("Content-Type", "application/sparql-results+json")
            self.end_headers()
            self.wfile.write(answer)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/sparql"
    server.shutdown()


def test_endpoint_gives_the_same_rows_as_files(run, endpoint, example_graph, tmp_path):
    data = tmp_path / "fernley.ttl"
    data.write_bytes(example_graph.serialize(format="turtle", encoding="utf-8"))
    args = ["--param", "authority=Fernley", "--format", "json"]
    remote = json.loads(run("query", "judgements", "--endpoint", endpoint, *args).stdout)
    local = json.loads(run("query", "judgements", "--data", data, *args).stdout)
    assert remote["results"]["bindings"] == local["results"]["bindings"]
    assert len(remote["results"]["bindings"]) == 12


def test_unreachable_endpoint_is_one_line(run):
    result = run("query", "judgements", "--endpoint", "http://127.0.0.1:9/sparql")
    assert result.exit_code == 3
    assert result.stderr == ("Error: http://127.0.0.1:9/sparql: the server is not answering "
                             "(connection refused)\n")

"""ofsted-kg fetch against a replica of the report site on 127.0.0.1: the whole run, a
second run, the provenance it gives the graph, and every fault with its exit code."""

import csv
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import shared_dir
from fetch_fixtures import FERNLEY_URN, build
from replica import Fault, Replica

FAST = ("--delay", "0", "--timeout", "5", "--retries", "2", "--no-progress")


@pytest.fixture
def replica():
    site = Replica()
    try:
        site.served = build(site, shared_dir())
        yield site
    finally:
        site.stop()


@pytest.fixture
def fetch(run, replica, tmp_path):
    """Run ``ofsted-kg fetch`` on the replica into tmp_path/reports."""

    def invoke(*args: str, to: Path | None = None):
        folder = to or tmp_path / "reports"
        return run("fetch", "--site", replica.url, "--to", folder, *FAST, *args)

    return invoke


def manifest_rows(folder: Path) -> list[dict[str, str]]:
    with (folder / "manifest.csv").open(encoding="utf-8", newline="") as stream:
        return list(csv.DictReader(stream))


def files_in(folder: Path) -> list[str]:
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*")
                  if p.is_file() and not p.name.startswith("."))


def test_every_inspection_report_fetched_with_its_manifest_then_nothing_again(
        fetch, replica, tmp_path):
    folder = tmp_path / "reports"
    first = fetch()
    assert first.exit_code == 0, first.stderr
    expected = sorted(path for path, _ in replica.served)
    assert files_in(folder) == sorted(expected + ["manifest.csv"])
    for path, data in replica.served:  # the bytes served, whole
        assert (folder / path).read_bytes() == data
    assert replica.requested("/search") == ["/search", "/search"]  # two pages of providers
    providers = len(replica.providers)
    assert f"{providers} providers read: {len(expected)} new" in first.stderr
    rows = {row["path"]: row for row in manifest_rows(folder)}
    fernley = rows[f"{FERNLEY_URN}-fernley/2021-12-10.pdf"]
    assert fernley["file_url"] == replica.file_url("70000021")
    assert fernley["provider_page"] == f"{replica.url}/provider/44/{FERNLEY_URN}"
    assert (fernley["authority"], fernley["kind"], fernley["published_as_listed"]) == (
        "Fernley", "Children's services inspection", "2021-12-10")
    assert fernley["sha256"] and int(fernley["bytes"]) == len(replica.served[2][1])
    assert fernley["etag"] and fernley["fetched"].endswith("+00:00")

    before = len(replica.requested("/v1/file/"))
    second = fetch()
    assert second.exit_code == 0, second.stderr
    assert len(replica.requested("/v1/file/")) == before  # no file asked for again
    assert (f"0 new, {len(expected)} unchanged (Children's services inspection "
            f"{len(expected)}), 0 failed") in second.stderr


def test_requests_are_polite(fetch, replica):
    result = fetch("--authority", "Fernley", "--delay", "0.4")
    assert result.exit_code == 0, result.stderr
    agents = {agent for _, agent, _ in replica.log}
    from ingest import __version__

    assert len(agents) == 1 and agents.pop().startswith(f"ofsted-kg/{__version__} ")
    times = [when for _, _, when in replica.log]
    assert len(times) >= 5  # 2 listing pages, the provider page, 3 files
    gaps = [b - a for a, b in zip(times, times[1:], strict=False)]
    # one at a time, spaced: the server notes each request when it reaches it, which a busy
    # machine can delay by a fraction of the spacing, so the bounds leave room for that
    assert min(gaps) >= 0.2
    assert times[-1] - times[0] >= 0.35 * len(gaps)


def test_dry_run_lists_what_would_be_fetched_and_writes_nothing(fetch, replica, tmp_path):
    result = fetch("--authority", FERNLEY_URN, "--dry-run")
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert [line.split("\t")[1] for line in lines] == [
        f"{FERNLEY_URN}-fernley/2021-12-10.pdf", f"{FERNLEY_URN}-fernley/2017-05-12.pdf",
        f"{FERNLEY_URN}-fernley/2014-06-17.pdf"]
    assert lines[0].split("\t")[0] == replica.file_url("70000021")
    assert "3 to fetch" in result.stderr
    assert not replica.requested("/v1/file/") and not (tmp_path / "reports").exists()


def test_kinds_and_since_choose_publications(fetch, replica, tmp_path):
    result = fetch("--authority", "fernley", "--kinds", "all", "--since", "2017-01-01")
    assert result.exit_code == 0, result.stderr
    assert files_in(tmp_path / "reports" / f"{FERNLEY_URN}-fernley") == [
        "2017-05-12.pdf", "2019-03-01.pdf", "2021-12-10.pdf"]
    only = fetch("--authority", "Fernley", "--kinds", "children's services focused visit",
                 to=tmp_path / "visits")
    assert files_in(tmp_path / "visits" / f"{FERNLEY_URN}-fernley") == ["2019-03-01.pdf"]
    assert only.exit_code == 0


def test_kinds_that_name_no_listed_type_are_said(fetch, replica, tmp_path):
    result = fetch("--authority", "Fernley", "--kinds", "inspection report")
    assert result.exit_code == 0
    assert result.stderr.splitlines()[0] == (
        "Note: --kinds 'inspection report' names no type the pages list (they list: "
        "Children's services focused visit, Children's services inspection)")
    assert "0 new" in result.stderr


def test_a_second_publication_the_same_day_keeps_both(fetch, replica, tmp_path):
    from datetime import date

    from fetch_fixtures import INSPECTION, fernley_pdf

    replica.add(FERNLEY_URN, "Fernley", "70000099", INSPECTION, date(2021, 12, 10),
                fernley_pdf(2021) + b"\n% amended\n")
    assert fetch("--authority", "Fernley").exit_code == 0
    assert files_in(tmp_path / "reports" / f"{FERNLEY_URN}-fernley") == [
        "2014-06-17.pdf", "2017-05-12.pdf", "2021-12-10-70000099.pdf", "2021-12-10.pdf"]


def test_a_held_file_deleted_or_cut_is_fetched_again_in_its_place(fetch, replica, tmp_path):
    assert fetch("--authority", "Fernley").exit_code == 0
    folder = tmp_path / "reports" / f"{FERNLEY_URN}-fernley"
    (folder / "2014-06-17.pdf").unlink()
    (folder / "2017-05-12.pdf").write_bytes(b"%PDF-1.4 cut")
    again = fetch("--authority", "Fernley")
    assert again.exit_code == 0, again.stderr
    assert "2 new (Children's services inspection 2), 1 unchanged" in again.stderr
    assert files_in(folder) == ["2014-06-17.pdf", "2017-05-12.pdf", "2021-12-10.pdf"]
    assert len(manifest_rows(tmp_path / "reports")) == 3


def test_unknown_authority_is_refused(fetch):
    result = fetch("--authority", "Atlantis")
    assert result.exit_code == 2
    assert result.stderr.startswith("Error: --authority 'Atlantis': no such provider")


# Faults: each one line naming the URL, a documented exit code, nothing half-written.


def no_partial_files(folder: Path) -> bool:
    return not [p for p in folder.rglob("*.part")] if folder.exists() else True


def test_a_provider_page_not_found_is_one_line_and_the_others_go_on(fetch, replica, tmp_path):
    replica.fault(f"/provider/44/{FERNLEY_URN}", Fault("status", 404))
    result = fetch()
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("Error:")]
    assert errors == [f"Error: {replica.url}/provider/44/{FERNLEY_URN}: the server answered "
                      "404 Not Found"]
    assert not (tmp_path / "reports" / f"{FERNLEY_URN}-fernley").exists()
    assert "1 failed (provider page 1)" in result.stderr


def test_a_500_then_a_success_is_tried_again(fetch, replica, tmp_path):
    path = "/v1/file/70000021"
    replica.fault(path, Fault("status", 500, times=1))
    result = fetch("--authority", "Fernley")
    assert result.exit_code == 0, result.stderr
    assert replica.requested(path) == [path, path]
    assert (tmp_path / "reports" / f"{FERNLEY_URN}-fernley" / "2021-12-10.pdf").is_file()


def test_429_waits_as_retry_after_asks(fetch, replica, tmp_path):
    path = f"/provider/44/{FERNLEY_URN}"
    replica.fault(path, Fault("retry-after", 1, times=1))
    result = fetch("--authority", "Fernley")
    assert result.exit_code == 0, result.stderr
    asked = [when for p, _, when in replica.log if p == path]
    assert len(asked) == 2 and asked[1] - asked[0] >= 0.95


def test_a_file_slower_than_the_timeout_fails_after_the_retries(fetch, replica, tmp_path):
    path = "/v1/file/70000017"
    replica.fault(path, Fault("sleep", 3))
    result = fetch("--authority", "Fernley", "--timeout", "0.5", "--retries", "1")
    assert result.exit_code == 1
    assert f"Error: {replica.file_url('70000017')}: no answer within 0.5 s (2 tries)" \
        in result.stderr.splitlines()
    folder = tmp_path / "reports"
    assert files_in(folder / f"{FERNLEY_URN}-fernley") == ["2014-06-17.pdf", "2021-12-10.pdf"]
    assert no_partial_files(folder)
    assert "2017-05-12.pdf" not in (folder / "manifest.csv").read_text()


def test_a_body_that_trickles_past_the_timeout_is_bounded(fetch, replica, tmp_path):
    path = "/v1/file/70000017"
    replica.fault(path, Fault("trickle", 2))
    started = time.monotonic()
    result = fetch("--authority", "Fernley", "--timeout", "1", "--retries", "0")
    assert result.exit_code == 1
    assert time.monotonic() - started < 6
    assert f"Error: {replica.file_url('70000017')}: " in result.stderr
    assert no_partial_files(tmp_path / "reports")


def test_a_body_cut_short_is_never_kept(fetch, replica, tmp_path):
    path = "/v1/file/70000014"
    replica.fault(path, Fault("cut", 500))
    result = fetch("--authority", "Fernley")
    assert result.exit_code == 1
    line = next(x for x in result.stderr.splitlines() if x.startswith("Error:"))
    assert line.startswith(f"Error: {replica.file_url('70000014')}: the answer was cut short")
    assert line.endswith("(3 tries)")
    assert not (tmp_path / "reports" / f"{FERNLEY_URN}-fernley" / "2014-06-17.pdf").exists()
    assert no_partial_files(tmp_path / "reports")


def test_html_where_a_pdf_was_expected_is_refused(fetch, replica, tmp_path):
    replica.fault("/v1/file/70000021", Fault("html"))
    result = fetch("--authority", "Fernley")
    assert result.exit_code == 1
    assert (f"Error: {replica.file_url('70000021')}: is not a PDF (an HTML page, text/html)"
            in result.stderr.splitlines())
    assert not (tmp_path / "reports" / f"{FERNLEY_URN}-fernley" / "2021-12-10.pdf").exists()
    assert no_partial_files(tmp_path / "reports")


def test_a_listing_whose_markup_changed_says_so(fetch, replica, tmp_path):
    replica.fault("/search", Fault("no-links"))
    result = fetch()
    assert result.exit_code == 4
    assert result.stderr.splitlines() == [
        f"Error: {replica.url}/search?q=&location=&lat=&lon=&radius=&level_1_types=3"
        "&level_2_types%5B%5D=12&start=0&rows=100: the listing shows no providers; the "
        "site's pages have changed (ingest/fetch/site.py)"]


def test_a_provider_page_without_publication_links_says_so(fetch, replica):
    replica.fault(f"/provider/44/{FERNLEY_URN}", Fault("no-links"))
    result = fetch("--authority", "Fernley")
    assert result.exit_code == 4
    assert result.stderr.splitlines()[0] == (
        f"Error: {replica.url}/provider/44/{FERNLEY_URN}: no publication links "
        "(a.publication-link); the site's pages have changed (ingest/fetch/site.py)")


def test_a_site_that_is_down(run, tmp_path):
    import socket

    with socket.socket() as sock:  # a free port nobody listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    result = run("fetch", "--site", f"http://127.0.0.1:{port}", "--to", tmp_path / "r", *FAST)
    assert result.exit_code == 3
    assert result.stderr.startswith(f"Error: http://127.0.0.1:{port}/search?")
    assert "cannot be reached" in result.stderr and len(result.stderr.splitlines()) == 1


def test_a_download_folder_that_cannot_be_written(fetch, tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder\n")
    result = fetch(to=blocker / "reports")
    assert result.exit_code == 2
    assert result.stderr.startswith(f"Error: {blocker / 'reports'}: the download folder "
                                    "cannot be written (")
    assert len(result.stderr.splitlines()) == 1


def test_a_second_fetch_into_the_same_folder_is_refused(fetch, tmp_path):
    import fcntl

    folder = tmp_path / "reports"
    folder.mkdir()
    with open(folder / ".fetch.lock", "a") as held:  # as a run in progress holds it
        fcntl.flock(held, fcntl.LOCK_EX | fcntl.LOCK_NB)
        result = fetch("--authority", "Fernley")
    assert result.exit_code == 2
    assert result.stderr == (f"Error: {folder}: another ofsted-kg fetch is writing it; wait "
                             "for it to end\n")
    assert files_in(folder) == []


def test_sigterm_during_a_download_leaves_nothing_half_written_and_the_next_run_resumes(
        replica, tmp_path):
    folder = tmp_path / "reports"
    replica.fault("/v1/file/70000017", Fault("trickle", 30, times=1))
    command = [sys.executable, "-m", "ingest", "fetch", "--site", replica.url, "--to",
               str(folder), "--authority", "Fernley", *FAST[:2], "--timeout", "60",
               "--no-progress"]
    process = subprocess.Popen(command, stderr=subprocess.PIPE, text=True,
                               cwd=Path(__file__).resolve().parent.parent)
    try:
        deadline = time.monotonic() + 30
        while not list(folder.rglob(".2017-05-12.pdf.part")):
            assert time.monotonic() < deadline and process.poll() is None, "no download began"
            time.sleep(0.05)
        process.send_signal(signal.SIGTERM)
        _, stderr = process.communicate(timeout=20)
    finally:
        if process.poll() is None:
            process.kill()
    assert process.returncode == 143, stderr
    assert "Traceback" not in stderr
    assert no_partial_files(folder)
    assert files_in(folder / f"{FERNLEY_URN}-fernley") == ["2021-12-10.pdf"]
    assert [row["path"] for row in manifest_rows(folder)] == [
        f"{FERNLEY_URN}-fernley/2021-12-10.pdf"]
    again = subprocess.run(command, capture_output=True, text=True, timeout=60,
                           cwd=Path(__file__).resolve().parent.parent)
    assert again.returncode == 0, again.stderr
    assert files_in(folder / f"{FERNLEY_URN}-fernley") == [
        "2014-06-17.pdf", "2017-05-12.pdf", "2021-12-10.pdf"]
    assert ("2 new (Children's services inspection 2), 1 unchanged (Children's services "
            "inspection 1)") in again.stderr


def test_nothing_reaches_outside_loopback(run, tmp_path):
    """The guard every fetch test runs under (loopback_only in conftest) stops a request to
    the real site before it leaves the machine, and the run says so on one line."""
    result = run("fetch", "--to", tmp_path / "r", *FAST[:4], "--retries", "0",
                 "--no-progress")
    assert result.exit_code == 3
    assert result.stderr.startswith("Error: https://reports.ofsted.gov.uk/search?")
    assert "not loopback" in result.stderr

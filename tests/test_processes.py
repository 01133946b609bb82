"""Processes and files: workers end with their parent, no temporary file outlives a
run, two runs never write one output at once, and every exit is a documented code."""

import fcntl
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from ingest import batch


def test_a_second_run_writing_the_same_output_is_refused(run, example, tmp_path):
    out = tmp_path / "out.ttl"
    with open(tmp_path / ".out.ttl.lock", "a") as held:
        fcntl.flock(held, fcntl.LOCK_EX | fcntl.LOCK_NB)
        result = run("ingest", example, "-o", out)
    assert result.exit_code == 3
    assert "another ofsted-kg run is writing it" in result.stderr
    assert not out.exists()
    assert run("ingest", example, "-o", out).exit_code == 0  # released: the next run writes


def test_a_folder_of_symlink_loops_is_exit_2(run, tmp_path):
    folder = tmp_path / "loops"
    folder.mkdir()
    (folder / "a.pdf").symlink_to(folder / "b.pdf")
    (folder / "b.pdf").symlink_to(folder / "a.pdf")
    (folder / "self").symlink_to(folder)
    result = run("ingest", folder, "-o", tmp_path / "out.ttl")
    assert result.exit_code == 2
    assert result.stderr.strip().endswith("no report files (.pdf, .md, .txt) found")


def test_workers_end_with_their_parent():
    """A worker whose parent is killed (SIGKILL: no code runs) ends too."""
    script = (
        "import os, sys, time\n"
        "from concurrent.futures import ProcessPoolExecutor\n"
        "from ingest.batch import end_with_parent\n"
        "pool = ProcessPoolExecutor(1, initializer=end_with_parent)\n"
        "print(pool.submit(os.getpid).result(), flush=True)\n"
        "pool.submit(time.sleep, 60)\n"
        "time.sleep(60)\n"
    )
    parent = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    worker = int(parent.stdout.readline())
    parent.send_signal(signal.SIGKILL)
    parent.wait()
    for _ in range(50):
        if not _alive(worker):
            break
        time.sleep(0.1)
    assert not _alive(worker)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    status = Path(f"/proc/{pid}/status")
    return not (status.exists() and "\nState:\tZ" in status.read_text())


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="needs /proc to list processes")
@pytest.mark.parametrize(("signum", "code", "target"), [
    (signal.SIGTERM, 143, "-o"), (signal.SIGINT, 130, "--store"),
    (signal.SIGKILL, -signal.SIGKILL, "--store")])
def test_a_signal_ends_the_run_its_workers_and_its_temporary_files(tmp_path, example, signum,
                                                                   code, target):
    """A run of many files, signalled while its workers read: it ends at once, with its
    workers (also when the run itself is killed), leaving no temporary file."""
    out = tmp_path / ("out.trig" if target == "-o" else "store")
    command = [sys.executable, "-m", "ingest", "ingest", *[str(example)] * 60,
               target, str(out), "-j", "2", "--no-progress"]
    run = subprocess.Popen(command, stderr=subprocess.PIPE, text=True)
    children: list[int] = []
    try:
        for _ in range(200):  # until both workers have started
            children = _children(run.pid)
            if len(children) >= 2:
                break
            time.sleep(0.05)
        time.sleep(0.5)
        sent = time.monotonic()
        run.send_signal(signum)
        _, stderr = run.communicate(timeout=30)
    finally:  # a run that hangs fails the test and is not left behind with its workers
        if run.poll() is None:
            for pid in [run.pid, *children]:
                _kill(pid)
            run.wait()
    assert time.monotonic() - sent < 10.0  # 0.7 s measured; a hang was 60 s and more
    assert run.returncode == code, stderr
    assert "Traceback" not in stderr
    for _ in range(20):
        if not [pid for pid in children if _alive(pid)]:
            break
        time.sleep(0.1)
    assert children and [pid for pid in children if _alive(pid)] == []
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def _children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.append(int(entry.name))
    return found


def test_report_files_lists_no_loop(tmp_path):
    (tmp_path / "self").symlink_to(tmp_path)
    assert batch.report_files([tmp_path]) == []


def test_no_temporary_file_is_left_when_a_write_is_interrupted(tmp_path, monkeypatch):
    """SIGTERM raises SystemExit in the middle of a write: the temporary file goes, and
    the file written before stays whole."""
    import os

    from ingest.rdf import files

    out = tmp_path / "out.trig"
    files.write_atomically(out, b"first\n")

    def interrupted(source, target):
        raise SystemExit(143)

    monkeypatch.setattr(os, "replace", interrupted)
    with pytest.raises(SystemExit):
        files.write_atomically(out, b"second\n")
    assert list(tmp_path.iterdir()) == [out] and out.read_bytes() == b"first\n"


def test_a_named_pipe_is_refused_not_waited_on(run, example, tmp_path):
    fifo = tmp_path / "pipe.md"
    os.mkfifo(fifo)
    result = run("ingest", fifo, example, "-o", tmp_path / "out.ttl")
    assert result.exit_code == 1
    assert f"Error: {fifo}: is not a regular file (a named pipe, device or socket?)" in (
        result.stderr)
    assert (tmp_path / "out.ttl").exists()


def test_a_file_name_that_is_not_utf8_is_read_and_shown(run, example, tmp_path):
    odd = Path(os.fsdecode(bytes(tmp_path) + b"/report\xff\n.md"))
    odd.write_bytes(example.read_bytes())
    for target in (["-o", tmp_path / "out.ttl"], ["--store", tmp_path / "store"]):
        result = run("ingest", odd, *target)
        assert result.exit_code == 0, result.stderr
        assert result.stderr.startswith(f"{tmp_path}/report\ufffd\\n.md: ")
    assert '"report\ufffd\\n.md"' in (tmp_path / "out.ttl").read_text(encoding="utf-8")


def _kill(pid: int) -> None:
    try:
        os.kill(pid, signal.SIGKILL)
    except ProcessLookupError:
        pass

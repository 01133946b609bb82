"""No traceback from a store that is damaged or not a store, or from output that cannot
be written: one line on stderr, naming the problem and what to do, and exit 2."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parent / "data"
REPORT = DATA / "fernley-2017.md"


def ofsted_kg(*args, stdout=subprocess.PIPE) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "ingest", *map(str, args)], stdout=stdout,
                          stderr=subprocess.PIPE, text=True, timeout=120)


@pytest.fixture(scope="module")
def whole(tmp_path_factory) -> Path:
    store = tmp_path_factory.mktemp("whole") / "store"
    assert ofsted_kg("ingest", REPORT, "--store", store).returncode == 0
    return store


def _garbage_current(store: Path) -> None:
    (store / "CURRENT").write_text("garbage\n")


def _cut_table(store: Path) -> None:
    largest = max(store.glob("*.sst"), key=lambda path: path.stat().st_size)
    with open(largest, "r+b") as table:
        table.truncate(1000)


COMMANDS = {
    "query": ["query", "judgements", "--store"],
    "validate": ["validate", "--store"],
    "export": ["export", "-o", "{tmp}/all.trig", "--store"],
    "ingest": ["ingest", REPORT, "--store"],
}


@pytest.mark.parametrize("damage", [_garbage_current, _cut_table])
@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_a_damaged_store_is_one_line_and_exit_2(whole, tmp_path, damage, command):
    store = tmp_path / "store"
    shutil.copytree(whole, store)
    damage(store)
    args = [str(a).replace("{tmp}", str(tmp_path)) for a in COMMANDS[command]]
    result = ofsted_kg(*args, store)
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert result.stderr.startswith(f"Error: {store}: the store is damaged (Corruption: ")
    assert result.stderr.rstrip().endswith(
        "restore it from a backup, or delete it and ingest the reports again")


def test_a_folder_of_other_files_is_not_made_a_store(tmp_path):
    folder = tmp_path / "papers"
    folder.mkdir()
    (folder / "notes.txt").write_text("mine\n")
    result = ofsted_kg("ingest", REPORT, "--store", folder)
    assert result.returncode == 2
    assert result.stderr == (f"Error: {folder}: not an ofsted-kg store (a folder of other "
                             "files); give a new or empty folder\n")
    assert [p.name for p in folder.iterdir()] == ["notes.txt"]


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
@pytest.mark.parametrize("args", [["queries"], ["query", "judgements", "--store", "{store}"],
                                  ["validate", "--store", "{store}"]])
def test_output_to_a_full_disk_is_one_line_and_exit_2(whole, args):
    with open("/dev/full", "w") as full:
        result = ofsted_kg(*[a.replace("{store}", str(whole)) for a in args], stdout=full)
    assert result.returncode == 2
    assert result.stderr == "Error: standard output: cannot be written (No space left on device)\n"

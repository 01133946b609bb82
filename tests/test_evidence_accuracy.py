"""The accuracy of extracted quantities against the hand-checked sample, as docs/evidence.md
states it: precision and recall each at least 0.95. Reads every sample report (slow):
marked ``corpus``."""

import re
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.corpus
SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "evidence_accuracy.py"


def test_precision_and_recall_on_the_sample(shared):
    result = subprocess.run([sys.executable, str(SCRIPT), "--shared", str(shared)],
                            capture_output=True, text=True, check=True)
    line = next(x for x in result.stdout.splitlines() if x.startswith("all quantities"))
    precision, recall = map(float, re.findall(r"(?:precision|recall) ([\d.]+)", line))
    assert precision >= 0.95 and recall >= 0.95, line
    assert "skipped" not in result.stderr, result.stderr

"""Locate the ontology, shapes and saved queries, installed or in a checkout."""

from importlib import resources
from pathlib import Path


def data_dir(name: str) -> Path:
    """The folder ``name`` (ontology, shapes or queries).

    An installed wheel carries them as ``ingest/data/<name>``; a source checkout
    keeps them at the top level, beside the package.
    """
    installed = Path(str(resources.files("ingest"))) / "data" / name
    if installed.is_dir():
        return installed
    checkout = Path(__file__).resolve().parent.parent / name
    if checkout.is_dir():
        return checkout
    raise FileNotFoundError(f"the {name} folder is missing from this installation")


def data_files(name: str, suffix: str) -> list[Path]:
    """The files ending in ``suffix`` in the folder ``name``, sorted by name."""
    return sorted(data_dir(name).glob(f"*{suffix}"))

"""Values for the saved queries' required parameters that the Fernley examples
(tests/data) answer, for the tests that run every saved query."""

from ingest.queries import saved_queries

EXAMPLE_VALUES = {
    "authority": "Fernley",
    "measure": "children-looked-after",
    "inspection": "2017-03-24",
    "finding": "7",
    "recommendation": "2",  # finding 9 supports it, and states numbers
}


def example_parameters(name: str, **overrides: str) -> list[str]:
    """``--param NAME=VALUE`` options for every required parameter of the query ``name``."""
    values = {**EXAMPLE_VALUES, **overrides}
    return [option for p in saved_queries()[name].parameters if p.required
            for option in ("--param", f"{p.name}={values[p.name]}")]

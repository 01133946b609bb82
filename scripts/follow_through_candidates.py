"""Print, for hand-labelling follow-through, each earlier recommendation of the consecutive
pairs of one authority in a store, beside every later recommendation and a broad pool of
later findings (the six closest by plain text similarity, and any other finding with a
sentence that refers back and shares some words), with their numbers and sentences.

The pool is wider than what the tool links (it uses no threshold and no status), so that a
labeller can find links the tool misses; it is still a pool, which the measured recall
depends on (docs/follow-through.md says so).

    python scripts/follow_through_candidates.py STORE AUTHORITY_URN [FIRST_N_RECOMMENDATIONS]
"""

import sys
import textwrap
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from ingest.enrich.followthrough import (  # noqa: E402
    _back_reference,
    _vectoriser,
    refers_back,
    sentences,
    stated_status,
)  # noqa: E402
from ingest.store.embedded import open_store  # noqa: E402
from ingest.store.followthrough import pairs  # noqa: E402

POOL = 6


def show(pair, limit: int | None) -> None:
    from sklearn.metrics.pairwise import cosine_similarity

    print(f"\n######## {pair.earlier}  ->  {pair.later}")
    print("== later recommendations")
    for item in pair.later_recommendations:
        print(textwrap.fill(f"R{_key(item)}: {item.text}", 160))
    vectorise = _vectoriser(pair)
    back = _back_reference(pair)
    recommendations = pair.recommendations[:limit]
    scores = (cosine_similarity(vectorise([r.text for r in recommendations]),
                                vectorise([f.text for f in pair.later_findings]))
              if pair.later_findings else None)
    shown: set[int] = set()
    for row, rec in enumerate(recommendations):
        print(textwrap.fill(f"== EARLIER {_key(rec)}: {rec.text}", 160))
        if scores is None:
            continue
        order = sorted(range(len(pair.later_findings)), key=lambda i: -scores[row][i])
        pool = order[:POOL] + [i for i in order[POOL:] if scores[row][i] >= 0.08
                               and refers_back(pair.later_findings[i].text, back)]
        shown.update(pool)
        print("   pool: " + " ".join(f"F{_key(pair.later_findings[i])}({scores[row][i]:.2f})"
                                     for i in pool))
    print("== later findings in the pool")
    for i in sorted(shown):
        finding = pair.later_findings[i]
        print(textwrap.fill(f"F{_key(finding)}: {_brief(finding.text, back)}", 160,
                            subsequent_indent="    "))


def _brief(text: str, back) -> str:
    """The first sentences (about 300 characters), then only the sentences that refer back
    or might state a status, each marked."""
    out, length = [], 0
    for sentence in sentences(text):
        if length < 300:
            out.append(sentence)
            length += len(sentence)
        elif refers_back(sentence, back) or stated_status(sentence):
            out.append(f"[..] {sentence}")
    return " ".join(out)


def _key(item) -> str:
    return str(item.number) if item.body == "local-authority" else f"{item.body}-{item.number}"


def main() -> None:
    store = open_store(Path(sys.argv[1]), read_only=True)
    limit = int(sys.argv[3]) if len(sys.argv) > 3 else None
    for pair in pairs(store):
        if pair.earlier.split("/inspection/")[1].split("/")[0] == sys.argv[2]:
            show(pair, limit)


if __name__ == "__main__":
    main()

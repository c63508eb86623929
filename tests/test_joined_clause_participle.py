"""A participle after a clause joined by ", but" (", yet", ", while", ", whereas", ", and")
with a subject of its own hangs on that clause: its subject speaks, not the first clause's
(_joined_clause_subject). "Unions threatened a strike, but Reyes balked, saying …" is Reyes.

The sentences are invented.
"""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.quotes.extract import extract_quotes

# (sentence, the speaker of its quotation in marks)
CASES = [
    (
        "Port unions had threatened a strike, but Reyes is not sure his plan avoids one, "
        "adding, “People here strike over everything.”",
        "Reyes",
    ),
    (
        "A harbor official pushed back at the time, but Okafor largely stood by her claims, "
        "saying, “We have the logs.”",
        "Okafor",
    ),
    (
        "The mayor posted the clip, but the Courier refused to print it, calling it “cruel.”",
        "Courier",
    ),
    (
        "Council leaders thought they had a deal, but the skippers balked, saying the plan "
        "had “too many holes.”",
        "the skippers",
    ),
    (
        "Many council members rejected the move, while Lund fought back, vowing that the "
        "city would be “taking names.”",
        "Lund",
    ),
    # no subject of its own: the participle hangs on the first clause
    (
        "Reyes said he wished they had waited, but defended the change, saying it was “overdue.”",
        "Reyes",
    ),
    # a subject that names no speaker
    (
        "Reyes said the tram was late, and the fares were high, adding that it was “a shame.”",
        "Reyes",
    ),
    # a second subject, not a clause: "and" joins the two names
    (
        "Rep. Ada Lund, chair of the harbor panel, and her colleague, Ivo Brandt, who chairs "
        "the rail panel, released a statement saying they were “saddened by the crash.”",
        "Ada Lund",
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_participle_after_joined_clause(text, expected):
    q = extract_quotes(pd.DataFrame({"doc_id": ["a"], "text": [text]}))
    marked = q[q.kind.isin(["direct", "partial"])]
    assert len(marked) == 1
    assert marked.speaker.iloc[0] == expected

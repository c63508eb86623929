"""Word weights shared by story grouping, alignment and source comparison: how rare a word
is in English, from wordfreq's frequency table."""

from __future__ import annotations

import math
import re
from functools import lru_cache

import wordfreq


@lru_cache(maxsize=500_000)
def lemma_weight(lemma: str) -> float:
    """IDF-like weight of a lemma: 7 minus its Zipf frequency in English (wordfreq), at least 0.5.

    "said" weighs 1, "Turkey" 2.4, "Karabakh" 4.4; words wordfreq does not know weigh 7.
    """
    return max(0.5, 7.0 - zipf_en(lemma))


# wordfreq.zipf_frequency(word, "en") with its default minimum (Zipf 0).
_MIN_FREQ: float = wordfreq.zipf_to_freq(0.0)
_PLAIN_WORD_RE = re.compile(r"[a-z]+")


def zipf_en(word: str) -> float:
    """``wordfreq.zipf_frequency(word, "en")``, equal to the last bit.

    A word of ASCII lower-case letters is one token that wordfreq's tokenizer leaves as it is,
    so its frequency is one lookup in wordfreq's English table, rounded as wordfreq rounds
    it; any other word goes through wordfreq itself. Why: wordfreq tokenizes every word it is
    asked about (about 28 us a word), which was a third of ``story_groups`` on a big corpus
    (86,742 distinct words).
    """
    if _PLAIN_WORD_RE.fullmatch(word) is None:
        return wordfreq.zipf_frequency(word, "en")
    freq = max(wordfreq.get_frequency_dict("en").get(word, _MIN_FREQ), _MIN_FREQ)  # (cached)
    # wordfreq's _word_frequency: 3 significant digits; then its zipf_frequency.
    freq = round(freq, math.floor(-math.log(freq, 10)) + 3)
    return round(wordfreq.freq_to_zipf(freq), 2)

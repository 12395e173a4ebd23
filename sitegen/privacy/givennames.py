"""The given-name list: gender-guesser's ~45,000 names with a popularity score, plus a few it lacks."""

from __future__ import annotations

import unicodedata
from functools import lru_cache
from pathlib import Path

from sitegen.privacy import lexicon as L


@lru_cache(maxsize=1)
def given_names() -> dict[str, int]:
    """Given name → its highest popularity score (1-13) in gender-guesser's list."""
    import gender_guesser

    path = Path(gender_guesser.__file__).with_name("data") / "nam_dict.txt"
    names: dict[str, int] = {}
    # The file is fixed-width: sex code, name at column 3, then one popularity
    # character per country from column 30 (blank, or 1-9 and A-D).  Parsing
    # it directly is ~10x faster than building gender_guesser's Detector.
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if line[0] in "#=":
                continue
            parts = line.split(None, 2)
            if len(parts) < 2:
                continue
            raw = parts[1]
            score = 0
            for ch in line[30:86]:
                if ch != " " and ch != "$":
                    value = int(ch, 16) if ch in "0123456789ABCDEFabcdef" else 0
                    if value > score:
                        score = value
            variants = (raw,) if "+" not in raw else (raw.replace("+", ""), raw.replace("+", "-"))
            for name in variants:
                if score > names.get(name, -1):
                    names[name] = score
    for name in L.EXTRA_GIVEN_NAMES:
        names[name] = max(names.get(name, 0), 5)
    return names


def _fold(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))


def given_score(word: str, names: dict[str, int]) -> int:
    """Popularity of `word` as a given name, -1 when it is not one."""
    score = names.get(word)
    if score is None:
        folded = _fold(word)
        score = names.get(folded) if folded != word else None
    if score is None and "-" in word:
        parts = word.split("-")
        scores = [given_score(p, names) for p in parts]
        if all(s >= 0 for s in scores):
            return min(scores)
    return -1 if score is None else score

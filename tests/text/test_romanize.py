"""Names across Arabic and Latin script: the romanisation key per word, and precision and recall
on the committed list of real Arabic/Latin name pairs (Egyptian and Levantine spellings, near
misses such as أحمد/Hamed and محمود/Mohamed, and unrelated names)."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop_app.text import latin_names, romanize
from desktop_app.text.romanize import latin_fine, latin_words, matches, query_alternatives, skeleton

PAIRS = Path(__file__).parent / "data" / "names_across_scripts.tsv"


def load_pairs() -> list[tuple[bool, str, str, str]]:
    rows = []
    for line in PAIRS.read_text("utf-8").splitlines():
        if line and not line.startswith("#"):
            same, kind, arabic, latin = line.split("\t")
            rows.append((same == "1", kind, arabic, latin))
    return rows


def scores(direction: str) -> tuple[float, float, int, int]:
    """Precision and recall of whole-name queries: Latin queries against Arabic names, or back."""
    tp = fp = fn = 0
    for same, _kind, arabic, latin in load_pairs():
        found = matches(latin, arabic) if direction == "latin" else matches(arabic, latin)
        tp += found and same
        fp += found and not same
        fn += same and not found
    return tp / (tp + fp), tp / (tp + fn), tp, fp


def test_the_pair_list_is_large_and_has_near_misses() -> None:
    pairs = load_pairs()
    positives = [p for p in pairs if p[0]]
    negatives = [p for p in pairs if not p[0]]
    assert len(positives) >= 300 and len(negatives) >= len(positives)
    assert sum(p[1] == "near_miss" for p in negatives) >= 150
    assert ("أحمد محمد علي", "Hamed Mohamed Ali") in [(p[2], p[3]) for p in negatives]
    assert ("محمود خالد", "Mohamed Khaled") in [(p[2], p[3]) for p in negatives]


@pytest.mark.parametrize("direction", ["latin", "arabic"])
def test_precision_and_recall_of_whole_name_queries(
    direction: str, capsys: pytest.CaptureFixture[str]
) -> None:
    precision, recall, tp, fp = scores(direction)
    with capsys.disabled():
        print(
            f"\n{direction} queries: precision {precision:.3f}, recall {recall:.3f} ({tp} found, {fp} wrong)"
        )
    assert precision >= 0.95 and recall >= 0.90


def test_spellings_the_table_does_not_list_are_found_by_their_skeleton(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Some tested Latin words are spellings the table does not list (rare family names, sloppy
    spellings): the pairs that hold one are found through the consonant skeleton."""
    listed = set()
    for line in latin_names.NAMES.strip().splitlines():
        for spelling in line.partition("=")[2].split():
            listed.update(latin_fine(w[0]) for w in latin_words(spelling))

    def unlisted(readings: tuple[str, ...]) -> bool:
        return not any(latin_fine(r) in listed for r in readings)

    words = {w for _s, _k, _a, latin in load_pairs() for w in latin_words(latin)}
    pairs = [p for p in load_pairs() if p[0] and any(unlisted(w) for w in latin_words(p[3]))]
    found = sum(matches(latin, arabic) for _s, _k, arabic, latin in pairs)
    with capsys.disabled():
        print(f"\n{sum(map(unlisted, words))} of {len(words)} tested Latin words are not in the table; "
              f"{found} of the {len(pairs)} pairs holding one are found")  # fmt: skip
    assert sum(map(unlisted, words)) >= 0.05 * len(words) and len(pairs) >= 50
    assert found >= 0.9 * len(pairs)


@pytest.mark.parametrize(
    ("latin", "arabic"),
    [
        ("Ahmed Mohamed", "أحمد محمد"),
        ("Mohamed Ahmed", "أحمد محمد"),
        ("Hany Ibrahim", "هاني إبراهيم"),
        ("Abdallah", "عبد الله"),
        ("Abdullah", "عبدالله"),
        ("Abd El-Rahman", "عبد الرحمن"),
        ("Abdurrahman", "عبد الرحمن"),
        ("Mahmoud Khaled", "محمود خالد"),
        ("El-Sayed", "السيد"),
        ("Elsayed", "سيد"),
        ("Mostafa", "مصطفي"),
        ("Mustafa", "مصطفى"),
        ("Hossam", "حسام"),
        ("Husam", "حسام"),
        ("Noureddine", "نور الدين"),
        ("Nour El-Din", "نور الدين"),
        ("Gadallah", "جاد الله"),
        ("Sa'ad", "سعد"),
        ("Mo7amed", "محمد"),
        ("El-Kedwany", "الكدواني"),  # not in the table: the skeleton
        ("Elfakharani", "الفخراني"),
    ],
)
def test_same_names(latin: str, arabic: str) -> None:
    assert matches(latin, arabic)
    assert matches(arabic, latin)


@pytest.mark.parametrize(
    ("latin", "arabic"),
    [
        ("Hamed", "أحمد"),
        ("Ahmed", "حامد"),
        ("Mohamed", "محمود"),
        ("Mahmoud", "محمد"),
        ("Hana", "هاني"),
        ("Hany", "هناء"),
        ("Hassan", "حسين"),
        ("Hussein", "حسن"),
        ("Sayed", "سعيد"),
        ("Saad", "سعيد"),
        ("Omar", "عمرو"),
        ("Amr", "عمر"),
        ("Kamel", "كمال"),
        ("Karima", "كريم"),
        ("Abdo", "عبد الله"),
    ],
)
def test_near_misses(latin: str, arabic: str) -> None:
    assert not matches(latin, arabic)


def test_keys() -> None:
    assert skeleton(latin_fine("ahmed")) == "Vhmd"
    assert skeleton(latin_fine("hamed")) == "hmd"
    assert skeleton(latin_fine("hany")) == skeleton(latin_fine("hani")) == "hnI"
    assert skeleton(latin_fine("hana")) == "hnA"
    assert latin_words("Abd El-Rahman Abdel Aziz El-Sayed") == [("abdrahman",), ("abdaziz",), ("sayed",)]
    assert latin_words("Elsayed") == [("elsayed", "sayed")]
    assert latin_words("Noureddine Salaheldin") == [("nour",), ("din",), ("salah",), ("din",)]
    assert latin_words("Hebatallah") == [("hebat",), ("allah", "lah")]
    assert latin_words("Abdou") == [("abdou",)]  # a name of its own, not "Abd …"


def test_a_query_word_in_either_script_carries_both() -> None:
    [mohamed] = query_alternatives("Mohamed")
    assert "محمد" in mohamed and "محمود" not in mohamed
    [arabic] = query_alternatives("محمد")
    assert "محمد" in arabic and f"{romanize.LATIN_ENTRY}mohamed" in arabic
    assert query_alternatives("") == []

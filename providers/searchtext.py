"""What people type into the directory's search box: the place they mean and the words they
misspell. Pure Python over data we ship (providers/data/README.md), so it needs no database and
nothing is fetched.

- A place is a council's name, a town of 5,000 people or more, an outward postcode ("L1",
  "CF10") or a full postcode; each maps to one council. Place names are matched whole, then with
  one slip of the keyboard (two in long names), so "liverpol" finds Liverpool.
- Misspelt help words ("hosuing", "accomodation") are corrected against a small vocabulary of
  the words people use for the resettlement pathways. Postgres also corrects against the
  listings' own words (providers.search); the SQLite demo has only this.

Fuzzy matching uses rapidfuzz's optimal string alignment distance, which counts a swap of two
letters as one slip (docs/decisions/0032).
"""

import csv
import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from rapidfuzz import process
from rapidfuzz.distance import OSA

from .pathways import PATHWAYS
from .postcodes import normalise_postcode

DATA = Path(__file__).resolve().parent / "data"


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Words people use when asking for help, beside the pathways' own names and descriptions.
HELP_WORDS = _words("""
accommodation housing house home homes homeless hostel tenancy rent landlord flat
job jobs work working employment employer training education college course courses
qualifications skills volunteering money benefit benefits debt debts budgeting bank
family families children child parent parents relationships mental health wellbeing
drugs drug alcohol addiction recovery women woman men young veterans mentor mentors
mentoring peer support prison prisons release leaving probation offending behaviour thinking
abuse domestic violence sexual gambling literacy reading writing maths
""")

# Place names that are also everyday words, or a nation: searched as words, never as places.
# (The area filter still offers every council, Reading included.)
EVERYDAY_PLACE_NAMES = _words(
    """battle bow cove crook deal fleet flint grove hale hook lee leek march mold par reading
    sale sandy send stone street ware wells wales"""
)

# Short names people use for a place whose data name is longer.
ALIASES = {"newcastle": "Newcastle upon Tyne", "hull": "Kingston upon Hull"}
# Words that only said where: "housing in Leeds" searches for housing, in Leeds.
_PLACE_WORDS = _words("in at near around")
_STOP_WORDS = _words("and the for with from who have has been into keeping")
_OUTWARD = re.compile(r"[A-Z]{1,2}[0-9][A-Z0-9]?")
MAX_WORDS = 10
LONGEST_PLACE_NAME = 4  # words


@dataclass(frozen=True)
class Place:
    name: str  # as the data spells it: "Liverpool", "L1"
    gss_code: str  # its council
    typed: str  # the words that named it


@dataclass(frozen=True)
class Understood:
    text: str  # the search without the place, misspelt help words corrected when asked
    uncorrected: str  # the search without the place, as typed
    place: Place | None


def fold(text: str) -> str:
    """'Stoke-on-Trent' -> 'stoke on trent', "King's Lynn" -> 'kings lynn', 'Ynys Môn' ->
    'ynys mon'."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    ascii_text = re.sub(r"['\u2019]", "", ascii_text.lower().replace("&", " and "))
    return " ".join(re.findall(r"[a-z0-9]+", ascii_text))


def _rows(name: str):
    with open(DATA / name, newline="", encoding="utf-8") as file:
        yield from csv.DictReader(file, delimiter="\t")


@cache
def place_names() -> dict[str, tuple[str, str]]:
    """Folded name -> (name, GSS code): towns, then councils' names over any town's."""
    names = {}
    for source in ("places.tsv", "local_authorities.tsv"):
        names.update({fold(row["name"]): (row["name"], row["gss_code"]) for row in _rows(source)})
    names.update({alias: names[fold(name)] for alias, name in ALIASES.items()})
    return {key: value for key, value in names.items() if key not in EVERYDAY_PLACE_NAMES}


@cache
def postcode_districts() -> dict[str, str]:
    """Outward code ('L1') -> GSS code of the council holding most of its postcodes."""
    return {row["district"]: row["gss_code"] for row in _rows("postcode_districts.tsv")}


@cache
def help_words() -> frozenset[str]:
    words = set(HELP_WORDS)
    for _code, name, description in PATHWAYS:
        words.update(fold(f"{name} {description}").split())
    return frozenset(word for word in words if len(word) > 2 and word not in _STOP_WORDS)


def allowed_slips(text: str) -> int:
    """How many slips of the keyboard a word of this length may carry and still be matched."""
    return 0 if len(text) < 5 else 1 if len(text) < 9 else 2


def closest(text: str, choices) -> str | None:
    """The choice within allowed_slips of the text, or None."""
    slips = allowed_slips(text)
    if not slips:
        return None
    found = process.extractOne(text, choices, scorer=OSA.distance, score_cutoff=slips)
    return found[0] if found else None


def understand(text: str, *, find_place: bool = True, correct_words: bool = True) -> Understood:
    """Split a search into the place it names (if any) and the words to search for."""
    typed = text.split()
    words = [fold(word) for word in typed[:MAX_WORDS]]
    vocabulary = help_words()
    place, used = _find_place(typed, words, vocabulary) if find_place else (None, range(0))
    rest = [
        i
        for i in range(len(typed))
        if i not in used and not (place and i < len(words) and words[i] in _PLACE_WORDS)
    ]
    corrected = []
    for i in rest:
        word = words[i] if i < len(words) else ""
        better = None
        if correct_words and word.isalpha() and word not in vocabulary:
            better = closest(word, vocabulary)
        corrected.append(better or typed[i])
    return Understood(
        text=" ".join(corrected),
        uncorrected=" ".join(typed[i] for i in rest),
        place=place,
    )


def _find_place(typed: list[str], words: list[str], vocabulary) -> tuple[Place | None, range]:
    """The first place named, and which words named it."""
    districts = postcode_districts()
    for i in range(len(words)):  # A full postcode, with or without its space, or an outward code.
        for width in (2, 1):
            candidate = "".join(typed[i : i + width]).upper()
            if len(typed[i : i + width]) < width:
                continue
            full = normalise_postcode(candidate)
            outward = full.split()[0] if full else candidate
            if (full or _OUTWARD.fullmatch(candidate)) and outward in districts:
                span = range(i, i + width)
                return Place(outward, districts[outward], " ".join(typed[i : i + width])), span
    names = place_names()
    spans = [
        range(start, start + width)
        for width in range(min(LONGEST_PLACE_NAME, len(words)), 0, -1)
        for start in range(len(words) - width + 1)
        if not any(words[i] in vocabulary for i in range(start, start + width))
    ]
    for span in spans:  # Whole names first, the longest first...
        key = " ".join(words[i] for i in span)
        if key in names:
            return _place(names[key], typed, span), span
    for span in spans:  # ...then a near miss.
        key = " ".join(words[i] for i in span)
        match = closest(key, names.keys()) if not key.isdigit() else None
        if match:
            return _place(names[match], typed, span), span
    return None, range(0)


def _place(found: tuple[str, str], typed: list[str], span: range) -> Place:
    return Place(found[0], found[1], " ".join(typed[i] for i in span))

"""The count of a casualty phrase: where its number starts and ends and where its qualifier starts.

In: the tokens of a sentence (a Doc that went through the pattern rulers) and a token index. Out: whether a token
is a count (``is_number``), a day of the month (``in_date``), the end of the number run (``number_end``: "twenty-
five", "two hundred and fifty", "dozens of", "20 to 40"), the start of its qualifier (``qualifier_start``: only a
``QUALIFIER`` phrase of ``words/tolls.jsonl`` or a ``RANGE_HEAD``, so "stood at 35" and "as well as four" keep no
qualifier; "over a dozen" keeps its article), and whether the count gives no number (``vague``: "dozens",
"several"; "some 20" has one). ``frames.casualties`` reads the phrases with these.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from . import lex


def _year(tok: Token) -> bool:
    return len(tok.text) == 4 and tok.text.isdigit() and tok.text[:2] in ("19", "20")


def is_number(tok: Token) -> bool:
    """A count word: digits, a ``NUMBER_WORD`` ("twelve", "dozens"), "one"; not "a"/"an" (they count only a
    singular victim), not a year."""
    if lex.has(tok, "NUMBER_WORD"):
        return not lex.has(tok, "INDEFINITE_ARTICLE")
    return tok.like_num and not _year(tok)


def _ordinal(tok: Token) -> bool:
    """"28th", "1er", "2e": a day of the month (one or two digits and a short letter suffix)."""
    text = tok.text
    digits = len(text) - len(text.lstrip("0123456789"))
    return 1 <= digits <= 2 and 1 <= len(text) - digits <= 3 and text[digits:].isalpha()


def in_date(tokens: list[Token], i: int) -> bool:
    """"On September 28, six people...": a day of the month is not a count."""
    tok = tokens[i]
    if tok.ent_type_ in ("DATE", "TIME") or _ordinal(tok):
        return True
    return any(lex.has(t, "MONTH") for t in tokens[max(0, i - 1):i + 2] if t.i != tok.i)


def number_end(tokens: list[Token], i: int) -> int:
    """The end of the number run from i: "twenty-five", "two hundred and fifty", "dozens of", "20 to 40" (not
    "from 12 to 15", a rise), "trente et un" (a ``JOINED_UNIT`` after a joiner)."""
    j = i + 1
    rise = i > 0 and tokens[i - 1].lower_ == "from"
    while j < len(tokens):
        nxt = tokens[j + 1] if j + 1 < len(tokens) else None
        joined = nxt is not None and is_number(nxt) and (
            tokens[j].text == "-" or lex.has(tokens[j], "NUMBER_JOINER")
            or lex.has(tokens[j], "RANGE_JOINER") and not rise) or nxt is not None and lex.has(
            tokens[j], "NUMBER_JOINER") and lex.has(nxt, "JOINED_UNIT")  # "trente et un": French 'un' is an article
        if not (is_number(tokens[j]) or joined
                or lex.has(tokens[j], "COUNT_OF") and lex.has(tokens[j - 1], "COUNT_OF_HEAD")):
            break
        j += 2 if joined else 1
    return j


def qualifier_start(sent: Span, tokens: list[Token], i: int) -> int:
    """Where the count's qualifier starts: "at least", "more than", "between 20 and", "over a dozen"; only a
    ``QUALIFIER`` phrase (or "between") counts, so the "at" of "stood at 35" and the "as" of "as well as four" do
    not."""
    start = i - 1 if i > 0 and lex.has(tokens[i], "MULTIPLIER") and lex.has(tokens[i - 1], "INDEFINITE_ARTICLE") \
        else i  # "a dozen"
    q = start
    while q > 0 and lex.has(tokens[q - 1], "QUANTITY") and start - q < 4 and not lex.has(
            tokens[q - 1], "QUALIFIER_STOP") or (q > 0 and lex.has(tokens[q - 1], "INDEFINITE_ARTICLE")
                                                 and start - q < 3 and lex.has(tokens[q], "ESTIMATED")):
        q -= 1
    doc = sent.doc
    while q < start and not (lex.has(tokens[q], "RANGE_HEAD") or lex.is_phrase(
            doc[tokens[q].i:tokens[start].i], "QUALIFIER")):
        q += 1
    return q


def vague(tokens: list[Token], p: dict) -> bool:
    """"dozens", "several", "scores of": a count with no number ("some 20" has one)."""
    run = tokens[p["i"]:p["j"]]
    return lex.has(tokens[p["q"]], "VAGUE", "APPROX") and all(lex.has(t, "VAGUE", "APPROX", "COUNT_OF") for t in run)

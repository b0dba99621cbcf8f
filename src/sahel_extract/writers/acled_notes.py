"""The ``notes`` column of an ACLED row: a one-sentence summary of a record or an event.

In: the record-schema fields of a record or event (dicts: ``event_type``, ``actor``, ``target``, ``place``,
``date``, ``casualties``), the ACLED sub-event type it was coded as, and the names of its sources. Out:
one English sentence in the manner of ACLED's notes: "On 12 January 2025, JNIM militants attacked soldiers
in Boulkessi (Mopti, Mali), killing at least 6 soldiers and wounding 11; 14 assailants were also killed,
according to Sahel Wire, citing the army and a security source." Figures are the record's own bounds;
nothing is added that the record does not hold.
"""

from __future__ import annotations

import datetime as dt

from .acled_codebook import ascii_name, vague_word

_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December")
#: Plural and singular nouns for the people of each target category.
_PEOPLE = {
    "military": ("soldiers", "soldier"), "police": ("police officers", "police officer"),
    "civilians": ("civilians", "civilian"), "militants": ("militants", "militant"),
    "peacekeepers": ("peacekeepers", "peacekeeper"), "officials": ("officials", "official"),
    "other": ("people", "person"), None: ("people", "person"),
}
#: What a named actor's members are called, by kind.
_MEMBERS = {"jihadist": "militants", "separatist": "fighters", "militia": "militiamen"}
_ATTACKERS = {"state_forces": ("soldiers", "soldier"), "foreign_forces": ("soldiers", "soldier"),
              "militia": ("militiamen", "militiaman")}


def _day(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None


def _long(day: dt.date) -> str:
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"


def date_phrase(date: dict, published: str | None) -> str:
    """"On 12 January 2025", "In the week of 12 May 2025", "In October 2025", "On or before 14 January 2025"."""
    precision = date.get("precision") or "unknown"
    day = _day(date.get("value")) or _day(date.get("earliest"))
    if day and precision == "day":
        return f"On {_long(day)}"
    if day and precision == "week":
        return f"In the week of {_long(day)}"
    if day and precision == "month":
        return f"In {_MONTHS[day.month - 1]} {day.year}"
    if day and precision == "year":
        return f"In {day.year}"
    latest = _day(date.get("latest")) or _day(published)
    return f"On or before {_long(latest)}" if latest else "On an unknown date"


def place_phrase(place: dict) -> str:
    """"Boulkessi (Mopti, Mali)", "Tillaberi (Niger)", "Mali", or "an unknown location"."""
    name, admin1, country = (ascii_name(place.get(k)) for k in ("name", "admin1", "country"))
    context = [part for part in (admin1, country) if part and part != name]
    if name:
        return f"{name} ({', '.join(context)})" if context else name
    return ", ".join(context) or "an unknown location"


def actor_phrase(actor: dict) -> str:
    """"JNIM militants", "CMA fighters", "FAMa", "unidentified armed men"."""
    name, kind = actor.get("name"), actor.get("kind")
    if not name:
        return "unidentified armed men"
    members = _MEMBERS.get(kind or "")
    return f"{name} {members}" if members else name


def count_phrase(count: dict | None, nouns: tuple[str, str]) -> str | None:
    """"6 soldiers", "at least 12 people", "between 10 and 25 civilians", "up to 30 people", "dozens of
    militants" (a vague plural is kept as written); None if unknown."""
    if not count:
        return None
    word = vague_word(count.get("mention"))
    if word:
        return f"{word} of {nouns[0]}"
    low, high = count.get("min"), count.get("max")
    if low is None and high is None:
        return None
    if low is not None and high == low:
        figure, n = str(low), low
    elif low is not None and high is None:
        figure, n = f"at least {low}", low
    elif low is None:
        figure, n = f"up to {high}", high
    else:
        figure, n = f"between {low} and {high}", high
    return f"{figure} {nouns[1] if n == 1 else nouns[0]}"


def _victims(casualties: dict, category: str | None, outcome: str) -> tuple[str, str]:
    """The people a count is about: the target's, else those of the first report of that outcome."""
    if category not in (None, "other"):
        return _PEOPLE[category]
    who = next((r.get("who") for r in casualties.get("reports") or []
                if r.get("outcome") == outcome and r.get("who")), None)
    return _PEOPLE.get(who, _PEOPLE[None])


def _action(event_type: str, sub_event: str, subject: str, name: str | None, target: str, place: str,
            abducted: str | None) -> str:
    at = f" in {place}"
    on = f" {target}" if target else ""
    if event_type == "armed_clash":
        return f"{subject} clashed with {target or 'an armed group'}{at}"
    if sub_event == "Shelling/artillery/missile attack":
        return f"{subject} shelled {place}"
    if event_type == "explosion":
        device = f"an explosive device attributed to {name}" if name else "an explosive device"
        return f"{device} hit{on or ' people'}{at}"
    if event_type == "suicide_bombing":
        bomber = f"a suicide bomber from {name}" if name else "a suicide bomber"
        return f"{bomber} struck{on or ' people'}{at}"
    if event_type == "air_strike":
        return f"{subject} carried out an air strike{' on' + on if on else ''}{at}"
    if event_type == "abduction":
        return f"{subject} abducted {abducted or target or 'people'}{at}"
    if event_type == "other":
        return f"an incident involving {subject} took place{at}"
    return f"{subject} attacked {target}{at}" if target else f"{subject} carried out an attack{at}"


def _who(name: str) -> str:
    """An attribution as it reads after "citing": "the army", "a local source", "residents", "Reuters"."""
    if name != name.lower():
        return name
    if name.endswith("source"):
        return f"a {name}"
    return name if name.endswith("s") else f"the {name}"


def _join(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def sources_phrase(publishers: list[str], cited: list[str]) -> str:
    """", according to Sahel Wire, citing the army and a local source" (empty when nothing is known)."""
    publishers = list(dict.fromkeys(p for p in publishers if p))
    cited = [c for c in dict.fromkeys(c for c in cited if c) if c not in publishers]
    if publishers and cited:
        return f", according to {_join(publishers)}, citing {_join([_who(c) for c in cited])}"
    if publishers or cited:
        return f", according to {_join(publishers or [_who(c) for c in cited])}"
    return ""


def notes(fields: dict, sub_event: str, publishers: list[str], cited: list[str],
          published: str | None = None) -> str:
    """The one-sentence summary of a record or event (see the module docstring)."""
    actor, target = fields.get("actor") or {}, fields.get("target") or {}
    casualties = fields.get("casualties") or {}
    category = target.get("category")
    event_type = fields.get("event_type") or "attack"
    subject = actor_phrase(actor)
    victims = _victims(casualties, category, "killed")
    target_noun = _PEOPLE[category][0] if category not in (None, "other") else ""
    abducted = count_phrase(casualties.get("abducted"), _victims(casualties, category, "abducted"))
    text = _action(event_type, sub_event, subject, actor.get("name"), target_noun,
                   place_phrase(fields.get("place") or {}), abducted if event_type == "abduction" else None)
    effects = [f"killing {p}" for p in [count_phrase(casualties.get("killed"), victims)] if p]
    effects += [f"wounding {p}" for p in [count_phrase(casualties.get("wounded"), _victims(
        casualties, category, "wounded"))] if p]
    if abducted and event_type != "abduction":
        effects.append(f"abducting {abducted}")
    if effects:
        text += ", " + _join(effects)
    nouns = _ATTACKERS.get(actor.get("kind") or "", ("assailants", "assailant"))
    attackers = count_phrase(casualties.get("attackers_killed"), nouns)
    if attackers:
        text += f"; {attackers} {'was' if attackers.endswith(' ' + nouns[1]) else 'were'} also killed"
    sentence = f"{date_phrase(fields.get('date') or {}, published)}, {text}"
    return sentence + sources_phrase(publishers, cited) + "."

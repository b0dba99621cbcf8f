"""One sentence in, one ``Frame`` out: the attack words of the sentence and the arguments linked to them.

In: a sentence ``Span`` of a Doc that went through the project's components (pattern rulers, entity ruler,
place linker; the tagger, parser and NER when a model is loaded), its index, the actor catalogue, the
language's lexicon and the frame settings. Out: a ``Frame`` with triggers (``triggers``), casualty figures
(``casualties``), actor and target candidates (``actors``), places and countries (``places``), times and
sources (``cues``), and the clause flags (background, aggregate, new incident, claim, blame, revision).

Arguments are linked by the dependency parse where the model gives one (the subject of the reporting verb a
figure depends on is its source; a place inside a relative clause that describes someone is detached) and
otherwise by clause and proximity rules on the token sequence, so ``--model blank`` still works.
"""

from __future__ import annotations

from spacy.tokens import Span

from ..normalise.actors import ActorCatalogue
from ..patterns import Lexicon
from ..settings import DEFAULT, FrameSettings
from ..textnorm import fold
from . import lex
from .actors import find_actors
from .casualties import find_casualties
from .cues import Source, cue_scopes, find_attributions, find_cues, find_times, split_report_times
from .mentions import CasualtyArg, Frame
from .place_clues import dateline
from .places import attached, find_places, near_pairs, token_distance
from .triggers import find_triggers

#: Dependency labels of a speaker's subtree that are not part of its name (ClearNLP and UD labels).
SPEAKER_DROP = {"relcl", "acl", "appos", "prep", "punct", "advcl", "parataxis"}


def governing_speaker(sent: Span, casualty: CasualtyArg, sources: list[Source]) -> str | None:
    """Who gives a figure: the subject of the reporting verb it depends on ("security sources ... said that at
    least 15 soldiers had been killed" -> "security sources"), from the dependency parse; or of a reporting verb
    that hangs on the figure's own clause after it (an incise: "..., a indiqué un élu local", ", said an official").
    When the parse finds the verb but not its subject (or only a pronoun), the attribution phrase written against
    that verb ("..., local sources and a security official said") or inside its phrase after it ("ont indiqué à
    Sahel Écho deux sources sécuritaires") stands in. None without a parse or a governing verb."""
    doc = sent.doc
    span = doc.char_span(casualty.start, casualty.end, alignment_mode="expand")
    if span is None or not lex.parsed(doc):
        return None
    for verb in span.root.ancestors:
        if lex.has(verb, "REPORTING_VERB") and verb.pos_ in ("VERB", "AUX"):
            return _speaker(sent, verb, sources)
    for head in (span.root, *span.root.ancestors):
        for verb in head.children:
            if verb.i >= span.end and _incise(verb):
                return _speaker(sent, verb, sources)
    return None


def _incise(verb) -> bool:
    """A reporting verb inserted after the clause it reports: no conjunction of its own and its subject, if any,
    after it (", a indiqué un élu local", "a-t-on appris"); not ", while the army reported withdrawals"."""
    if not (lex.has(verb, "REPORTING_VERB") and verb.pos_ in ("VERB", "AUX")
            and verb.dep_.split(":")[0] in INCISE_DEPS):
        return False
    children = list(verb.children)
    return not any(c.dep_ == "mark" for c in children) and not any(
        c.dep_.split(":")[0] in ("nsubj", "nsubjpass") and c.i < verb.i for c in children)


#: Dependency labels of a reporting verb inserted after the clause it reports (UD and ClearNLP labels).
INCISE_DEPS = {"parataxis", "conj", "advcl"}


def _speaker(sent: Span, verb, sources: list[Source]) -> str | None:
    """The subject of a reporting verb (the one nearest the verb, never the dateline's town the parser may also
    hang on it: "BAMAKO - The army said"), without its relative clauses and the like; else a source phrase beside
    the verb or inside its phrase after it."""
    doc = sent.doc
    subjects = [c for c in verb.children if c.dep_.split(":")[0] in ("nsubj", "nsubjpass")
                and not dateline(sent, doc[c.i:c.i + 1])]
    subject = max((c for c in subjects if c.i < verb.i), key=lambda c: c.i, default=None) or next(
        iter(subjects), None)
    if subject is None or subject.pos_ == "PRON" and not lex.has(subject, "PRONOUN_SPEAKER"):
        end = verb.right_edge.idx + len(verb.right_edge)
        beside = [c for c in sources if 0 <= verb.idx - c.end <= 2 or 0 <= c.start - (verb.idx + len(verb)) <= 2
                  or verb.idx < c.start and c.end <= end]
        return beside[0].text if beside else None
    drop = {t.i for child in subject.children if child.dep_.split(":")[0] in SPEAKER_DROP for t in child.subtree}
    kept = [t for t in subject.subtree if t.i not in drop]
    kept = [t for t in kept if kept[0].i <= t.i <= kept[-1].i]
    if kept and dateline(sent, doc[kept[0].i:kept[0].i + 1]):  # "NIAMEY, Niger (AP) - Security sources"
        marks = [k for k, t in enumerate(kept) if lex.has(t, "DATELINE_MARK") and t.text != ","]
        kept = kept[marks[-1] + 1:] if marks else []
    return doc[kept[0].i:kept[-1].i + 1].text if kept else None


def is_group_speaker(phrase: str | None, lexicon: Lexicon) -> bool:
    """"the group said", "the militants said": the armed actor speaks for itself (``GROUP_SPEAKER``)."""
    if not phrase:
        return False
    words = phrase.strip().lower().split()
    if words and lexicon.has("DEFINITE_ARTICLE", words[0]):
        words = words[1:]
    return lexicon.has("GROUP_SPEAKER", " ".join(words))


def _starts_at(sent: Span, label: str, start_char: int, end: bool) -> bool:
    """A tolls span of ``label`` ending (``end``) or starting at the token that starts at ``start_char``."""
    tok = sent.doc.char_span(start_char, start_char + 1, alignment_mode="expand")
    if tok is None:
        return False
    i = tok.start
    return lex.span_at(sent, "tolls", end=i if end else None, start=None if end else i, labels=(label,)) is not None


def analyse_sentence(sent: Span, index: int, catalogue: ActorCatalogue, lexicon: Lexicon,
                     settings: FrameSettings = DEFAULT.frames) -> Frame:
    """Everything one sentence says about attacks, with document offsets."""
    doc, base = sent.doc, sent.start_char
    frame = Frame(index=index, start=base, end=sent.end_char, text=sent.text,
                  max_place_distance=settings.max_place_distance)
    frame.triggers = find_triggers(sent)
    cues = find_cues(sent, settings.negation_window_tokens, index, settings.lead_sentences)
    not_an_attack = "PROTEST" in cues or "DEFUSAL" in cues or "TRIAL" in cues or ("ACCIDENT" in cues and all(
        t.outcome for t in frame.triggers))
    if not_an_attack:
        # a protest, a riot, a defused bomb, a court case, "killed when a gold mine collapsed"
        frame.triggers = []
    trigger_anchors = [(t.start, t.end) for t in frame.triggers]
    frame.times, frame.report_times = split_report_times(
        sent, find_times(sent, index), lambda t: token_distance(sent, t.start, t.end, trigger_anchors))
    sources = find_attributions(sent, lexicon, settings.max_source_chars)
    frame.attributions = [a.text for a in sources]
    frame.casualties = [] if not_an_attack else find_casualties(sent)
    frame.actors, frame.targets = find_actors(sent, catalogue, frame.casualties, sources, frame.triggers, cues.claim)
    mark_property(sent, frame, cues)
    for trig in frame.triggers:  # "the Boulikessi attack" names an attack told before, not a new one
        span = doc.char_span(trig.start, trig.end, alignment_mode="expand")
        if span is not None and span.start > 0 and doc[span.start - 1].ent_type_ == "PLACE" and \
                span.end - span.start == 1 and lex.has(span[0], "ATTACK_NOUN"):
            trig.weak = True
    anchors = trigger_anchors + [(c.start, c.end) for c in frame.casualties]
    frame.places, frame.countries, frame.demonyms = find_places(sent, anchors)
    for ent in lex.ents_in(sent):  # "Mali's military", "the Burkinabe army": a national force says which country
        entry = catalogue.get(ent.kb_id_) if ent.label_ == "ARMED_GROUP" and ent.kb_id_ else None
        if entry and len(entry.countries) == 1 and entry.countries[0] not in frame.demonyms:
            frame.demonyms.append(entry.countries[0])
    trigger_tokens = {tok.i for t in frame.triggers + frame.casualties
                      for tok in (doc.char_span(t.start, t.end, alignment_mode="expand") or [])}
    for p in frame.places:
        p.detached = not attached(sent, p.start, p.end, trigger_tokens)
    frame.detached_times = {t.text for t in frame.times if not attached(sent, t.start, t.end, trigger_tokens)}
    # places inside actor names or time expressions are not places of the event
    taken = [*frame.actors, *frame.times]
    frame.places = [p for p in frame.places if not any(a.start <= p.start and p.end <= a.end for a in taken)]
    frame.near_pairs = near_pairs(sent, frame.places, settings.near_gap_chars)
    frame.claim = cues.claim is not None
    # "police blamed Boko Haram", and the actor cues that name who did it outside the attack clause ("planted by
    # JNIM", "believed to be ISGS", "Boko Haram was behind it")
    frame.blame = ("BLAME" in cues or bool(lex.spans_in(sent, "actors", "ATTRIBUTED", "BEHIND"))) and any(
        a.name and a.score >= 2 for a in frame.actors)
    frame.new_event = "NEW_EVENT" in cues
    frame.anaphoric_actor = "ANAPHORIC_ACTOR" in cues
    frame.confirms = "CONFIRMS" in cues
    revision, superseded = "REVISION" in cues, "SUPERSEDED" in cues
    according = [a for a in sources if a.whole_sentence]
    parsed = lex.parsed(doc)
    # a figure introduced as the old one ("a provisional toll of twelve") is the replaced one, and the others of
    # its sentence are the new ones; else a sentence telling an old figure ("had initially said") tells only that
    replaced = {id(c) for c in frame.casualties if _starts_at(sent, "SUPERSEDED_BEFORE", c.start, end=True)}
    for c in frame.casualties:
        c.sentence = index
        c.superseded = id(c) in replaced if replaced else superseded and not revision
        c.revision = (revision or bool(replaced)) and not c.superseded
        if (revision or replaced) and _starts_at(sent, "INCREMENT", c.start, end=False):
            c.subset = True  # "the toll has risen to 11 after seven more victims died": a part of the new total
        speaker = governing_speaker(sent, c, sources)
        # with a parse, a speaker whose verb does not govern the figure speaks of something else ("..., while the
        # army reported withdrawals"); "according to" covers the whole sentence
        usable = according if parsed and not speaker else (according or sources)
        if speaker is not None:
            c.attribution = speaker
        elif usable:
            c.attribution = min(usable, key=lambda a: abs(a.start - c.start)).text
        c.speaker_is_group = is_group_speaker(c.attribution, lexicon)
    scope_clauses(sent, frame, cues)
    return frame


#: Target categories whose attack is an attack even when only property is taken: an assault on a post.
GUARDED_TARGETS = ("military", "police", "peacekeepers")


def mark_property(sent: Span, frame: Frame, cues) -> None:
    """Looting with no one hurt (issue 10, rule 7): in a sentence that tells what was taken (a ``LOOTING`` cue:
    "seized the vehicle of a merchant", "looted a dozen shops", "in search of fuel"), with no casualty figure, no
    attack word that tells harm to people ("shot dead a man and seized his phone") and no army, police or
    peacekeepers' post as the target, the attack words become damage to property (``Trigger.property``, which the
    grouping drops when the whole attack has nothing else)."""
    if frame.casualties or "LOOTING" not in cues or any(t.category in GUARDED_TARGETS for t in frame.targets):
        return
    doc = sent.doc
    taken = {i for span in cues.spans["LOOTING"] for i in range(span.start, span.end)}
    hurt = [t for t in frame.triggers if not t.property and (t.outcome or any(
        i not in taken and lex.has(doc[i], "OUTCOME_AFTER", "OUTCOME_BEFORE") for i in _tokens(doc, t)))]
    if hurt:
        return
    for t in frame.triggers:
        if t.event_type == "attack" and not t.outcome:
            t.property = True


def _tokens(doc, arg) -> set[int]:
    span = doc.char_span(arg.start, arg.end, alignment_mode="expand")
    return set(range(span.start, span.end)) if span is not None else set()


def _count_tokens(doc, c: CasualtyArg) -> set[int]:
    """The tokens of a figure's count ("34" in "neutralised 34 terrorists"), else of the whole figure."""
    toks = _tokens(doc, c)
    words = c.quantity.split()
    for i in sorted(toks):
        if words and doc[i].text == words[0]:
            return set(range(i, min(i + len(words), max(toks) + 1)))
    return toks


def scope_clauses(sent: Span, frame: Frame, cues) -> None:
    """History and aggregates, per clause (issue 10, rule 6): a ``BACKGROUND`` or ``AGGREGATE`` cue speaks of its
    own clause (``cues.cue_scopes``). A figure inside an aggregate's clause is part of the aggregate. When the
    sentence tells something outside every such clause (a strong attack word, a figure, a claim), that is the
    sentence's attack: the attack words and figures of the background clauses leave it, and so do the periods of
    the aggregates ("Gunmen killed 12 soldiers on Sunday in Boulkessi, a town attacked repeatedly since 2019").
    Otherwise the whole sentence is background or an aggregate, as its cues say."""
    doc = sent.doc
    triggers = [(t, _tokens(doc, t)) for t in frame.triggers]
    figures = [(c, _count_tokens(doc, c)) for c in frame.casualties]
    content = set().union(*(toks for _, toks in triggers + figures))
    scopes = cue_scopes(sent, cues, content)
    background, aggregate = scopes["BACKGROUND"], scopes["AGGREGATE"]
    every = background + aggregate

    def inside(toks: set[int], among: list[set[int]]) -> bool:
        return bool(toks) and any(min(toks) in scope for scope in among)

    statistic = {i for span in cues.spans.get("STATISTIC", []) for i in range(span.start, span.end)}
    for c, toks in figures:  # "thousands have died", "2,400 people killed since July": a statistic
        c.aggregate = c.aggregate or inside(toks, aggregate) or bool(toks & statistic)
    claim = set(range(cues.claim.start, cues.claim.end)) if cues.claim is not None else set()
    # the outcome verb of a statistic or an aggregate figure tells that figure ("violence killed more than 3,000
    # civilians in 2024"): it is no attack of its own
    counted = set().union(*(_tokens(doc, c) for c, _ in figures if c.aggregate))
    # "the wounded were evacuated" tells nothing new; "the raid took place in Huyum" does
    held = [t for t, toks in triggers if not t.weak and not (t.definite and t.outcome) and not inside(toks, every)
            and not (toks and toks <= counted)] + \
        [c for c, toks in figures if not c.aggregate and not inside(toks, every)] + \
        ([cues.claim] if claim and not inside(claim, every) else [])
    if not held:
        frame.background = bool(background)
        frame.aggregate = bool(aggregate) or any(c.aggregate for c in frame.casualties)
        return
    if not every:
        return
    frame.background = frame.aggregate = False
    frame.triggers = [t for t, toks in triggers if not inside(toks, every)]
    for c, toks in figures:
        c.aggregate = c.aggregate or inside(toks, every)
    # a period is no date of the attack ("where assailants have massacred civilians this year"); a past date is
    # kept: it still tells that the attack words it dates are history
    frame.times = [t for t in frame.times if not inside(_tokens(doc, t), aggregate)]


def resolve_pronoun_sources(frames: list[Frame], lexicon: Lexicon) -> None:
    """"It said 11 soldiers were wounded": a pronoun speaker (``PRONOUN_SPEAKER``) is the last named speaker
    before it; "the source confirmed the army's toll" (``CONFIRMS``) backs that speaker's figures."""
    def pronoun(text: str) -> bool:
        return lexicon.has("PRONOUN_SPEAKER", " ".join(text.lower().split()))

    last = None
    for frame in frames:
        for c in frame.casualties:
            if c.attribution and pronoun(c.attribution):
                c.attribution = last
                c.speaker_is_group = is_group_speaker(last, lexicon)
        if frame.confirms and frame.attributions:
            speaker = frame.attributions[0]
            frame.confirmed_by = last if pronoun(speaker) else speaker
            frame.confirmed_by_group = is_group_speaker(frame.confirmed_by, lexicon)
        named = [a for a in frame.attributions if not pronoun(a)]
        if named:
            last = named[-1]


__all__ = ["analyse_sentence", "fold", "governing_speaker", "resolve_pronoun_sources"]

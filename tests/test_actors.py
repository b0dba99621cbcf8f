"""The actor catalogue (``models/actors.json``): one test over the whole catalogue, not one item per alias."""

from __future__ import annotations

import json
from importlib import resources

from sahel_extract.normalise.actors import default_catalogue, resolve_actor
from sahel_extract.textnorm import fold

CATALOGUE = json.loads(resources.files("sahel_extract.models").joinpath("actors.json").read_text(encoding="utf-8"))
ALIASES = [(alias, actor["name"]) for actor in CATALOGUE["actors"]
           for alias in dict.fromkeys([actor["name"], actor["full_name"], *actor["aliases"]])]


def test_the_catalogue_is_consistent_and_every_alias_resolves_alone_and_in_a_sentence(blank_pipeline):
    kinds = {a["kind"] for a in CATALOGUE["actors"]}
    assert len(CATALOGUE["actors"]) >= 40
    assert kinds == {"jihadist", "state_forces", "militia", "separatist", "foreign_forces"}
    assert len({fold(a) for a, _ in ALIASES}) == len({(fold(a), n) for a, n in ALIASES}), "an alias names two actors"
    names = {a["name"] for a in CATALOGUE["actors"]}
    for actor in CATALOGUE["actors"]:  # provinces and areas point to real catalogue entries and countries
        assert set(actor.get("provinces", {}).get("by_country", {}).values()) <= names
        assert set(actor.get("areas", {})) <= set(actor["countries"])
    ruler = blank_pipeline.nlp.get_pipe("sahel_entity_ruler")
    wrong_alone, wrong_case, missed = [], [], []
    for alias, name in ALIASES:
        if resolve_actor(alias).name != name:
            wrong_alone.append(alias)
        if resolve_actor(alias.upper() if not alias.isupper() else alias.lower()).name != name:
            wrong_case.append(alias)
        doc = blank_pipeline.nlp.make_doc(f"Officials said {alias} carried out the raid.")
        if name not in {e.kb_id_ for e in ruler(doc).ents if e.label_ == "ARMED_GROUP"}:
            missed.append(alias)
    assert (wrong_alone, wrong_case, missed) == ([], [], [])


def test_generic_descriptions_are_unidentified_and_keep_suspected():
    catalogue = default_catalogue()
    named = [g for g in catalogue.generic if resolve_actor(g).name is not None or resolve_actor(g).kind !=
             "unidentified"]
    assert named == []
    assert resolve_actor("suspected jihadists").suspected and not resolve_actor("gunmen").suspected
    assert resolve_actor("présumés terroristes").suspected


def test_bare_state_forces_take_the_country_of_the_article():
    assert resolve_actor("the army", country="ML").name == "FAMa"
    assert resolve_actor("units of the army", country="BF").name == resolve_actor("the military", country="BF").name
    assert resolve_actor("the army").name is None  # no country: unidentified

"""The actor catalogue: every alias resolves to its actor, in isolation and inside a sentence."""

from __future__ import annotations

import json
from importlib import resources

import pytest

from sahel_extract.normalise.actors import resolve_actor
from sahel_extract.textnorm import fold

CATALOGUE = json.loads(resources.files("sahel_extract.models").joinpath("actors.json").read_text(encoding="utf-8"))
ALIASES = [(alias, actor["name"]) for actor in CATALOGUE["actors"]
           for alias in dict.fromkeys([actor["name"], actor["full_name"], *actor["aliases"]])]


def test_catalogue_size_and_kinds():
    kinds = {a["kind"] for a in CATALOGUE["actors"]}
    assert len(CATALOGUE["actors"]) >= 40
    assert kinds == {"jihadist", "state_forces", "militia", "separatist", "foreign_forces"}
    assert len({fold(a) for a, _ in ALIASES}) == len({(fold(a), n) for a, n in ALIASES}), "an alias names two actors"


@pytest.mark.parametrize("alias,name", ALIASES)
def test_every_alias_resolves(alias, name):
    assert resolve_actor(alias).name == name
    # case-, accent- and punctuation-insensitive
    assert resolve_actor(alias.upper() if not alias.isupper() else alias.lower()).name == name


@pytest.mark.parametrize("generic", CATALOGUE["generic"])
def test_generic_descriptions_are_unidentified(generic):
    actor = resolve_actor(generic)
    assert actor.name is None and actor.kind == "unidentified"


def test_every_alias_is_found_in_a_sentence(blank_pipeline):
    ruler = blank_pipeline.nlp.get_pipe("sahel_entity_ruler")
    missed = []
    for alias, name in ALIASES:
        doc = blank_pipeline.nlp.make_doc(f"Officials said {alias} carried out the raid.")
        found = {e.kb_id_ for e in ruler(doc).ents if e.label_ == "ARMED_GROUP"}
        if name not in found:
            missed.append(alias)
    assert not missed, missed

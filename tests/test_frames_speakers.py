"""Who gives a figure when a dateline opens the sentence: the parser may hang the dateline's town on the
reporting verb as a second subject ("BAMAKO - The Malian army said ..."); the town is never the speaker."""

import pytest


@pytest.mark.parametrize("text, speaker", [
    ("BAMAKO - The Malian army said on Sunday that air strikes near Aguelhok had killed 14 militants.", "army"),
    ("NIAMEY, Niger (AP) - Security sources said 12 soldiers were killed in an ambush near Tillaberi on Monday.",
     "source"),
    ("OUAGADOUGOU - A local official told reporters that gunmen killed seven herders near Djibo on Friday.",
     "official"),
])
def test_the_dateline_town_is_not_the_speaker(pipeline, text, speaker):
    records = pipeline.extract(text, published="2025-03-10")
    assert records
    said = [name.lower() for r in records for name in r.source.attributed_to]
    assert any(speaker in name for name in said), said
    assert not any(name.isupper() or name.lower() in ("bamako", "niamey", "ouagadougou") for name in said), said

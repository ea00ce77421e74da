"""Words and numbers for readers: a summary names a few files, then counts the rest."""

from __future__ import annotations

from profkarta.labels import some_of


def test_some_of_names_ten_then_counts_the_rest():
    names = [f"career_maps/c/m{i}.yaml" for i in range(200)]
    line = some_of(names)
    assert line.startswith("career_maps/c/m0.yaml, career_maps/c/m1.yaml") and line.endswith(" и ещё 190")
    assert "m10.yaml" not in line and "m9.yaml" in line
    assert some_of(names[:3]) == "career_maps/c/m0.yaml, career_maps/c/m1.yaml, career_maps/c/m2.yaml"

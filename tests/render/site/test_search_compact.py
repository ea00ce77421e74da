"""The search entries of maps: each word once, stop words and words common to many maps left out."""

from __future__ import annotations


def test_search_words_once_and_common_words_left_out_of_map_texts():
    from profkarta.render.site.search import _prune_common, words

    assert words("15.02.16", "Наладчик станков с ЧПУ", "Оператор станков с ЧПУ", skip="Технология — ДПК") == \
        "15.02.16 Наладчик станков ЧПУ Оператор"
    entries = [{"text": f"Специалист Сварщик{i}"} for i in range(60)]
    _prune_common(entries, 50)
    assert entries[7]["text"] == "Сварщик7"
    few = [{"text": "Специалист Сварщик"} for _ in range(10)]
    _prune_common(few, 50)
    assert few[0]["text"] == "Специалист Сварщик"

"""R3.1–R3.3: support measures of the college, the employer and the region."""

from __future__ import annotations

from profkarta.load.project import Entry
from profkarta.rules.context import Ctx, measure_items

GROUPS = (
    ("college", "R3.1", "как колледж поддерживает студента (портфолио, цифровой паспорт компетенций, "
                        "чемпионаты, работа в учебно-производственном комплексе)"),
    ("employer", "R3.2", "социальные проекты работодателя (адаптация молодых специалистов, поддержка "
                         "молодых семей, обучение за счёт работодателя)"),
    ("region", "R3.3", "региональные меры поддержки (выплаты молодым специалистам, целевое обучение)"),
)


def check_support(ctx: Ctx, entry: Entry) -> None:
    doc = entry.doc
    support = doc.get(("support",))
    if not isinstance(support, dict):
        return
    for key, rule, what in GROUPS:
        if key not in support:
            ctx.add(doc, ("support", key), rule, f"нет раздела support.{key}: {what}. Добавьте хотя бы одну меру.")
            continue
        value = support[key]
        if isinstance(value, list) and not measure_items(value):
            ctx.add(doc, ("support", key), rule, f"список support.{key} пуст: {what}. Добавьте хотя бы одну меру.")
        elif value is None:
            ctx.add(doc, ("support", key), rule, f"раздел support.{key} пуст: {what}. Добавьте хотя бы одну меру.")

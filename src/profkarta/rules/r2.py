"""R2.1–R2.4: the programme, the ladder's positions, activities and growth, and salaries."""

from __future__ import annotations

import re

from profkarta import refdata
from profkarta.load.project import Entry
from profkarta.rules.context import Ctx, as_date, text, text_or_items, whole_number

CODE = re.compile(r"^\d{2}\.0[12]\.\d{2}$")
KIND_RU = {"profession": "профессия", "specialty": "специальность"}
MIN_STAGES = 3


def check_program(ctx: Ctx, entry: Entry) -> None:
    doc = entry.doc
    prog = doc.get(("program",))
    if not isinstance(prog, dict):
        return
    code, kind, title = prog.get("code"), prog.get("kind"), prog.get("title")
    if isinstance(code, str) and not code.strip():
        ctx.add(doc, ("program", "code"), "R2.1", "код профессии или специальности не заполнен. Впишите код по "
                "перечню СПО в кавычках, например code: \"15.01.38\" (название и вид подставит "
                "profkarta new map КЛАСТЕР ID --code 15.01.38).")
    elif isinstance(code, str):
        if not CODE.match(code.strip()):
            ctx.add(doc, ("program", "code"), "R2.1", f"код «{code}» не похож на код по перечню СПО: нужен вид "
                    "NN.01.NN (профессия) или NN.02.NN (специальность), например \"15.02.16\" — в кавычках.")
        else:
            code = code.strip()
            expected = "profession" if code[3:5] == "01" else "specialty"
            if isinstance(kind, str) and kind in KIND_RU and kind != expected:
                ctx.add(doc, ("program", "kind"), "R2.1", f"код {code} — это {KIND_RU[expected]} "
                        f"(«.{code[3:5]}.»), а указано «{kind}» ({KIND_RU[kind]}). Напишите kind: {expected}.")
            known = refdata.spo_programs().get(code)
            if known is None:
                ctx.warn(doc, ("program", "code"), "R2.1", f"кода {code} нет в справочнике профессий и "
                         "специальностей (он неполный). Проверьте код по перечню СПО (приказ Минпросвещения № 336).")
            elif text(title) and _norm(title) != _norm(known.title):
                ctx.warn(doc, ("program", "title"), "R2.1", f"по перечню код {code} — «{known.title}», а "
                         f"записано «{title.strip()}». Проверьте код и название.")
    if "title" in prog and not text(title):
        ctx.add(doc, ("program", "title"), "R2.1", "название профессии или специальности пустое. Заполните его.")


def _norm(s: str) -> str:
    return " ".join(s.lower().replace("ё", "е").replace("«", "").replace("»", "").split())


def _stages(entry: Entry) -> list:
    ladder = entry.doc.get(("ladder",))
    return ladder if isinstance(ladder, list) else []


def check_ladder(ctx: Ctx, entry: Entry) -> None:
    """R2.2 and R2.3: at least three stages, each with positions and activities, growth between them."""
    doc = entry.doc
    ladder = doc.get(("ladder",))
    if not isinstance(ladder, list):
        return
    if len(ladder) < MIN_STAGES:
        ctx.add(doc, ("ladder",), "R2.2", f"ступеней в карьерной лестнице: {len(ladder)}, а нужно не меньше "
                f"{MIN_STAGES} (например: практикант, специалист, руководитель). Добавьте ступени.")
    last = len(ladder) - 1
    for i, stage in enumerate(ladder):
        name = _stage_name(stage, i)
        if not isinstance(stage, dict):
            ctx.add(doc, ("ladder", i), "R2.2", f"{name}: ожидаются поля title, positions, activities, growth, salary.")
            continue
        positions = stage.get("positions")
        if "positions" in stage and not (isinstance(positions, list) and any(text(p) for p in positions)):
            ctx.add(doc, ("ladder", i, "positions"), "R2.2", f"{name}: нет ни одной должности. Перечислите "
                    "должности, например [Оператор станков с ЧПУ].")
        if "activities" in stage and not text_or_items(stage.get("activities")):
            ctx.add(doc, ("ladder", i, "activities"), "R2.3", f"{name}: не описано, чем занимается работник. "
                    "Заполните activities.")
        if i < last and not text_or_items(stage.get("growth")):
            ctx.add(doc, ("ladder", i, "growth") if "growth" in stage else ("ladder", i), "R2.3",
                    f"{name}: не сказано, как перейти на следующую ступень (обучение, переход на "
                    "более оплачиваемую должность). Заполните growth.")


def _stage_name(stage, i: int) -> str:
    title = stage.get("title") if isinstance(stage, dict) else None
    return f"ступень {i + 1}" + (f" «{title.strip()}»" if text(title) else "")


def check_salaries(ctx: Ctx, entry: Entry) -> None:
    """R2.4: min ≤ avg ≤ max, whole roubles > 0; a min below the minimum wage and a falling average warn."""
    doc = entry.doc
    approved_on = as_date(doc.get(("approval", "date")))
    on = approved_on if approved_on and approved_on <= ctx.today else ctx.today
    wage = refdata.minimum_wage(on)
    prev_avg = None
    for i, stage in enumerate(_stages(entry)):
        if not isinstance(stage, dict) or not isinstance(stage.get("salary"), dict):
            continue
        name = _stage_name(stage, i)
        sal = stage["salary"]
        loc = ("ladder", i, "salary")
        values = {}
        for key in ("min", "avg", "max"):
            v = sal.get(key)
            if key not in sal:
                continue
            if not whole_number(v):
                ctx.add(doc, loc + (key,), "R2.4", f"{name}: зарплата «{v}» — нужно целое число рублей в месяц "
                        "без пробелов, точек и букв, например 45000.")
            elif v <= 0:
                ctx.add(doc, loc + (key,), "R2.4", f"{name}: зарплата должна быть больше нуля.")
            else:
                values[key] = v
        if len(values) < 3:
            continue
        lo, avg, hi = values["min"], values["avg"], values["max"]
        if not lo <= avg <= hi:
            bad = "min" if lo > avg else "max"
            ctx.add(doc, loc + (bad,), "R2.4", f"{name}: должно быть min ≤ avg ≤ max, а записано "
                    f"{lo} / {avg} / {hi}. Исправьте числа.")
        elif wage and lo < wage[0]:
            ctx.warn(doc, loc + ("min",), "R2.4", f"{name}: минимальная зарплата {lo} ₽ ниже МРОТ "
                     f"({wage[0]} ₽ с {wage[1]:%d.%m.%Y}). Проверьте сумму (для полной ставки она не может быть ниже).")
        if prev_avg is not None and avg < prev_avg:
            ctx.warn(doc, loc + ("avg",), "R2.4", f"{name}: средняя зарплата {avg} ₽ ниже, чем на предыдущей "
                     f"ступени ({prev_avg} ₽). На карьерной лестнице она обычно растёт — проверьте.")
        prev_avg = avg

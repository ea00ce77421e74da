"""R2.1–R2.4: the programme, the ladder's positions, activities and growth, and salaries."""

from __future__ import annotations

import re

from profkarta import refdata
from profkarta.labels import KIND_RU
from profkarta.load.project import Entry
from profkarta.load.yamlfile import loc_str
from profkarta.rules.context import Ctx, as_date, text, text_or_items, whole_number

CODE = re.compile(r"^\d{2}\.0[12]\.\d{2}$")
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
            struck = refdata.spo_struck().get(code)
            if known is None and struck is not None:
                ctx.warn(doc, ("program", "code"), "R2.1", f"код {code} исключён из перечня профессий и специальностей "
                         f"СПО: {struck.order}. Узнайте, какой код пришёл ему на смену, и исправьте program.code "
                         "и program.title.")
            elif known is None:
                ctx.warn(doc, ("program", "code"), "R2.1", f"кода {code} нет в справочнике профессий и "
                         "специальностей (он неполный). Проверьте код по перечню СПО (приказ Минпросвещения № 336).")
            elif isinstance(title, str) and text(title) and _norm(title) != _norm(known.title):
                ctx.warn(doc, ("program", "title"), "R2.1", f"по перечню код {code} — «{known.title}», а "
                         f"записано «{title.strip()}». Напишите официальное название: title: {known.title}")
    if "title" in prog and not text(title):
        ctx.add(doc, ("program", "title"), "R2.1", "название профессии или специальности пустое. Заполните его.")


_QUOTES = str.maketrans({c: " " for c in "«»\"'“”„‟‘’`"} | {"–": "-", "—": "-", "‑": "-"})


def _norm(s: str) -> str:
    """Case, «ё», quotes, dashes and spaces do not make a title different from the official one."""
    return " ".join(s.lower().replace("ё", "е").translate(_QUOTES).replace(" - ", "-").split())


def _stages(entry: Entry) -> list:
    ladder = entry.doc.get(("ladder",))
    return ladder if isinstance(ladder, list) else []


def tracks(entry: Entry) -> list[tuple[tuple, list, str, int | None]]:
    """The ladder and each branch: (location of its stages, stages, words naming it, ladder stage it leaves)."""
    out: list[tuple[tuple, list, str, int | None]] = [(("ladder",), _stages(entry), "", None)]
    branches = entry.doc.get(("branches",))
    for i, br in enumerate(branches if isinstance(branches, list) else []):
        if isinstance(br, dict) and isinstance(br.get("stages"), list):
            start = br.get("from")
            out.append((("branches", i, "stages"), br["stages"], branch_label(br, i) + ", ",
                        start if whole_number(start) else None))
    return out


def branch_label(br: dict, i: int) -> str:
    title = br.get("title")
    return f"ветка «{title.strip()}»" if text(title) else f"ветка {i + 1}"


def check_ladder(ctx: Ctx, entry: Entry) -> None:
    """R2.2 and R2.3: at least three stages, each with positions and activities, growth between them."""
    doc = entry.doc
    ladder = doc.get(("ladder",))
    if not isinstance(ladder, list):
        return
    if len(ladder) < MIN_STAGES:
        ctx.add(doc, ("ladder",), "R2.2", f"ступеней в карьерной лестнице: {len(ladder)}, а нужно не меньше "
                f"{MIN_STAGES} (например: практикант, специалист, руководитель). Добавьте ступени.")
    _check_stages(ctx, entry, ("ladder",), ladder, "")


def _check_stages(ctx: Ctx, entry: Entry, where: tuple, stages: list, prefix: str) -> None:
    doc = entry.doc
    last = len(stages) - 1
    for i, stage in enumerate(stages):
        name = prefix + _stage_name(stage, i)
        loc = (*where, i)
        if not isinstance(stage, dict):
            ctx.add(doc, loc, "R2.2", f"{name}: ожидаются поля title, positions, activities, growth, salary.")
            continue
        positions = stage.get("positions")
        if "positions" in stage and not (isinstance(positions, list) and any(text(p) for p in positions)):
            ctx.add(doc, (*loc, "positions"), "R2.2", f"{name}: нет ни одной должности. Перечислите "
                    "должности, например [Оператор станков с ЧПУ].")
        if "activities" in stage and not text_or_items(stage.get("activities")):
            ctx.add(doc, (*loc, "activities"), "R2.3", f"{name}: не описано, чем занимается работник. "
                    "Заполните activities.")
        if i < last and not text_or_items(stage.get("growth")):
            ctx.add(doc, (*loc, "growth") if "growth" in stage else loc, "R2.3",
                    f"{name}: не сказано, как перейти на следующую ступень (обучение, переход на "
                    "более оплачиваемую должность). Заполните growth.")


def check_branches(ctx: Ctx, entry: Entry) -> None:
    """R2.2 for branches: each leaves a real stage of the ladder, has a title and at least one stage."""
    doc = entry.doc
    branches = doc.get(("branches",))
    if not isinstance(branches, list):
        return
    ladder = doc.get(("ladder",))
    n = len(ladder) if isinstance(ladder, list) else None
    for i, br in enumerate(branches):
        if not isinstance(br, dict):
            ctx.add(doc, ("branches", i), "R2.2", f"ветка {i + 1}: ожидаются поля from (после какой ступени), "
                    "title и stages.")
            continue
        label = branch_label(br, i)
        start = br.get("from")
        if "from" in br and not whole_number(start):
            ctx.add(doc, ("branches", i, "from"), "R2.2", f"{label}: from: «{start}» — нужен номер ступени "
                    "основной лестницы (целое число, считая с 1), после которой начинается ветка.")
        elif isinstance(start, int) and n is not None and not 1 <= start <= n:
            ctx.add(doc, ("branches", i, "from"), "R2.2", f"{label}: from: {start} — такой ступени нет, в лестнице "
                    f"{n} {_stages_word(n)}. Укажите номер от 1 до {n}: после какой ступени начинается ветка.")
        if "title" in br and not text(br.get("title")):
            ctx.add(doc, ("branches", i, "title"), "R2.2", f"{label}: название ветки пустое. Напишите его, "
                    "например «Экспертная траектория».")
        stages = br.get("stages")
        if isinstance(stages, list):
            if not stages:
                ctx.add(doc, ("branches", i, "stages"), "R2.2", f"{label}: в ветке нет ни одной ступени. "
                        "Добавьте ступени с должностями, как в ladder.")
            _check_stages(ctx, entry, ("branches", i, "stages"), stages, label + ", ")


def _stages_word(n: int) -> str:
    if n % 10 == 1 and n % 100 != 11:
        return "ступень"
    return "ступени" if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14 else "ступеней"


def _stage_name(stage, i: int) -> str:
    title = stage.get("title") if isinstance(stage, dict) else None
    return f"ступень {i + 1}" + (f" «{title.strip()}»" if text(title) else "")


def check_salaries(ctx: Ctx, entry: Entry) -> None:
    """R2.4: min ≤ avg ≤ max, whole roubles > 0; a min below the minimum wage and a falling average warn."""
    doc = entry.doc
    approved_on = as_date(doc.get(("approval", "date")))
    on = approved_on if approved_on and approved_on <= ctx.today else ctx.today
    wage = refdata.minimum_wage(on)
    ladder_avgs: dict[int, int] = {}
    for where, stages, prefix, start in tracks(entry):
        # a branch's first stage is compared with the ladder stage it leaves
        prev_avg = ladder_avgs.get(start) if start is not None else None
        for i, stage in enumerate(stages):
            avg = _check_salary(ctx, entry, (*where, i), prefix + _stage_name(stage, i), stage, wage, prev_avg)
            if where == ("ladder",) and avg is not None:
                ladder_avgs[i + 1] = avg
            prev_avg = avg if avg is not None else prev_avg


def _check_salary(ctx: Ctx, entry: Entry, at: tuple, name: str, stage, wage, prev_avg: int | None) -> int | None:
    """One stage's salary; its average when the three numbers are sound."""
    doc = entry.doc
    if not isinstance(stage, dict) or not isinstance(stage.get("salary"), dict):
        return None
    sal = stage["salary"]
    loc = (*at, "salary")
    values = {}
    for key in ("min", "avg", "max"):
        v = sal.get(key)
        if key not in sal:
            continue
        if not whole_number(v):
            ctx.add(doc, (*loc, key), "R2.4", f"{name}: зарплата «{v}» — нужно целое число рублей в месяц "
                    "без пробелов, точек и букв, например 45000.")
        elif v <= 0:
            ctx.add(doc, (*loc, key), "R2.4", f"{name}: зарплата должна быть больше нуля.")
        else:
            values[key] = v
    if len(values) < 3:
        return None
    lo, avg, hi = values["min"], values["avg"], values["max"]
    if not lo <= avg <= hi:
        bad = "min" if lo > avg else "max"
        ctx.add(doc, (*loc, bad), "R2.4", f"{name}: должно быть min ≤ avg ≤ max, а записано "
                f"{lo} / {avg} / {hi}. Исправьте числа.")
    elif wage and lo < wage[0]:
        ctx.warn(doc, (*loc, "min"), "R2.4", f"{name}: минимальная зарплата {lo} ₽ ниже МРОТ "
                 f"({wage[0]} ₽ с {wage[1]:%d.%m.%Y}). Проверьте сумму (для полной ставки она не может быть ниже).")
    if prev_avg is not None and avg < prev_avg:
        ctx.warn(doc, (*loc, "avg"), "R2.4", f"{name}: средняя зарплата {avg} ₽ ниже, чем на предыдущей "
                 f"ступени ({prev_avg} ₽). На карьерной лестнице она обычно растёт — проверьте.")
    return avg


YEARS_MIN, YEARS_MAX = -6, 50  # from six years before graduation (9th-grade entry) to a working life


def check_timeframes(ctx: Ctx, entry: Entry) -> None:
    """R2.5: every stage says when one reaches it (`when`, or `years` from graduation); `years` are sane."""
    doc = entry.doc
    for where, stages, prefix, _start in tracks(entry):
        prev: float | None = None
        for i, stage in enumerate(stages):
            if not isinstance(stage, dict):
                continue
            name = prefix + _stage_name(stage, i)
            loc = (*where, i)
            if not text(stage.get("when")) and "years" not in stage:
                ctx.warn(doc, (*loc, "when") if "when" in stage else loc, "R2.5", f"{name}: не сказано, когда "
                         "до неё доходят. Добавьте when (например «3–4 курс» или «2–5 лет после выпуска») "
                         "или years: [2, 5] — годы после выпуска.")
            if "years" in stage:
                start = _check_years(ctx, doc, (*loc, "years"), name, stage["years"])
                if start is not None and prev is not None and start < prev:
                    ctx.warn(doc, (*loc, "years"), "R2.5", f"{name}: начинается раньше предыдущей ступени "
                             f"({_num(start)} < {_num(prev)} лет после выпуска). Проверьте years.")
                prev = start if start is not None else prev


def _number(v) -> bool:
    return isinstance(v, (int, float)) and not isinstance(v, bool)


def _num(v: float) -> str:
    return str(int(v)) if float(v).is_integer() else str(v).replace(".", ",")


def _check_years(ctx: Ctx, doc, loc: tuple, name: str, years) -> float | None:
    """years: [from, to] — years after graduation; `to` may be null (and later). The start when sound."""
    how = ("Пишите два числа — годы после выпуска: years: [2, 5]; последний курс — [-1, 0]; "
           "«от 10 лет» — [10, null].")
    if not isinstance(years, list) or len(years) != 2 or not _number(years[0]) \
            or not (years[1] is None or _number(years[1])):
        if not (isinstance(years, list) and any(ctx.report.blamed(doc.rel, loc_str((*loc, k)))
                                                for k in range(len(years)))):  # the shape check named the item
            shown = ", ".join("null" if v is None else str(v) for v in years) if isinstance(years, list) else years
            ctx.add(doc, loc, "R2.5", f"{name}: years записано неверно ([{shown}]). {how}")
        return None
    lo, hi = years
    bad = [v for v in (lo, hi) if v is not None and not YEARS_MIN <= v <= YEARS_MAX]
    if bad:
        ctx.add(doc, loc, "R2.5", f"{name}: years: {_num(bad[0])} — вне разумных пределов (от {YEARS_MIN} до "
                f"{YEARS_MAX} лет после выпуска). {how}")
        return None
    if hi is not None and lo > hi:
        ctx.add(doc, loc, "R2.5", f"{name}: years: [{_num(lo)}, {_num(hi)}] — начало позже конца. "
                "Поменяйте числа местами.")
        return None
    return lo

"""A1 approval, U1 one map per programme and college, C1 kind and industry, K1 a map for every programme."""

from __future__ import annotations

import difflib
from collections import defaultdict

from profkarta import refdata
from profkarta.load.project import Entry
from profkarta.rules.context import Ctx, as_date, text

KIND_RU = {"opc": "ОПЦ(К)", "education": "образовательный кластер"}


def check_approval(ctx: Ctx, entry: Entry) -> None:
    """A1: an approved map records the protocol number and a date that is not in the future."""
    doc = entry.doc
    if doc.get(("status",)) != "approved":
        return
    approval = doc.get(("approval",))
    if not isinstance(approval, dict):
        if approval is None:
            ctx.add(doc, ("approval",) if "approval" in doc.data else ("status",), "A1",
                    "карта отмечена как утверждённая (status: approved), но нет данных об утверждении. "
                    "Добавьте approval: protocol (номер протокола) и date (дата), или поставьте status: draft.")
        return
    if not text(str(approval["protocol"]) if approval.get("protocol") is not None else None):
        ctx.add(doc, ("approval", "protocol"), "A1", "не указан номер протокола регионального наблюдательного "
                "совета. Добавьте approval.protocol.")
    raw = approval.get("date")
    if raw is None:
        ctx.add(doc, ("approval", "date"), "A1", "не указана дата протокола. Добавьте approval.date в виде ГГГГ-ММ-ДД.")
        return
    date = as_date(raw)
    if date is None:
        ctx.add(doc, ("approval", "date"), "A1", f"«{raw}» — не дата. Напишите дату в виде ГГГГ-ММ-ДД, "
                "например 2026-06-15.")
    elif date > ctx.today:
        ctx.add(doc, ("approval", "date"), "A1", f"дата утверждения {date:%d.%m.%Y} ещё не наступила. "
                "Проверьте дату или оставьте карту в статусе draft до заседания совета.")


def check_unique(ctx: Ctx, maps: list[Entry]) -> None:
    """U1: within a cluster, one map per college and programme code; the newer file (by time saved) is blamed."""
    seen: dict[tuple, Entry] = {}
    for entry in sorted(maps, key=_age):
        code = entry.doc.get(("program", "code"))
        college = entry.doc.get(("college",))
        if not isinstance(code, str) or not code.strip() or not isinstance(college, str):
            continue  # an unfilled code is R2.1's to report, not a collision
        key = (entry.cluster_id, college, code.strip())
        if key in seen:
            first = seen[key]
            ctx.add(entry.doc, ("program", "code"), "U1", f"для колледжа «{college}» уже есть карта с кодом "
                    f"{code.strip()}: {first.doc.rel}, а это вторая — {entry.doc.rel}. Оставьте одну карту на "
                    "профессию в колледже: исправьте код в новой карте или удалите лишний файл.")
        else:
            seen[key] = entry


def _age(entry: Entry) -> tuple:
    """Older files first: the map that was there before is the one kept; the name breaks ties."""
    try:
        mtime = entry.doc.path.stat().st_mtime_ns
    except OSError:
        mtime = 0
    return (mtime, entry.doc.rel)


def check_cluster_kind(ctx: Ctx, entry: Entry) -> None:
    """C1: the cluster's kind serves its industry (the table is data: refdata)."""
    doc = entry.doc
    kind, industry = doc.get(("kind",)), doc.get(("industry",))
    if not isinstance(industry, str) or not industry.strip():
        if "industry" in (doc.data or {}):
            ctx.add(doc, ("industry",), "C1", "отрасль не указана. Напишите отрасль кластера, например «машиностроение».")
        return
    kinds = refdata.industry_kinds(industry)
    if kinds is None:
        guess = difflib.get_close_matches(industry.lower(), refdata.industry_names(), n=1, cutoff=0.5)
        hint = f" Возможно, «{guess[0]}»?" if guess else ""
        ctx.add(doc, ("industry",), "C1", f"отрасли «{industry}» нет в перечне отраслей «Профессионалитета».{hint} "
                "Напишите отрасль так, как в перечне.")
        return
    if isinstance(kind, str) and kind in KIND_RU and kind not in kinds:
        right = next(iter(kinds))
        ctx.add(doc, ("kind",), "C1", f"отрасль «{industry}» обслуживает {KIND_RU[right]} (kind: {right}), "
                f"а указано kind: {kind}. Исправьте вид кластера или отрасль.")


def check_coverage(ctx: Ctx, clusters: dict[str, Entry], maps: list[Entry]) -> None:
    """K1: every programme a college lists has an approved map (a warning naming the code)."""
    status: dict[tuple, set] = defaultdict(set)
    for m in maps:
        code, college = m.doc.get(("program", "code")), m.doc.get(("college",))
        if isinstance(code, str) and isinstance(college, str):
            status[(m.cluster_id, college, code.strip())].add(str(m.doc.get(("status",))))
    for cid, cluster in clusters.items():
        colleges = cluster.doc.get(("colleges",))
        if not isinstance(colleges, list):
            continue
        for i, col in enumerate(colleges):
            if not isinstance(col, dict) or not isinstance(col.get("programs"), list):
                continue
            for j, code in enumerate(col["programs"]):
                code_s = str(code).strip()
                if not isinstance(code, str):
                    ctx.add(cluster.doc, ("colleges", i, "programs", j), "K1", f"код «{code}» нужно взять в кавычки, "
                            "например \"15.02.16\".")
                    continue
                states = status.get((cid, str(col.get("id")), code_s), set())
                if "approved" in states:
                    continue
                why = "есть только проект (draft)" if states else "карты нет"
                ctx.warn(cluster.doc, ("colleges", i, "programs", j), "K1", f"колледж «{col.get('id')}» обучает по "
                         f"коду {code_s}, но утверждённой карты нет ({why}). Создайте карту: "
                         f"profkarta new map {cid} ИМЯ-КАРТЫ.")

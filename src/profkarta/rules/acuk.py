"""A1 approval, U1 one map per programme and college, C1 kind and industry, K1 a map for every programme."""

from __future__ import annotations

import difflib
from collections import defaultdict
from functools import lru_cache

from profkarta import refdata
from profkarta.labels import CLUSTER_KIND_SHORT
from profkarta.load.project import Entry
from profkarta.refdata import naming
from profkarta.rules.context import Ctx, as_date, text

# The same council is named in most maps of a region: read each wording once (pure functions of the text).
_names_council = lru_cache(maxsize=4096)(naming.names_council)
_regions_named = lru_cache(maxsize=4096)(naming.regions_named)


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
    check_body(ctx, entry, approval.get("body"))
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


def check_body(ctx: Ctx, entry: Entry, body: object) -> None:
    """A1: an approved map names who approved it: the regional supervisory council of the cluster's region."""
    doc = entry.doc
    cluster = ctx.project.clusters.get(entry.cluster_id or "")
    raw_region = cluster.doc.get(("region",)) if cluster is not None and isinstance(cluster.doc.data, dict) else None
    region = refdata.find_region(raw_region) if isinstance(raw_region, str) else None
    example = "Региональный наблюдательный совет" + (f" {naming.genitive(region.name)}" if region else "")
    if not text(body):
        if body is None or isinstance(body, str):
            ctx.add(doc, ("approval", "body") if "body" in doc.get(("approval",)) else ("approval",), "A1",
                    f"не указано, кто утвердил карту. Добавьте approval.body: {example}.")
        return
    if not isinstance(body, str):
        return
    if not _names_council(body):
        ctx.warn(doc, ("approval", "body"), "A1", f"«{body}» — не региональный наблюдательный совет, а карты "
                 f"утверждает он. Проверьте, кто утвердил карту, и напишите, например: «{example}».")
    named = _regions_named(body)
    if region is not None and named and region not in named:
        ctx.warn(doc, ("approval", "body"), "A1", f"в «{body}» назван другой регион ({named[0].name}), а кластер — "
                 f"из региона «{region.name}». Карту утверждает совет своего региона: «{example}».")


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
            ctx.add(doc, ("industry",), "C1",
                    "отрасль не указана. Напишите отрасль кластера, например «машиностроение».")
        return
    kinds = refdata.industry_kinds(industry)
    if kinds is None:
        guess = difflib.get_close_matches(industry.lower(), refdata.industry_names(), n=1, cutoff=0.5)
        hint = f" Возможно, «{guess[0]}»?" if guess else ""
        ctx.add(doc, ("industry",), "C1", f"отрасли «{industry}» нет в перечне отраслей «Профессионалитета».{hint} "
                "Напишите отрасль так, как в перечне.")
        return
    if isinstance(kind, str) and kind in CLUSTER_KIND_SHORT and kind not in kinds:
        right = next(iter(kinds))
        ctx.add(doc, ("kind",), "C1", f"отрасль «{industry}» обслуживает {CLUSTER_KIND_SHORT[right]} (kind: {right}), "
                f"а указано kind: {kind}. Исправьте вид кластера или отрасль.")


def check_coverage(ctx: Ctx, clusters: dict[str, Entry], maps: list[Entry]) -> None:
    """K1 both ways: every listed code has an approved map; every approved map's code is listed by its college."""
    by_key: dict[tuple, list[Entry]] = defaultdict(list)
    for m in maps:
        code, college = m.doc.get(("program", "code")), m.doc.get(("college",))
        if isinstance(code, str) and isinstance(college, str):
            by_key[(m.cluster_id, college, code.strip())].append(m)
    listed: dict[tuple, bool] = {}  # (cluster, college) → does the college keep a list at all
    for cid, cluster in clusters.items():
        colleges = cluster.doc.get(("colleges",))
        for i, col in enumerate(colleges if isinstance(colleges, list) else []):
            if not isinstance(col, dict):
                continue
            codes = col.get("programs")
            if codes is not None and not isinstance(codes, list):
                continue  # the shape check reports it
            listed[(cid, str(col.get("id")))] = bool(codes)
            if not codes:
                _empty_list(ctx, cluster, i, col, by_key)
            for j, code in enumerate(codes or []):
                if not isinstance(code, str):
                    ctx.add(cluster.doc, ("colleges", i, "programs", j), "K1", f"код «{code}» нужно взять в кавычки, "
                            "например \"15.02.16\".")
                    continue
                key = (cid, str(col.get("id")), code.strip())
                _listed_code(ctx, cluster, (i, j), key[1], key[2], by_key.get(key, []))
    for (cid, college, code), entries in sorted(by_key.items()):
        codes = _codes(clusters.get(cid), college)
        if not listed.get((cid, college)) or code in codes:
            continue
        for m in entries:
            if m.doc.get(("status",)) == "approved":
                ctx.warn(m.doc, ("program", "code"), "K1", f"колледж «{college}» не указал код {code} в своём "
                         f"перечне (programs в cluster.yaml, сейчас: {', '.join(codes)}). Если колледж учит по "
                         "этому коду — добавьте его в programs; если нет — проверьте код и колледж карты.")


def _codes(cluster: Entry | None, college: str) -> list[str]:
    cols = cluster.doc.get(("colleges",)) if cluster is not None else None
    for col in cols if isinstance(cols, list) else []:
        if isinstance(col, dict) and str(col.get("id")) == college and isinstance(col.get("programs"), list):
            return [c.strip() for c in col["programs"] if isinstance(c, str)]
    return []


def _listed_code(ctx: Ctx, cluster: Entry, at: tuple[int, int], college: str, code: str, entries: list[Entry]) -> None:
    """A listed code: fine with an approved map; a draft is to be approved; nothing is to be written."""
    if any(m.doc.get(("status",)) == "approved" for m in entries):
        return
    loc = ("colleges", at[0], "programs", at[1])
    cid = cluster.id
    if entries:
        files = ", ".join(m.doc.rel for m in entries)
        ctx.warn(cluster.doc, loc, "K1", f"колледж «{college}» обучает по коду {code}, а карта на него — только "
                 f"проект ({files}). Утвердите её на заседании регионального наблюдательного совета и запишите в "
                 "карте status: approved и approval: body, protocol, date. Документ к заседанию: "
                 f"profkarta packet --cluster {cid}.")
    else:
        ctx.warn(cluster.doc, loc, "K1", f"колледж «{college}» обучает по коду {code}, но карты на этот код нет. "
                 f"Создайте её (profkarta new map {cid} ИМЯ-КАРТЫ) и утвердите на заседании регионального "
                 "наблюдательного совета.")


def _empty_list(ctx: Ctx, cluster: Entry, i: int, col: dict, by_key: dict[tuple, list[Entry]]) -> None:
    """An empty list switches K1 off for a college: a choice while it has drafts only, an accident once approved."""
    college = str(col.get("id"))
    approved = sorted({code for (cid, c, code), es in by_key.items() if cid == cluster.id and c == college
                       and any(m.doc.get(("status",)) == "approved" for m in es)})
    if not approved:
        return
    loc = ("colleges", i, "programs") if "programs" in col else ("colleges", i, "id")
    listing = ", ".join(f'"{c}"' for c in approved)
    ctx.warn(cluster.doc, loc, "K1", f"у колледжа «{college}» пустой перечень programs, поэтому нельзя проверить, "
             "на все ли его профессии и специальности есть утверждённые карты. Впишите коды, по которым колледж "
             f"учит в кластере, — не меньше тех, на которые уже утверждены карты: programs: [{listing}].")

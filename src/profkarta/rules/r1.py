"""R1.1–R1.4: logos and names of the brand, industry, college and employers; geography and contacts."""

from __future__ import annotations

import difflib

from profkarta import refdata
from profkarta.load.images import ImageProblem, check_image, resolve_inside
from profkarta.findings import ERROR, WARNING, Finding
from profkarta.load.project import ID_RE, Entry
from profkarta.rules.context import Ctx, as_list, check_contacts, text


def check_brand(ctx: Ctx) -> None:
    """R1.1: the «Профессионалитет» logo configured in mkdocs.yml (extra.brand.logo) is a real image."""
    cfg = ctx.project.config
    if cfg.path is None or config_unread(ctx):
        return
    if cfg.brand_logo is None:
        ctx.report.add(Finding("mkdocs.yml", _line_of(cfg.path, "extra:"), 1, WARNING, "R1.1", "extra.brand.logo",
                               "логотип «Профессионалитета» не задан: на сайте и листовках будет заглушка. "
                               + OFFICIAL_LOGO_HELP))
        return
    try:
        path = resolve_inside(cfg.brand_logo, ctx.project.root, ctx.project.root)
        check_image(path)
    except (ImageProblem, OSError) as exc:
        ctx.report.add(Finding("mkdocs.yml", _line_of(cfg.path, "logo:"), 1, ERROR, "R1.1", "extra.brand.logo",
                               f"логотип «Профессионалитета»: {exc}"))
        return
    if is_placeholder_logo(path):
        ctx.report.add(Finding("mkdocs.yml", _line_of(cfg.path, "logo:"), 1, WARNING, "R1.1", "extra.brand.logo",
                               f"логотип «Профессионалитета» «{cfg.brand_logo}» — заглушка из заготовки. "
                               + OFFICIAL_LOGO_HELP))


OFFICIAL_LOGO_HELP = ("Положите официальный логотип (файл SVG или PNG, его выдаёт оператор проекта) в папку "
                      "theme/brand/, например theme/brand/professionalitet.svg, и впишите этот путь в mkdocs.yml: "
                      "extra → brand → logo.")


def is_placeholder_logo(path) -> bool:
    """The starter project's placeholder, by name or by its text («Заглушка…»), however it was renamed."""
    if "placeholder" in path.name.lower() or "zaglushka" in path.name.lower():
        return True
    if path.suffix.lower() != ".svg":
        return False
    try:
        head = path.read_bytes()[:4096].decode("utf-8", "replace").lower()
    except OSError:
        return False
    return "заглушка" in head


def config_unread(ctx: Ctx) -> bool:
    """mkdocs.yml could not be read (its own finding says why): nothing more to say about its values."""
    return any(f.file == "mkdocs.yml" for f in ctx.project.load_findings)


def _line_of(path, needle: str) -> int:
    """mkdocs.yml is read by its own tolerant loader without positions: find the key's line by text."""
    try:
        for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if needle in line:
                return i
    except (OSError, UnicodeDecodeError):
        pass
    return 1


def check_cluster(ctx: Ctx, entry: Entry) -> None:
    doc = entry.doc
    data = doc.data if isinstance(doc.data, dict) else {}
    ctx.image(entry, ("industry_logo",), "R1.1", "логотип отрасли")
    region = data.get("region")
    if region is not None and isinstance(region, str) and not refdata.find_region(region):
        guess = difflib.get_close_matches(region, refdata.region_names(), n=1, cutoff=0.5)
        hint = f" Возможно, «{guess[0]}»?" if guess else ""
        ctx.add(doc, ("region",), "R1.4", f"«{region}» — не субъект Российской Федерации.{hint} "
                "Напишите название субъекта, например «Свердловская область».")
    check_contacts(ctx, doc, ())
    check_contacts(ctx, doc, ("contacts",))
    contacts: dict = data["contacts"] if isinstance(data.get("contacts"), dict) else {}
    colleges = data.get("colleges")
    if isinstance(colleges, list):
        if not colleges:
            ctx.add(doc, ("colleges",), "R1.2", "в кластере нет ни одного колледжа. Добавьте колледж с name и logo.")
        ids: dict[str, int] = {}
        for i, col in enumerate(colleges):
            if not isinstance(col, dict):
                continue
            _dup_id(ctx, entry, ("colleges", i), col, ids, "колледжа")
            if "logo" in col:
                ctx.image(entry, ("colleges", i, "logo"), "R1.2", "логотип колледжа")
            check_contacts(ctx, doc, ("colleges", i))
            if not text(col.get("address")) and not text(contacts.get("address")):
                ctx.add(doc, ("colleges", i, "address"), "R1.4", f"{_who(col, i)}не указан адрес колледжа (и нет "
                        "contacts.address кластера). Добавьте адрес с индексом.")
            if not any(text(col.get(k)) or text(contacts.get(k)) for k in ("phone", "email")):
                ctx.add(doc, ("colleges", i, "phone"), "R1.4", f"{_who(col, i)}у колледжа нет ни телефона, ни почты "
                        "(и их нет в contacts кластера). Добавьте phone или email.")
    employers = data.get("employers")
    if isinstance(employers, list):
        if not employers:
            ctx.add(doc, ("employers",), "R1.3",
                    "в кластере нет ни одного работодателя. Добавьте работодателя с name и logo.")
        ids = {}
        for i, emp in enumerate(employers):
            if not isinstance(emp, dict):
                continue
            _dup_id(ctx, entry, ("employers", i), emp, ids, "работодателя")
            if "logo" in emp:
                ctx.image(entry, ("employers", i, "logo"), "R1.3", "логотип работодателя")
            check_contacts(ctx, doc, ("employers", i), "R1.3")
            for key, what, example in (("city", "город", "Екатеринбург"), ("address", "адрес", "ул. Заводская, д. 5")):
                if key in emp and not text(emp.get(key)):
                    ctx.add(doc, ("employers", i, key), "R1.4", f"у работодателя {what} пустой. Напишите "
                            f"{what} (например, {key}: {example}) или удалите строку.")


def _who(college: dict, i: int) -> str:
    ident = college.get("id")
    return f"колледж {i + 1}" + (f" «{ident}»" if isinstance(ident, str) else "") + ": "


def _dup_id(ctx: Ctx, entry: Entry, loc: tuple, item: dict, ids: dict, what: str) -> None:
    ident = item.get("id")
    if not isinstance(ident, str) or not isinstance(loc[0], str):
        return
    rule = "R1.2" if loc[0] == "colleges" else "R1.3"
    if not ID_RE.match(ident):
        ctx.add(entry.doc, (*loc, "id"), rule, f"id {what} «{ident}» должен состоять из строчных латинских "
                "букв, цифр и дефисов, например «dpk».")
    elif ident in ids:
        first = entry.doc.pos(ids[ident] + ("id",))[0]  # positions are worked out only when needed
        ctx.add(entry.doc, (*loc, "id"), rule, f"id {what} «{ident}» уже занят (строка {first}). "
                "Дайте каждому свой id.")
    else:
        ids[ident] = loc


def check_map(ctx: Ctx, entry: Entry, cluster: Entry | None) -> None:
    """R1.2 and R1.3 across files: the map's college and employers exist in its cluster."""
    doc = entry.doc
    cdata = cluster.doc.data if cluster and isinstance(cluster.doc.data, dict) else None
    college = doc.get(("college",))
    if isinstance(college, str) and cdata is not None:
        known = [c.get("id") for c in as_list(cdata.get("colleges")) if isinstance(c, dict)]
        if college not in known:
            ctx.add(doc, ("college",), "R1.2", f"колледж «{college}» не описан в cluster.yaml кластера "
                    f"«{entry.cluster_id}»{_choices(college, known)}. Добавьте его в colleges или исправьте id.")
    employers = doc.get(("employers",))
    if isinstance(employers, list):
        if not employers:
            ctx.add(doc, ("employers",), "R1.3", "не указан ни один работодатель. Перечислите id работодателей "
                    "из cluster.yaml, например [sever-stanok].")
        if cdata is not None:
            known = [e.get("id") for e in as_list(cdata.get("employers")) if isinstance(e, dict)]
            for i, emp in enumerate(employers):
                if isinstance(emp, str) and emp not in known:
                    ctx.add(doc, ("employers", i), "R1.3", f"работодатель «{emp}» не описан в cluster.yaml"
                            f"{_choices(emp, known)}. Добавьте его в employers кластера или исправьте id.")


def _choices(value: str, known: list) -> str:
    known = [k for k in known if isinstance(k, str)]
    guess = difflib.get_close_matches(value, known, n=1, cutoff=0.5)
    if guess:
        return f" (возможно, «{guess[0]}»?)"
    return f" (есть: {', '.join(known)})" if known else ""

"""What the print templates see: a map, its cluster and college, turned into Russian print text."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from profkarta import phones, shortlinks, urls
from profkarta.cache import Cache
from profkarta.labels import NNBSP, as_lines, kind_title, thousands
from profkarta.load.images import ImageProblem, check_image, resolve_inside
from profkarta.load.project import Entry, Project
from profkarta.measure import PrintText
from profkarta.model.careermap import CareerMap, SupportItem
from profkarta.model.cluster import Cluster, College
from profkarta.render.images import PRINT_SIDE, is_raster, normalized_file
from profkarta.render.print.qr import A4_SYMBOL_MM, image_mm, short_address
from profkarta.render.print.fetcher import image_url
from profkarta.stages import BRANCH_COLUMNS, branch_text, years_text

THEME = Path(__file__).resolve().parents[2] / "theme" / "print"
PLACEHOLDER = THEME / "brand-placeholder.svg"


@dataclass
class Logos:
    """Resolved image files (absolute paths) and the warnings about those that were refused."""

    project: Project
    warnings: list[str] = field(default_factory=list)
    normalized: Cache | None = None  # where raster logos are normalised for print (an allowed folder)
    # a cluster's logos serve every map of it: each file is resolved and checked once per build
    _seen: dict[tuple[str, Path, str], Path | None] = field(default_factory=dict)

    def brand(self) -> Path:
        ref = self.project.config.brand_logo
        if not ref:
            return PLACEHOLDER
        return self.resolve(ref, self.project.root, "логотип «Профессионалитета»") or PLACEHOLDER

    def resolve(self, ref: str | None, base: Path, what: str) -> Path | None:
        if not ref:
            return None
        key = (ref, base, what)
        if key not in self._seen:
            self._seen[key] = self._resolve(ref, base, what)
        return self._seen[key]

    def _resolve(self, ref: str, base: Path, what: str) -> Path | None:
        try:
            path = resolve_inside(ref, base, self.project.root)
            check_image(path)
            if self.normalized is not None and is_raster(path):
                # upright, no metadata, at most 1200 px: a 6000 px photo must not bloat every PDF
                path = normalized_file(path, PRINT_SIDE, self.normalized)
        except ImageProblem as exc:
            self.warnings.append(f"печать: {what} пропущен: {exc}")
            return None
        return path


def money(n: int) -> str:
    """28000 → «28 000» with a narrow no-break space (print sets «₽» in the template)."""
    return thousands(n, NNBSP)


def ru_date(d) -> str:
    return d.strftime("%d.%m.%Y")


def support_items(items: list[str | SupportItem]) -> list[dict]:
    return [{"title": i, "text": None} if isinstance(i, str) else {"title": i.title, "text": i.description}
            for i in items]


def find_college(cluster: Cluster, college_id: str) -> College | None:
    return next((c for c in cluster.colleges if c.id == college_id), None)


def approval_text(m: CareerMap) -> str:
    if m.status != "approved" or m.approval is None:
        return "Проект: карта ещё не утверждена региональным наблюдательным советом"
    body = m.approval.body or "региональный наблюдательный совет"
    return f"Утверждено: протокол № {m.approval.protocol} от {ru_date(m.approval.date)}, {body}"


def employer_place(e) -> str | None:
    """Where the employer is: the city (the street address stays on the site page: the strip is narrow)."""
    return e.city or e.address


def author_of(cluster: Cluster, college: College | None) -> str:
    return cluster.managing_council or (college.name if college else cluster.name)


def contacts_of(cluster: Cluster, college: College | None) -> dict:
    """Region plus the contacts an applicant needs: the college's own first, the cluster's otherwise."""
    src = [c for c in (college, cluster.contacts) if c is not None]
    pick = {k: next((getattr(c, k) for c in src if getattr(c, k, None)), None)
            for k in ("address", "phone", "email", "website")}
    if college is None or not college.website:
        pick["website"] = pick["website"] or cluster.website
    pick["phone"] = phones.display(pick["phone"])
    pick["region"] = cluster.region
    return pick


def map_context(entry: Entry, project: Project, site_url: str, logos: Logos) -> dict:
    """Everything map.html.j2 needs for one map."""
    m: CareerMap = entry.model
    cl_entry = project.clusters[entry.cluster_id]
    cluster: Cluster = cl_entry.model
    cdir = cl_entry.folder
    college = find_college(cluster, m.college)
    by_id = {e.id: e for e in cluster.employers}
    employers = [{"name": by_id[e].name, "place": employer_place(by_id[e]),
                  "logo": image_url(logos.resolve(by_id[e].logo, cdir, f"логотип «{by_id[e].name}»"))}
                 for e in m.employers if e in by_id]
    rel_page = urls.map_page(entry.cluster_id, entry.id)
    page = urls.absolute(site_url, rel_page)
    # one layout, three products: the QR box is left empty and each product's code is stamped in (stamp.py)
    qr_urls = {medium: shortlinks.qr_url(site_url, rel_page, medium) for medium in ("a4", "a3", "booklet")}
    qr_url = qr_urls["a4"]
    stages = [_stage(s, str(i + 1), f"Ступень {i + 1}") for i, s in enumerate(m.ladder)]
    college_name = college.name if college else m.college
    return {
        "lang": "ru",
        "meta_title": f"Карьерная карта: {m.program.title} ({m.program.code}) — "
                      f"{college.short_name or college.name if college else m.college}",
        "author": author_of(cluster, college),
        "draft": m.status != "approved",
        "brand_logo": image_url(logos.brand()),
        "industry": cluster.industry,
        "industry_logo": image_url(logos.resolve(cluster.industry_logo, cdir, "логотип отрасли")),
        "cluster_name": cluster.name,
        "program": {"code": m.program.code, "kind": kind_title(m.program.kind), "title": m.program.title,
                    "qualification": m.program.qualification, "duration": m.program.duration,
                    "form": m.program.form, "base": m.program.base},
        "summary": m.summary,
        "college": {"name": college_name, "logo": image_url(logos.resolve(college.logo, cdir, "логотип колледжа"))
                    if college else None, "city": college.city if college else None},
        "employers": employers,
        "contacts": contacts_of(cluster, college),
        "stages": stages,
        "stage_rows": _rows(stages),
        "branch_rows": _branches(m, stages),
        "support": [("Колледж", support_items(m.support.college)),
                    ("Работодатели", support_items(m.support.employer)),
                    ("Регион", support_items(m.support.region))],
        "approval": approval_text(m),
        "qr_mm": image_mm(qr_url, A4_SYMBOL_MM),
        "qr_url": qr_url,
        "qr_urls": qr_urls,
        "short_url": short_address(page),
    }


def _stage(s, n: str, fallback: str) -> dict:
    return {"n": n, "title": s.title or fallback, "when": s.when or years_text(s.years), "positions": s.positions,
            "activities": as_lines(s.activities), "growth": as_lines(s.growth),
            "min": money(s.salary.min), "avg": money(s.salary.avg), "max": money(s.salary.max)}


def _branches(m: CareerMap, stages: list[dict]) -> list[list[dict]]:
    """Branches in rows of up to three columns under the ladder; each names the stage it leaves (the fork)."""
    out = []
    for br in m.branches:
        cards = []
        for j, s in enumerate(br.stages):
            head, positions, _pay = branch_text(s)
            cards.append({"n": f"{br.start}.{j + 1}", "head": head, "positions": positions,
                          "min": money(s.salary.min), "avg": money(s.salary.avg), "max": money(s.salary.max)})
        source = stages[br.start - 1]["title"] if 1 <= br.start <= len(stages) else ""
        out.append({"title": br.title, "from": br.start, "from_title": source, "stages": cards})
    return [out[i:i + BRANCH_COLUMNS] for i in range(0, len(out), BRANCH_COLUMNS)]


def _rows(stages: list[dict]) -> list[list[dict]]:
    """At most five steps side by side; longer ladders continue on a second flight of stairs."""
    if len(stages) <= 5:
        return [stages]
    nrows = -(-len(stages) // 5)
    size = -(-len(stages) // nrows)
    return [stages[i:i + size] for i in range(0, len(stages), size)]


def print_text(ctx: dict) -> PrintText:
    """What the fit estimate (measure.py) should know of a map's page beyond its file: from map_context."""
    c = ctx["contacts"]
    phone_mail = " · ".join(x for x in (c.get("phone") and "Телефон: " + c["phone"],
                                        c.get("email") and "Почта: " + c["email"]) if x)
    return PrintText(industry=ctx["industry"] or "", college=ctx["college"]["name"] or "",
                     employers=tuple(f"{e['name']} {e['place'] or ''}" for e in ctx["employers"]),
                     contacts=tuple(x for x in (f"{c['region']}, {c.get('address') or ''}", phone_mail,
                                                c.get("website") and "Сайт: " + c["website"]) if x),
                     short_url=ctx["short_url"], qr_mm=ctx["qr_mm"])

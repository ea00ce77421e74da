"""Generated pages: Jinja2 templates (autoescaped) → Markdown files with front matter and raw HTML."""

from __future__ import annotations

import json
from collections.abc import Callable
from html import escape as html_escape
from importlib import resources
from pathlib import Path

import jinja2
from markupsafe import Markup

from profkarta import labels, refdata, urls
from profkarta.cache import Cache, make_key
from profkarta.refdata import hotlines as refdata_hotlines
from profkarta.refdata import popularization as refdata_pop
from profkarta.render.popularization import NOT_ENTERED, STATUS_RU, number, sort_key
from profkarta.render.site import sanitize, snippets, text
from profkarta.render.site.jsonld import map_jsonld
from profkarta.render.site.qr import qr_svg
from profkarta.render.site.shell import shell_page
from profkarta.render.site.view import SiteData, facets, program_title, salary_scale
from profkarta.render.writes import ensure_dir
from profkarta.stages import stage_when, timeline

PAGES_DIR = "pages"
CARD_RUN = 100  # map cards cached together (see PageWriter.cards)


def theme_dir() -> Path:
    """The packaged site theme (page templates, mkdocs-material overrides, CSS, JS, fonts)."""
    return Path(str(resources.files("profkarta") / "theme" / "site"))


def doc_path(page: str) -> str:
    """"maps/c/m/" → "maps/c/m.md"; "" → "index.md"; "clusters/" → "clusters/index.md"."""
    page = page.strip("/")
    return "index.md" if not page else page + ".md"


def index_doc(section: str) -> str:
    return f"{section}/index.md"


def base_of(page: str) -> str:
    """Relative prefix from a page's folder to the site root."""
    depth = len([p for p in page.strip("/").split("/") if p])
    return "../" * depth


def make_env(project_theme: Path | None = None) -> jinja2.Environment:
    dirs = [str(project_theme / PAGES_DIR)] if project_theme and (project_theme / PAGES_DIR).is_dir() else []
    dirs.append(str(theme_dir() / PAGES_DIR))
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(dirs), autoescape=True, trim_blocks=True,
                             lstrip_blocks=True, undefined=jinja2.StrictUndefined)
    env.filters.update(money=text.money, date_ru=text.date_ru, month_ru=text.month_ru, safe_url=text.safe_url,
                       tel_url=text.tel_url, phone=text.phone, mailto_url=text.mailto_url, web_label=text.web_label,
                       lines=labels.as_lines, thousands=text.thousands,
                       thousands_plain=lambda n: f"{n:,}".replace(",", "\u00a0"), defer=lambda html: html)
    env.globals.update(plural=labels.plural, urls=urls, KIND_RU=labels.KIND_RU, CLUSTER_KIND_RU=labels.CLUSTER_KIND_RU,
                       CLUSTER_KIND_SHORT=labels.CLUSTER_KIND_SHORT, member_name=text.member_name,
                       share_links=text.share_links, stage_when=stage_when, spo_group=refdata.spo_group,
                       program_title=program_title, item_title=lambda i: i if isinstance(i, str) else i.title,
                       item_text=lambda i: None if isinstance(i, str) else i.description,
                       iframe_snippet=snippets.iframe_snippet, hotlines=refdata_hotlines.hotlines)
    return env


def escape_meta(meta: dict) -> dict:
    """mkdocs-material prints page titles and descriptions unescaped: escape them once here."""
    return {k: (html_escape(v, quote=True) if k in ("title", "description") and isinstance(v, str) else v)
            for k, v in meta.items()}


class PageWriter:
    """Writes every generated page of the site into a docs folder."""

    def __init__(self, data: SiteData, docs: Path, env: jinja2.Environment, handwritten: dict[str, tuple[dict, str]],
                 token: str):
        self.data, self.docs, self.env, self.token = data, docs, env, token
        self.handwritten = handwritten  # doc path → (front matter, Markdown body) of content/ pages we extend
        self.count = 0
        env.globals["logo"] = data.logo
        # page → placeholder → HTML filled in after mkdocs (see defer): the map cards of the catalog and
        # of team pages change with any map, and keeping them out of mkdocs lets a one-map edit skip it
        self.deferred: dict[str, dict[str, str]] = {}
        self._page = ""
        env.filters["defer"] = self.defer
        env.globals["cards"] = self.cards
        # set by generate when there is a cache: pages that show many maps (catalog, team pages) are kept by
        # the inputs they show, so a one-map edit renders the catalog again but not 200 team pages
        self.cache: Cache | None = None
        self.site_key = ""  # everything every page may show besides its own inputs (templates, logos, settings)
        self._clusters_key: str | None = None

    def defer(self, html: str) -> Markup:
        """`{% filter defer %}…{% endfilter %}`: mkdocs sees a placeholder, fill_deferred puts the HTML back.
        Only for search-excluded parts (mkdocs never indexes them either way)."""
        frags = self.deferred.setdefault(self._page, {})
        mark = f"<!--PKDEFER{self.token}:{len(frags)}-->"
        frags[mark] = str(html)
        return Markup(mark)

    def write(self, page: str, template: str, meta: dict, doc: str | None = None, **ctx) -> None:
        doc = doc or doc_path(page)
        self._page = page
        front, body = self.handwritten.get(doc, ({}, ""))
        html = self.env.get_template(template).render(data=self.data, base=base_of(page), page_url=page,
                                                      abs_url=urls.absolute(self.data.site_url, page),
                                                      has_intro=bool(body.strip()), **ctx)
        meta = escape_meta({**meta, **{k: v for k, v in front.items() if k not in ("hide",)}})
        # JSON is YAML too, and json.dumps is many times faster than yaml.safe_dump for 10,000 pages
        out = "---\n" + json.dumps(meta, ensure_ascii=False, default=str) + "\n---\n\n"
        if body.strip():
            out += body.strip() + "\n\n"  # the author's Markdown: sanitised by the build
        out += f"{sanitize.begin(self.token)}\n{text.strip_blank_lines(html)}\n{sanitize.end(self.token)}\n"
        target = self.docs / doc
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(out, encoding="utf-8")
        self.count += 1

    def cards(self, maps: list, base: str, show_college: bool = True) -> Markup:
        """The map cards of a list (ui.map_card of each, joined), rendered in runs of CARD_RUN maps kept in the
        cache by what those maps show: editing one map renders one run of the catalog, not 10,000 cards."""
        macros = self.env.get_template("_macros.html").make_module({"base": base})
        card = macros.map_card  # type: ignore[attr-defined]
        out = []
        for start in range(0, len(maps), CARD_RUN):
            run = maps[start:start + CARD_RUN]
            inputs = [map_inputs(m) for m in run]
            if self.cache is None or not self.site_key or None in inputs:
                out.append("".join(str(card(m, show_college=show_college)) for m in run))
                continue
            key = make_key("cards", self.site_key, base, show_college, self.clusters_key(), inputs)
            html, _ = self.cache.get_or_make(key, "cards.html", lambda run=run: "".join(
                str(card(m, show_college=show_college)) for m in run).encode("utf-8"))
            out.append(html.decode("utf-8"))
        return Markup("".join(out))

    def clusters_key(self) -> str:
        if self._clusters_key is None:
            self._clusters_key = cluster_inputs(self.data)
        return self._clusters_key

    def write_cached(self, parts: list | None, page: str, template: str, meta: dict, doc: str | None = None,
                     lazy: Callable[[], dict] | None = None, **ctx) -> None:
        """write(), its Markdown and deferred parts kept in the cache under parts (the page's own inputs; None:
        not cacheable). The key also holds the site-wide inputs, the page's meta and the author's intro.
        lazy() gives the costly part of the context (QR codes, Markdown), made only when the page is rendered."""
        doc = doc or doc_path(page)
        if self.cache is None or parts is None or not self.site_key:
            self.write(page, template, meta, doc, **ctx, **(lazy() if lazy else {}))
            return
        key = make_key("generated-page", self.site_key, self.token, page, template, doc, meta,
                       self.handwritten.get(doc), parts)
        files = self.cache.load(key, ["page.md", "deferred.json"])
        if files is not None:
            target = self.docs / doc
            ensure_dir(target.parent)
            target.write_bytes(files["page.md"])
            deferred = json.loads(files["deferred.json"])
            if deferred:
                self.deferred[page] = deferred
            self.count += 1
            return
        self.write(page, template, meta, doc, **ctx, **(lazy() if lazy else {}))
        self.cache.store(key, {"page.md": (self.docs / doc).read_bytes(),
                               "deferred.json": json.dumps(self.deferred.get(page, {}), ensure_ascii=False,
                                                           sort_keys=True).encode("utf-8")})

    def description(self, *parts: str | None) -> str:
        return text.clip(" ".join(p.strip() for p in parts if p and p.strip()), 200)

    def home(self) -> None:
        d = self.data
        inputs = [map_inputs(m) for m in d.maps]
        parts = None if None in inputs else [inputs, self.clusters_key()]
        self.write_cached(parts, "", "home.html", {
            "title": d.site_name,
            "hide": ["navigation", "toc"] if not self.handwritten.get("index.md") else ["navigation"],
            "description": self.description("Каталог карьерных карт выпускников колледжей «Профессионалитета»:",
                                            f"{len(d.maps)} {labels.plural(len(d.maps), 'карта', 'карты', 'карт')}"
                                            " с должностями, зарплатами и мерами поддержки."),
        }, maps=d.maps, lazy=lambda: {"facets": facets(d.maps)})

    def map_parts(self, m) -> tuple[dict, str]:
        """A map page's title, description, share image, JSON-LD and content HTML."""
        lo, hi = m.salary_range
        meta = {"title": f"{m.program.title} — {m.college.short_name or m.college.name}",
                "description": self.description(f"Карьерная карта: {labels.KIND_RU[m.program.kind]} {m.program.code} "
                                                f"«{m.program.title}», {m.college.name}.",
                                                f"Зарплата от {text.money(lo)} до {text.money(hi)}."),
                "pk_image": urls.absolute(self.data.site_url, urls.share_image(m.cluster_id, m.id)),
                "pk_jsonld": text.json_for_script(map_jsonld(m, self.data.site_url))}
        qr_url = urls.with_marker(m.url, "qr", m.cluster_id)
        html = self.env.get_template("map.html").render(
            data=self.data, base=base_of(m.page), page_url=m.page, abs_url=urls.absolute(self.data.site_url, m.page),
            has_intro=False, m=m, scale=salary_scale(m.model), timeline=timeline(m.model),
            qr=qr_svg(qr_url),
            industry_logo=self.data.logo(m.cluster_id, m.cluster.industry_logo))
        return meta, text.strip_blank_lines(html)

    def shells(self, tokens, kinds: list[tuple[str, bool]]) -> None:
        """The page shells mkdocs renders once; every map and cluster page is one of them, filled (shell.py)."""
        for kind, draft in kinds:
            self.write_raw(shell_page(draft, kind), tokens.meta(draft, kind), tokens.body)

    def map_page(self, m, shells) -> str:
        meta, html = self.map_parts(m)
        return shells.fill(m.draft, m.page, meta["title"], meta["description"], meta["pk_image"], meta["pk_jsonld"],
                           html)

    def write_raw(self, page: str, meta: dict, html: str) -> None:
        out = "---\n" + json.dumps(meta, ensure_ascii=False) + "\n---\n\n"
        out += f"{sanitize.begin(self.token)}\n{html}\n{sanitize.end(self.token)}\n"
        target = self.docs / doc_path(page)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(out, encoding="utf-8")

    def cluster_page(self, cid: str, cluster, shells) -> str:
        page = urls.cluster_page(cid)
        title = cluster.name
        description = self.description(f"{labels.CLUSTER_KIND_RU[cluster.kind]}: {cluster.industry},",
                                       f"{cluster.region}.", cluster.description)
        html = self.env.get_template("cluster.html").render(
            data=self.data, base=base_of(page), page_url=page, abs_url=urls.absolute(self.data.site_url, page),
            has_intro=False, cid=cid, cluster=cluster, maps=self.data.maps_of_cluster(cid),
            teams=self.data.teams_of_cluster(cid))
        return shells.fill(False, page, title, description, "", "", text.strip_blank_lines(html), kind="cluster")

    def team(self, t) -> None:
        college_maps = self.data.maps_of_college(t.model.cluster, t.model.college)
        inputs = [map_inputs(m) for m in college_maps]
        parts = None if None in inputs else [  # a team's file is read every build: counted by its data and text
            t.model.model_dump(mode="json"), t.entry.doc.body, t.entry.id, t.page, t.url, inputs,
            self.clusters_key(),
            [p.id for p in self.data.programmes]]
        self.write_cached(parts, t.page, "team.html", {
            "title": t.model.team, "hide": ["toc"],
            "description": self.description(f"Команда амбассадоров «Профессионалитета»: {t.model.team}.",
                                            t.college.name if t.college else None)},
            t=t, maps=college_maps, lazy=lambda: {"body": text.markdown_safe(t.entry.doc.body),
                                                  "qr": qr_svg(urls.with_marker(t.url, "qr"))})

    def programme(self, p) -> None:
        """The programme's page, each plan's page and report, and the calendar of all its plans."""
        floors = refdata_pop.floors()
        draft = {"pk_draft": True} if p.draft else {}  # the «ПРОЕКТ» watermark and noindex of the theme
        self.write(p.page, "programme.html", {
            "title": p.model.title, "hide": ["toc"], **draft,
            "description": self.description(p.model.goal)}, p=p, floors=floors,
            calendar=calendar_page(p.id), ics=ics_path(p.id))
        for pl in p.plans:
            draft = {"pk_draft": True} if pl.draft else {}
            self.write(pl.page, "programme_plan.html", {
                "title": f"План популяризации на {pl.year} год — {p.model.region}", "hide": ["toc"], **draft,
                "description": self.description(f"План мероприятий и информационной кампании на {pl.year} год:",
                                                p.model.title)}, p=p, pl=pl, calendar=calendar_page(p.id))
            self.write(pl.report_page, "programme_report.html", {
                "title": f"Отчёт о плане популяризации {pl.year} года — {p.model.region}", "hide": ["toc"], **draft,
                "description": self.description(f"Итоги плана популяризации {pl.year} года: показатели, "
                                                "мероприятия, охват.", p.model.title),
                "search": {"exclude": True}}, p=p, pl=pl, r=pl.report, not_entered=NOT_ENTERED, number=number,
                status_ru=STATUS_RU)
        events = sorted([(kind, e) for pl in p.plans for kind, items in (("plan", pl.model.events),
                                                                          ("campaign", pl.model.campaign))
                         for e in items], key=lambda ke: sort_key(ke[1]))
        self.write(calendar_page(p.id), "calendar.html", {
            "title": f"Календарь мероприятий — {p.model.region}", "hide": ["toc"],
            "description": self.description(f"Календарь мероприятий программы популяризации: {p.model.title}."),
            "search": {"exclude": True}}, p=p, events=events, ics=ics_path(p.id))

    def lists(self) -> None:
        """Section index pages; a section with nothing in it gets no page (and no menu item, see make_nav)."""
        d = self.data
        wanted = {section: bool(items) or index_doc(section) in self.handwritten
                  for section, items in (("clusters", d.clusters), ("ambassadors", d.teams),
                                         ("popularization", d.programmes))}
        if wanted["clusters"]:
            self.write("clusters/", "clusters.html", {"title": "Кластеры", "hide": ["toc"],
                                                       "description": "Кластеры «Профессионалитета»: колледжи и "
                                                                      "работодатели."},
                       doc=index_doc("clusters"), clusters=d.clusters)
        if wanted["ambassadors"]:
            self.write("ambassadors/", "teams.html", {"title": "Амбассадоры", "hide": ["toc"],
                                                      "description": "Команды амбассадоров «Профессионалитета»."},
                       doc=index_doc("ambassadors"), teams=d.teams)
        if not wanted["popularization"]:
            return
        meta = {"title": "Популяризация", "hide": ["toc"],
                "description": "Программы популяризации «Профессионалитета»."}
        self.write("popularization/", "programmes.html", meta,
                   doc=index_doc("popularization"), programmes=d.programmes, calendar_page=calendar_page,
                   ics_path=ics_path)


def map_inputs(m) -> list | None:
    """What a map's card may show, as a key: its file (by the hash the parse cache gave; None without one),
    where it lives and what it links to. Its cluster counts through cluster_inputs."""
    digest = m.entry.doc.digest
    if digest is None:
        return None
    return [digest, m.cluster_id, m.id, m.college.id, [e.id for e in m.employers], m.page, m.url, m.draft, m.pdf]


def cluster_inputs(data: SiteData) -> str:
    """Every cluster (names, colleges, employers, logos) as one hash."""
    return make_key("clusters", {cid: c.model_dump(mode="json") for cid, c in data.clusters.items()})


def calendar_page(programme: str) -> str:
    return urls.programme_page(programme) + "calendar/"


def ics_path(programme: str) -> str:
    return urls.programme_page(programme) + "events.ics"

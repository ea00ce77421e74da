"""The build folder for mkdocs: docs (content/ + generated pages, logos, share images, .ics) and theme overrides."""

from __future__ import annotations

import json
import os
import re
import secrets
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import yaml

from profkarta import urls
from profkarta.cache import Cache, folder_hash, link_or_copy, make_key
from profkarta.render.writes import ensure_dir
from profkarta.load.images import ImageProblem, resolve_inside
from profkarta.load.project import CONTENT_DIR
from profkarta.render.images import WEB_SIDE, intrinsic_size, is_raster, normalize, normalized_file
from profkarta.render.popularization import report_csv
from profkarta.render.site.assets import CSS_BUNDLE, bundle
from profkarta.render.site.config import local_only, make_config, make_nav
from profkarta.render.site.ics import programme_ics
from profkarta.render.site.palette import palette_css
from profkarta.render.site.offline import write_help_page
from profkarta.render.site.pages import PageWriter, escape_meta, ics_path, make_env, theme_dir
from profkarta.render.site.share import draw_default, share_lines
from profkarta.render.site.shell import Tokens
from profkarta.render.site.view import SiteData

GENERATED_INDEXES = ("index.md", "clusters/index.md", "ambassadors/index.md", "popularization/index.md")
SECTION_DIRS = ("ambassadors", "popularization", "clusters", "maps", "share", "assets")
_FRONT = re.compile(r"\A---\s*\n(.*?)\n---\s*\n", re.S)


@dataclass
class Generated:
    config: dict
    pages: int
    warnings: list[str] = field(default_factory=list)
    share_jobs: list = field(default_factory=list)  # drawn by render.site.mapwork.MapWork during mkdocs
    writer: PageWriter | None = None  # fills the map pages into the shells once mkdocs has built them
    tokens: Tokens | None = None


def split_front(text: str) -> tuple[dict, str]:
    m = _FRONT.match(text)
    if not m:
        return {}, text
    try:
        meta = yaml.safe_load(m.group(1)) or {}
    except yaml.YAMLError:
        meta = {}
    return (meta if isinstance(meta, dict) else {}), text[m.end():]


def _copy_page(src: Path, target: Path) -> None:
    """A hand-written page, its title and description escaped (the theme prints them as they are)."""
    text = src.read_text(encoding="utf-8", errors="replace")
    front, body = split_front(text)
    if front and any(k in front for k in ("title", "description")):
        text = "---\n" + yaml.safe_dump(escape_meta(front), allow_unicode=True, sort_keys=False) + "---\n" + body
    target.write_text(text, encoding="utf-8")


def _copy_content(root: Path, docs: Path, team_ids: set[str]) -> tuple[dict, list[str], dict[str, list[str]]]:
    """Hand-written pages go into docs as they are; the pages profkarta extends are returned instead."""
    src = root / CONTENT_DIR
    handwritten: dict[str, tuple[dict, str]] = {}
    top: list[str] = []
    sections: dict[str, list[str]] = {}
    if not src.is_dir():
        return handwritten, top, sections
    for path in sorted(src.rglob("*")):
        rel = path.relative_to(src).as_posix()
        if not path.is_file() or any(part.startswith(".") for part in path.relative_to(src).parts):
            continue
        if path.name.lower() == "readme.md" or path.suffix.lower() in (".yaml", ".yml"):
            continue  # notes for authors and programme data, not pages
        if rel.startswith("ambassadors/") and path.suffix == ".md" and path.stem in team_ids:
            continue  # a team's page is generated from its front matter
        if rel in GENERATED_INDEXES:
            handwritten[rel] = split_front(path.read_text(encoding="utf-8"))
            continue
        target = docs / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        if path.suffix == ".md":
            _copy_page(path, target)
        else:
            shutil.copy2(path, target)
        if path.suffix == ".md":
            first = rel.split("/")[0]
            if "/" not in rel:
                top.append(rel)
            elif first not in SECTION_DIRS:
                title = first.replace("-", " ").capitalize()
                sections.setdefault(title, []).append(rel)
    for pages in sections.values():
        pages.sort(key=lambda r: (not r.endswith("index.md"), r))
    return handwritten, top, sections


def _overrides(root: Path, build: Path, user: dict) -> Path:
    """Packaged mkdocs-material overrides, with the project's theme/overrides/ laid on top."""
    out = build / "overrides"
    shutil.copytree(theme_dir() / "overrides", out)
    project_over = root / "theme" / "overrides"
    if project_over.is_dir():
        shutil.copytree(project_over, out, dirs_exist_ok=True)
    bundle(out, palette_css(user))  # one minified stylesheet: fewer, smaller requests before the first paint
    return out


def brand_logo_source(data: SiteData, config) -> tuple[Path, str]:
    """(the «Профессионалитет» logo from extra.brand.logo or the packaged placeholder, its path in the site)."""
    src = None
    if config.brand_logo:
        try:
            src = resolve_inside(config.brand_logo, data.root, data.root)
        except (ImageProblem, OSError):
            src = None
    if src is None:  # validate has said so already (R1.1), with where to put the official logo
        src = theme_dir() / "brand" / "professionalitet-placeholder.svg"
    return src, f"assets/brand/logo{src.suffix.lower()}"


def brand_name(user: dict) -> str:
    """extra.brand.name of mkdocs.yml, or «Профессионалитет»."""
    extra = user.get("extra")
    brand = extra.get("brand") if isinstance(extra, dict) else None
    name = brand.get("name") if isinstance(brand, dict) else None
    return name if isinstance(name, str) and name.strip() else "«Профессионалитет»"


def share_jobs(data: SiteData, brand: str, cache_dir: Path | None) -> list:
    """(lines, path in the site, cache folder) of every map's share image, in the maps' order."""
    return [(share_lines(m, brand), urls.share_image(m.cluster_id, m.id), str(cache_dir) if cache_dir else None)
            for m in data.maps]


def _brand_logo(data: SiteData, config, docs: Path, warnings: list[str]) -> str:
    """The «Профессионалитет» logo copied into docs; its path in the site."""
    src, target = brand_logo_source(data, config)
    (docs / target).parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(src, docs / target)
    return target


def generate(data: SiteData, project, build: Path, site_dir: Path, *, cache_dir: Path | None = None,
             on_progress=None) -> Generated:
    """Write docs/ and overrides/ into build and return the mkdocs configuration to build them with."""
    progress = on_progress or (lambda *a: None)
    docs = build / "docs"
    docs.mkdir(parents=True, exist_ok=True)
    warnings: list[str] = []
    user = project.config.raw  # mkdocs.yml as read once by the load stage
    handwritten, top, sections = _copy_content(project.root, docs, {t.entry.id for t in data.teams})
    overrides = _overrides(project.root, build, user)
    logo = _brand_logo(data, project.config, docs, warnings)
    for lg in data.logos.values():
        if is_raster(lg.source) and cache_dir is not None:  # linked: nothing writes into docs/ in place
            link_or_copy(normalized_file(lg.source, WEB_SIDE, Cache(cache_dir)), docs / lg.path)
        elif is_raster(lg.source):
            ensure_dir((docs / lg.path).parent)
            (docs / lg.path).write_bytes(normalize(lg.source, WEB_SIDE))
        else:  # SVG: validated as safe, kept as vector; linked (thousands at national scale), never written in place
            link_or_copy(lg.source, docs / lg.path)
    token = build_token(cache_dir)
    writer = PageWriter(data, docs, make_env(project.root / "theme"), handwritten, token)
    writer.env.globals["brand_logo"] = logo
    sizes = logo_sizes(docs, {logo, *(lg.path for lg in data.logos.values())}, cache_dir)
    writer.env.globals["img_size"] = sizes.get  # width/height on every <img>: no layout shift as logos load
    if cache_dir is not None:
        writer.cache = Cache(cache_dir)
        writer.site_key = make_key("site-pages", folder_hash(project.root / "theme" / "pages"), data.site_url,
                                   data.site_name, data.drafts, data.printed, logo, sorted(sizes.items()),
                                   sorted((cid, ref, lg.path) for (cid, ref), lg in data.logos.items()))
    total = len(data.maps) + len(data.clusters) + len(data.teams) + len(data.programmes) + 2
    done = 0
    brand = brand_name(user)
    tokens = Tokens(token)
    writer.shells(tokens, shell_kinds(data))
    done += len(data.maps)
    progress("Страницы карт", done, total)
    for t in data.teams:
        writer.team(t)
        done += 1
        progress("Страницы команд", done, total)
    domain = urlsplit(data.site_url).hostname or "localhost"
    for p in data.programmes:
        writer.programme(p)
        (docs / ics_path(p.id)).parent.mkdir(parents=True, exist_ok=True)
        (docs / ics_path(p.id)).write_bytes(programme_ics(p.id, p.model.title, [pl.model for pl in p.plans],
                                                          domain).encode("utf-8"))
        for pl in p.plans:  # the report's table for spreadsheets, next to its page
            (docs / urls.report_csv(p.id, pl.year)).write_bytes(report_csv(pl.report))
        done += 1
        progress("Программы популяризации", done, total)
    draw_default(data.site_name, brand, docs / "assets" / "profkarta" / "share-default.jpg")
    writer.home()
    writer.lists()
    write_help_page(writer)  # the offline kit's how-to for ambassadors (render/site/offline.py)
    progress("Страницы", total, total)
    nav = make_nav(top, sections, user.get("nav"), empty_sections(data, handwritten))
    config = make_config(user, docs_dir=docs, site_dir=site_dir, custom_dir=overrides,
                         site_name=data.site_name, site_url=data.site_url, nav=nav, logo=logo,
                         extra_css=[CSS_BUNDLE],
                         warnings=warnings, token=token)
    config["extra_javascript"] = ["assets/profkarta/profkarta.min.js", "assets/profkarta/channels.min.js",
                                  *local_only(user.get("extra_javascript"), warnings)]
    if logo_size := sizes.get(logo):
        config["extra"]["pk_logo_size"] = list(logo_size)
    return Generated(config, writer.count + len(data.maps) + len(data.clusters), warnings, [], writer, tokens)


def empty_sections(data, handwritten: dict) -> frozenset[str]:
    """Index pages of sections with no content (no teams, no programme, no cluster) and no hand-written intro."""
    have = {"clusters/index.md": data.clusters, "ambassadors/index.md": data.teams,
            "popularization/index.md": data.programmes}
    return frozenset(doc for doc, items in have.items() if not items and doc not in handwritten)


def build_token(cache_dir: Path | None) -> str:
    """The placeholders' secret: random, and kept in the cache so that unchanged pages give mkdocs the same
    input from build to build (its output can then be reused). It never reaches the site."""
    path = cache_dir / "token" if cache_dir is not None else None
    try:
        if path is not None and re.fullmatch(r"[0-9a-f]{24}", path.read_text(encoding="ascii").strip()):
            return path.read_text(encoding="ascii").strip()
    except (OSError, UnicodeDecodeError):
        pass
    token = secrets.token_hex(12)
    if path is not None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(token, encoding="ascii")
        except OSError:
            pass  # a read-only cache: a fresh token each build
    return token


def shell_kinds(data) -> list[tuple[str, bool]]:
    """Which shells this build needs: public and draft map pages, cluster pages."""
    kinds = [("map", False)] if any(not m.draft for m in data.maps) else []
    if any(m.draft for m in data.maps):
        kinds.append(("map", True))
    if data.clusters:
        kinds.append(("cluster", False))
    return kinds


def logo_sizes(docs: Path, rels: set[str], cache_dir: Path | None) -> dict[str, tuple[int, int] | None]:
    """Each logo's intrinsic size, remembered in the cache by file, size and date: thousands of logos are not
    opened again by every build."""
    memo_path = cache_dir / "logo-sizes.json" if cache_dir is not None else None
    memo: dict = {}
    if memo_path is not None:
        try:
            memo = json.loads(memo_path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            memo = {}
    out: dict[str, tuple[int, int] | None] = {}
    fresh: dict = {}
    for rel in sorted(rels):
        try:
            st = os.stat(docs / rel)
        except OSError:
            out[rel] = None
            continue
        sig = [rel, st.st_size, st.st_mtime_ns, st.st_ino]
        seen = memo.get(rel) if isinstance(memo, dict) else None
        if isinstance(seen, list) and len(seen) == 2 and seen[0] == sig:
            size = tuple(seen[1]) if seen[1] else None
        else:
            size = intrinsic_size(docs / rel)
        out[rel] = size
        fresh[rel] = [sig, list(size) if size else None]
    if memo_path is not None and fresh != memo:
        try:
            tmp = memo_path.with_name(f".{memo_path.name}.{os.getpid()}")
            tmp.write_text(json.dumps(fresh), encoding="utf-8")
            os.replace(tmp, memo_path)
        except OSError:
            pass  # a read-only cache only costs time
    return out

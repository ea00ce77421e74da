"""Slides for a lesson and embeds for colleges' sites: standalone HTML written by profkarta, cached by content."""

from __future__ import annotations

import base64
from functools import lru_cache
from pathlib import Path

import jinja2

from profkarta import urls
from profkarta.cache import Cache, file_digest, folder_hash, make_key
from profkarta.render.site.pages import base_of, make_env, theme_dir
from profkarta.render.site.qr import qr_svg
from profkarta.render.site.view import MapView, SiteData, salary_scale

CHANNELS = "channels"  # theme/site/channels: the templates, CSS and JS of slides and embeds
FONTS = "overrides/assets/profkarta/fonts"


def channels_dir() -> Path:
    return theme_dir() / CHANNELS


@lru_cache(maxsize=8)
def _asset(name: str) -> str:
    return (channels_dir() / name).read_text(encoding="utf-8")


@lru_cache(maxsize=2)
def _font(name: str) -> str:
    """The site's own font as a data: URL (slides carry everything they need: no request once loaded)."""
    data = (theme_dir() / FONTS / name).read_bytes()
    return "data:font/woff2;base64," + base64.b64encode(data).decode("ascii")


def _env(project_theme: Path | None) -> jinja2.Environment:
    env = make_env(project_theme)
    dirs = [str(project_theme / CHANNELS)] if project_theme and (project_theme / CHANNELS).is_dir() else []
    pages = env.loader
    assert pages is not None
    env.loader = jinja2.ChoiceLoader([jinja2.FileSystemLoader([*dirs, str(channels_dir())]), pages])
    return env


def embed_link(url: str) -> str:
    """Links out of an embed carry their channel, so the host site's visitors can be counted."""
    return urls.with_marker(url, "embed")


def slides_html(env: jinja2.Environment, data: SiteData, m: MapView, brand_logo: str | None) -> str:
    page = urls.map_slides(m.cluster_id, m.id)
    support = [("Колледж", m.model.support.college), ("Работодатель", m.model.support.employer),
               ("Регион", m.model.support.region)]
    return env.get_template("slides.html").render(
        data=data, m=m, base=base_of(page), scale=salary_scale(m.model), support=support,
        brand_logo=brand_logo, industry_logo=data.logo(m.cluster_id, m.cluster.industry_logo),
        college_logo=data.logo(m.cluster_id, m.college.logo),
        qr=qr_svg(urls.with_marker(m.url, "slides"), "QR-код карты для телефона"),
        short_url=short_address(m.url), css=_asset("slides.css"), js=_asset("slides.js"),
        font_regular=_font("DejaVuSans.woff2"), font_bold=_font("DejaVuSans-Bold.woff2"))


def embed_map_html(env: jinja2.Environment, data: SiteData, m: MapView) -> str:
    page = urls.embed_map(m.cluster_id, m.id)
    return env.get_template("embed_map.html").render(
        data=data, m=m, base=base_of(page), scale=salary_scale(m.model), full_url=embed_link(m.url),
        css=_asset("embed.css"), js=_asset("embed.js"))


def embed_college_html(env: jinja2.Environment, data: SiteData, cid: str, college, maps: list[MapView]) -> str:
    page = urls.embed_college(cid, college.id)
    return env.get_template("embed_college.html").render(
        data=data, college=college, base=base_of(page), maps=[(m, embed_link(m.url)) for m in maps],
        css=_asset("embed.css"), js=_asset("embed.js"))


def short_address(url: str) -> str:
    """karty.example.ru/maps/c/m — what one types from a slide (no scheme, no marker, no trailing slash)."""
    bare = url.split("?", 1)[0].split("://", 1)[-1]
    return bare.rstrip("/")


def write_channels(data: SiteData, project_root: Path, out_dir: Path, brand_logo: str | None,
                   cache_dir: Path | None) -> tuple[int, int]:
    """Slides and embeds of every map, embeds of every college with maps: (files written, taken from the cache)."""
    theme = project_root / "theme"
    env = _env(theme)
    cache = Cache(cache_dir)
    base = folder_hash(channels_dir(), theme / CHANNELS, theme_dir() / FONTS)
    logos = {k: file_digest(lg.source) for k, lg in data.logos.items()}
    made = reused = 0
    for m in data.maps:
        mine = sorted((lg, d) for (cid, lg), d in logos.items() if cid == m.cluster_id)
        key = make_key("channels-map", base, m.model.model_dump(mode="json"), m.cluster.model_dump(mode="json"),
                       m.college.id, [e.id for e in m.employers], m.url, m.draft, data.site_url, brand_logo, mine)
        targets = [out_dir / urls.map_slides(m.cluster_id, m.id) / "index.html",
                   out_dir / urls.embed_map(m.cluster_id, m.id) / "index.html"]
        if cache_dir is not None and cache.restore(key, ["slides.html", "embed.html"], targets):
            reused += 1
            continue
        files: dict[str, bytes | Path] = {"slides.html": slides_html(env, data, m, brand_logo).encode("utf-8"),
                 "embed.html": embed_map_html(env, data, m).encode("utf-8")}
        for target, content in zip(targets, files.values(), strict=True):
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(content if isinstance(content, bytes) else content.read_bytes())
        cache.store(key, files)
        made += 1
    for cid, cluster in data.clusters.items():  # a handful of cards each: cheap, always written
        for college in cluster.colleges:
            maps = data.maps_of_college(cid, college.id)
            if not maps:
                continue
            target = out_dir / urls.embed_college(cid, college.id) / "index.html"
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(embed_college_html(env, data, cid, college, maps), encoding="utf-8")
    return made, reused

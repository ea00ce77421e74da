"""Slides for a lesson and embeds for colleges' sites: standalone HTML written by profkarta, cached by content."""

from __future__ import annotations

import base64
from functools import lru_cache
from pathlib import Path

import jinja2
from markupsafe import Markup

from profkarta import urls
from profkarta.cache import Cache, file_digest, folder_hash, make_key
from profkarta.render.site.pages import base_of, make_env, theme_dir
from profkarta.render.writes import write_file
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
def _font(name: str) -> Markup:
    """The site's own font as a data: URL (slides carry everything they need: no request once loaded).
    Base64 has nothing to escape: marked safe, the 50 KB are not scanned again for every map."""
    data = (theme_dir() / FONTS / name).read_bytes()
    return Markup("data:font/woff2;base64," + base64.b64encode(data).decode("ascii"))


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


class ChannelWriter:
    """Slides and embed of one map at a time (worker processes share one, set up before they fork)."""

    def __init__(self, data: SiteData, project_root: Path, out_dir: Path, brand_logo: str | None,
                 cache_dir: Path | None):
        theme = project_root / "theme"
        self.data, self.out_dir, self.brand_logo, self.cache_dir = data, out_dir, brand_logo, cache_dir
        self.env = _env(theme)
        self.cache = Cache(cache_dir)
        self.base = folder_hash(channels_dir(), theme / CHANNELS, theme_dir() / FONTS)
        self.logos: dict[str, list] = {}  # each cluster's logo digests, hashed once per build
        for (cid, ref), logo in sorted(data.logos.items()):
            self.logos.setdefault(cid, []).append((ref, file_digest(logo.source)))
        self._clusters: dict[str, object] = {}

    def write_map(self, m: MapView) -> bool:
        """The map's slides and embed; True when rendered, False when taken from the cache."""
        data, out_dir = self.data, self.out_dir
        targets = [out_dir / urls.map_slides(m.cluster_id, m.id) / "index.html",
                   out_dir / urls.embed_map(m.cluster_id, m.id) / "index.html"]
        key = None
        if self.cache_dir is not None:
            cluster = self._clusters.get(m.cluster_id)
            if cluster is None:
                cluster = self._clusters[m.cluster_id] = m.cluster.model_dump(mode="json")
            key = make_key("channels-map", self.base, m.entry.doc.digest or m.model.model_dump(mode="json"), cluster,
                           m.college.id, [e.id for e in m.employers], m.url, m.draft, data.site_url,
                           self.brand_logo, self.logos.get(m.cluster_id, []))
            if self.cache.link(key, ["slides.html", "embed.html"], targets):
                return False
        files: dict[str, bytes | Path] = {
            "slides.html": slides_html(self.env, data, m, self.brand_logo).encode("utf-8"),
            "embed.html": embed_map_html(self.env, data, m).encode("utf-8")}
        if key is not None:  # stored, then linked: the next build links the same inode and need not compare it
            self.cache.store(key, files)
            if self.cache.link(key, list(files), targets):
                return True
        for target, content in zip(targets, files.values(), strict=True):
            write_file(target, content if isinstance(content, bytes) else content.read_bytes())
        return True

    def write_colleges(self) -> None:
        """Embeds of every college with maps: a handful of cards each, cheap, always written."""
        data = self.data
        for cid, cluster in data.clusters.items():
            for college in cluster.colleges:
                maps = data.maps_of_college(cid, college.id)
                if not maps:
                    continue
                target = self.out_dir / urls.embed_college(cid, college.id) / "index.html"
                html = embed_college_html(self.env, data, cid, college, maps).encode("utf-8")
                if self.cache_dir is not None:  # kept by its bytes: the same embed is the same inode as last time,
                    key = make_key("embed-college", html)  # so the new site is not compared with the old one
                    self.cache.store(key, {"embed.html": html})
                    if self.cache.link(key, ["embed.html"], [target]):
                        continue
                write_file(target, html)


def write_channels(data: SiteData, project_root: Path, out_dir: Path, brand_logo: str | None,
                   cache_dir: Path | None) -> tuple[int, int]:
    """Slides and embeds of every map, embeds of every college with maps: (files written, taken from the cache)."""
    writer = ChannelWriter(data, project_root, out_dir, brand_logo, cache_dir)
    made = sum(writer.write_map(m) for m in data.maps)
    writer.write_colleges()
    return made, len(data.maps) - made

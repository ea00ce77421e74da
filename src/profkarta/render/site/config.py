"""The generated mkdocs configuration: the project's mkdocs.yml, made offline, Russian and with a short nav."""

from __future__ import annotations

from pathlib import Path

from profkarta.render.site.assets import palette_stylesheet

# Plugins that reach the network at build time or in the reader's browser: never run them.
NETWORK_PLUGINS = {"social": "рисует картинки для соцсетей, скачивая шрифты из интернета (profkarta рисует их сам)",
                   "privacy": "скачивает внешние файлы во время сборки",
                   "material/social": "скачивает шрифты из интернета",
                   "material/privacy": "скачивает внешние файлы во время сборки"}
DEFAULT_FEATURES = ["navigation.tabs", "navigation.top", "navigation.footer", "search.suggest",
                    "search.highlight", "content.tooltips"]


def _plugins(user: object, warnings: list[str]) -> list:
    items = user if isinstance(user, list) else ([user] if isinstance(user, (str, dict)) else [])
    out: list = []
    search: dict = {}
    for item in items:
        name, opts = (item, {}) if isinstance(item, str) else (next(iter(item)), next(iter(item.values())) or {}) \
            if isinstance(item, dict) and item else (None, {})
        if not name:
            continue
        if name in NETWORK_PLUGINS:
            warnings.append(f"плагин «{name}» из mkdocs.yml отключён: он {NETWORK_PLUGINS[name]}; "
                            "сайт должен собираться и работать без интернета.")
            continue
        if name in ("search", "material/search"):
            search = dict(opts) if isinstance(opts, dict) else {}
            continue
        out.append({name: opts} if opts else name)
    lang = search.get("lang") or ["ru"]
    lang = [lang] if isinstance(lang, str) else list(lang)
    if "ru" not in lang:
        lang.insert(0, "ru")
    search["lang"] = lang
    search.setdefault("pipeline", ["trimmer", "stopWordFilter", "stemmer"])  # material's default drops the stemmer
    search.setdefault("separator", r'[\s\-,:!=\[\]()"/«»—–]+|(?!\b)(?=[A-Z][a-z])')
    return [{"search": search}, *out]


def _markdown_extensions(user: object, token: str) -> list:
    from pymdownx.slugs import slugify

    mine = {"toc": {"slugify": slugify(case="lower"), "permalink": True, "permalink_title": "Ссылка на раздел"},
            "attr_list": {}, "md_in_html": {}, "tables": {}, "admonition": {}, "pymdownx.details": {},
            "pymdownx.superfences": {}, "sane_lists": {}}
    merged: dict = {}
    for item in user if isinstance(user, list) else []:
        if isinstance(item, str):
            merged[item] = {}
        elif isinstance(item, dict):
            for k, v in item.items():
                merged[k] = v or {}
    for name, opts in mine.items():
        merged[name] = {**merged.get(name, {}), **opts} if name == "toc" else merged.get(name, opts)
    # last, so it sees the final HTML: authors' raw HTML is sanitised, profkarta's own is not
    merged.pop("profkarta.render.site.sanitize", None)
    merged["profkarta.render.site.sanitize"] = {"token": token}
    return [{k: v} if v else k for k, v in merged.items()]


def make_config(user: dict, *, docs_dir: Path, site_dir: Path, custom_dir: Path, site_name: str, site_url: str,
                nav: list, logo: str | None, extra_css: list[str], warnings: list[str], token: str) -> dict:
    """Everything mkdocs needs; the project's own settings are kept where they are safe offline."""
    cfg = {k: v for k, v in user.items() if k not in ("docs_dir", "site_dir", "nav", "theme", "plugins", "INHERIT",
                                                     "markdown_extensions", "extra_css", "use_directory_urls")}
    for key in ("repo_url", "repo_name", "edit_uri"):
        if cfg.pop(key, None):
            warnings.append(f"настройка «{key}» из mkdocs.yml не используется: ссылка на репозиторий "
                            "заставляет страницы обращаться к внешнему серверу.")
    extra = dict(cfg.get("extra") or {}) if isinstance(cfg.get("extra"), dict) else {}
    analytics = analytics_setting(extra.pop("analytics", None), warnings)
    if analytics:  # opt-in only; read by partials/pk-channels.html (slides, embeds and offline kit never load it)
        extra["pk_analytics"] = analytics
    theme_user: dict = user["theme"] if isinstance(user.get("theme"), dict) else {}
    theme = {k: v for k, v in theme_user.items() if k not in ("name", "custom_dir", "font", "language", "logo")}
    theme.update(name="material", custom_dir=str(custom_dir), font=False, language="ru")
    theme["features"] = list(dict.fromkeys([*(theme_user.get("features") or DEFAULT_FEATURES)]))
    # brand colours always go through material's `custom` palette (render/site/palette.py fills it in);
    # a named material colour in mkdocs.yml is taken over as the brand colour, not applied by material
    palette = theme.get("palette")
    palette = palette[0] if isinstance(palette, list) and palette and isinstance(palette[0], dict) else palette
    palette = dict(palette) if isinstance(palette, dict) else {}
    theme["palette"] = {**palette, "primary": "custom", "accent": "custom"}
    if palette.get("scheme", "default") == "default" and (sheet := palette_stylesheet()):
        extra["pk_skip_css"] = sheet  # material's palette stylesheet holds nothing for custom colours
    if logo:
        theme["logo"] = logo
        theme.setdefault("favicon", logo)
    theme.setdefault("icon", {})
    extra.setdefault("generator", False)
    cfg.update(site_name=site_name, site_url=site_url, docs_dir=str(docs_dir), site_dir=str(site_dir),
               use_directory_urls=True, theme=theme, nav=nav, plugins=_plugins(user.get("plugins"), warnings),
               markdown_extensions=_markdown_extensions(user.get("markdown_extensions"), token),
               extra_css=[*extra_css, *local_only(user.get("extra_css"), warnings)],
               extra=extra, not_in_nav="/maps/\n/clusters/*.md\n/ambassadors/*.md\n/popularization/**\n/share/\n",
               validation={"nav": {"omitted_files": "ignore", "not_found": "warn"},
                           "links": {"not_found": "warn", "anchors": "ignore", "unrecognized_links": "ignore"}})
    cfg.setdefault("site_description", "Карьерные карты выпускников колледжей «Профессионалитета»")
    return cfg


def analytics_setting(value: object, warnings: list[str]) -> dict | None:
    """extra.analytics of mkdocs.yml → Yandex Metrica {provider: yandex, counter} or self-hosted Matomo
    {provider: matomo, url, site_id}; anything else is left out with a warning. Nothing is counted by default."""
    if not value:
        return None
    from urllib.parse import urlsplit

    v = value if isinstance(value, dict) else {}
    provider = str(v.get("provider", "")).strip().lower()
    counter = str(v.get("counter", v.get("property", ""))).strip()
    if provider in ("yandex", "metrika", "yandex-metrika") and counter.isdigit():
        return {"provider": "yandex", "counter": int(counter)}
    url = str(v.get("url", "")).strip()
    site_id = str(v.get("site_id", "")).strip()
    if provider == "matomo" and urlsplit(url).scheme == "https" and urlsplit(url).hostname and site_id.isdigit():
        return {"provider": "matomo", "url": url.rstrip("/") + "/", "site_id": int(site_id)}
    warnings.append("счётчик посещаемости (extra.analytics) не подключён: поддерживаются Яндекс Метрика "
                    "(provider: yandex, counter: номер счётчика) и свой сервер Matomo (provider: matomo, "
                    "url: https://…/, site_id: число). Другие счётчики передают данные за рубеж.")
    return None


def local_only(items: object, warnings: list[str]) -> list[str]:
    """extra_css / extra_javascript entries of mkdocs.yml that stay inside the site."""
    out = []
    for item in items if isinstance(items, list) else []:
        if not isinstance(item, str):
            continue
        if "://" in item or item.startswith("//"):
            warnings.append(f"«{item}» из mkdocs.yml не подключён: страницы не загружают файлы с других сайтов.")
        else:
            out.append(item)
    return out


def make_nav(handwritten_top: list[str], sections: dict[str, list[str]], user_nav: object,
             empty: frozenset[str] = frozenset()) -> list:
    """Only the top sections: never one entry per map (mkdocs-material renders the nav into every page).

    Sections with nothing in them (no teams, no programme; see `empty`) are left out of the menu altogether.
    """
    nav: list = [item for item in ({"Главная": "index.md"}, {"Кластеры": "clusters/index.md"},
                                    {"Амбассадоры": "ambassadors/index.md"},
                                    {"Популяризация": "popularization/index.md"})
                 if next(iter(item.values())) not in empty]
    if isinstance(user_nav, list) and user_nav:
        taken = {"index.md", "clusters/index.md", "ambassadors/index.md", "popularization/index.md"}
        for item in user_nav:
            target = item if isinstance(item, str) else (
                next(iter(item.values())) if isinstance(item, dict) and item else None)
            if isinstance(target, str) and target in taken:
                continue
            nav.append(item)
        return nav
    nav.extend(handwritten_top)
    for title, pages in sections.items():
        nav.append({title: pages})
    return nav

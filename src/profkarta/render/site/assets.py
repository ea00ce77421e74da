"""profkarta's own CSS and JavaScript for the site: one minified stylesheet, minified scripts, same bytes each build."""

from __future__ import annotations

import shutil
from pathlib import Path

ASSETS = "assets/profkarta"
CSS_PARTS = ("profkarta.css",)  # then the brand palette, so its variables win
# The site uses the reader's own system font (Roboto, San Francisco, Segoe UI all have Cyrillic): a web font
# put 55 KB before the first paint of every page on a phone. The DejaVu files stay in the package for the
# share images; a project that wants a web font adds its own stylesheet through extra_css.
NOT_SHIPPED = ("fonts.css", "fonts")
CSS_BUNDLE = f"{ASSETS}/site.min.css"
SCRIPTS = ("profkarta.js", "channels.js")


def minify_css(text: str) -> str:
    import rcssmin

    return rcssmin.cssmin(text)


def minify_js(text: str) -> str:
    import rjsmin

    return rjsmin.jsmin(text, keep_bang_comments=True)


def bundle(overrides: Path, palette_css: str) -> None:
    """Write site.min.css (fonts, profkarta.css, palette) and *.min.js next to the sources in overrides/."""
    folder = overrides / ASSETS
    for name in NOT_SHIPPED:
        path = folder / name
        if path.is_dir():
            shutil.rmtree(path)
        elif path.is_file():
            path.unlink()
    css = "\n".join((folder / name).read_text(encoding="utf-8") for name in CSS_PARTS if (folder / name).is_file())
    (overrides / CSS_BUNDLE).write_text(minify_css(css + "\n" + palette_css) + "\n", encoding="utf-8")
    for name in SCRIPTS:
        src = folder / name
        if src.is_file():
            src.with_name(src.stem + ".min.js").write_text(minify_js(src.read_text(encoding="utf-8")) + "\n",
                                                           encoding="utf-8")


def palette_stylesheet() -> str | None:
    """mkdocs-material's palette.<hash>.min.css (named colours and the dark scheme only), to leave it out."""
    try:
        import material
    except ImportError:  # pragma: no cover - mkdocs-material is a dependency
        return None
    found = sorted((Path(material.__file__).parent / "templates" / "assets" / "stylesheets").glob("palette.*.min.css"))
    return f"assets/stylesheets/{found[0].name}" if found else None

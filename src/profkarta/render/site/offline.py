"""The offline kit: web app manifest, icons, service worker and each cluster's list of files to save."""

from __future__ import annotations

import hashlib
import io
import json
import os
import stat
from pathlib import Path

from profkarta import urls
from profkarta.render.site.channels import channels_dir
from profkarta.render.site.view import SiteData

MANIFEST = "manifest.webmanifest"
SW = "sw.js"
HELP_PAGE = "offline/"  # the ambassadors' how-to (pages/offline.html)
ICONS = {"assets/profkarta/icons/icon-192.png": (192, False), "assets/profkarta/icons/icon-512.png": (512, False),
         "assets/profkarta/icons/maskable-512.png": (512, True),
         "assets/profkarta/icons/apple-touch-icon.png": (180, True)}
NAVY, ORANGE = "#14285a", "#f07d00"
# every page needs the theme's CSS, JS and fonts; search (index and its worker) is left out: it needs the network
ASSET_DIRS = ("assets/stylesheets", "assets/javascripts", "assets/profkarta", "assets/brand", "assets/images")
SKIP = ("assets/javascripts/lunr", "assets/javascripts/workers", "assets/profkarta/icons/maskable")


def offline_list(cluster: str) -> str:
    return f"offline/{cluster}.json"


def brand_colours(raw: dict) -> tuple[str, str]:
    """extra.brand primary/accent of mkdocs.yml when they are #rrggbb colours, else the federal navy and orange."""
    extra: dict = raw.get("extra") or {} if isinstance(raw.get("extra"), dict) else {}
    brand: dict = extra.get("brand") or {} if isinstance(extra.get("brand"), dict) else {}

    def pick(key: str, default: str) -> str:
        v = brand.get(key)
        return v.strip() if isinstance(v, str) and len(v.strip()) == 7 and v.strip().startswith("#") else default
    return pick("primary", NAVY), pick("accent", ORANGE)


def icon_png(side: int, padded: bool, navy: str, orange: str) -> bytes:
    """The app icon: three rising steps of a career ladder (orange and white) on the brand's navy."""
    from PIL import Image, ImageDraw

    img = Image.new("RGB", (side, side), navy)
    d = ImageDraw.Draw(img)
    inset = side * (0.2 if padded else 0.12)  # maskable icons keep their drawing inside the safe circle
    area = side - 2 * inset
    step_w = area / 3
    for i in range(3):
        h = area * (i + 1) / 3
        x0 = inset + i * step_w + step_w * 0.08
        box = [x0, inset + area - h, x0 + step_w * 0.84, inset + area]
        d.rounded_rectangle(box, radius=side * 0.03, fill=orange if i == 2 else "#ffffff")
    out = io.BytesIO()
    img.save(out, "PNG", optimize=True)
    return out.getvalue()


def manifest(site_name: str) -> str:
    short = "Карьерные карты"
    return json.dumps({
        "name": site_name, "short_name": short if len(site_name) > 24 else site_name, "lang": "ru",
        "description": "Карьерные карты выпускников колледжей «Профессионалитета»: показ без интернета",
        "start_url": "./", "scope": "./", "display": "standalone", "background_color": "#ffffff",
        "theme_color": NAVY,
        "icons": [{"src": path, "sizes": f"{side}x{side}", "type": "image/png",
                   "purpose": "maskable" if "maskable" in path else "any"}
                  for path, (side, _) in ICONS.items() if "apple" not in path],
    }, ensure_ascii=False, indent=1)


def _files_under(out_dir: Path, folder: str) -> list[str]:
    base = out_dir / folder
    if not base.is_dir():
        return []
    return sorted(p.relative_to(out_dir).as_posix() for p in base.rglob("*")
                  if p.is_file() and not p.name.endswith((".map", ".gz")) and
                  not p.relative_to(out_dir).as_posix().startswith(SKIP))


def cluster_files(data: SiteData, cid: str, out_dir: Path, shared: list[str] | None = None,
                  sizes: dict[str, int | None] | None = None) -> list[str]:
    """Site paths (relative to the root) that make the cluster's maps show offline.
    shared: the assets every cluster saves, when the caller has listed them once for all clusters;
    sizes: a memo of file sizes (None: missing) shared by the clusters, so each file is looked at once."""
    memo = sizes if sizes is not None else {}
    pages = ["", urls.cluster_page(cid), HELP_PAGE]
    for m in data.maps_of_cluster(cid):
        pages += [m.page, urls.map_slides(m.cluster_id, m.id)]
    pages += [t.page for t in data.teams if t.model.cluster == cid]
    assets = list(shared) if shared is not None else shared_assets(out_dir)
    assets += _files_under(out_dir, f"assets/logos/{cid}")
    assets = [a for a in assets if not a.endswith(("share-default.png", "LICENSE.txt"))] + [MANIFEST]
    return ([p for p in pages if file_size(out_dir, _page_file(p), memo) is not None]
            + [a for a in assets if file_size(out_dir, a, memo) is not None])


def _page_file(page: str) -> str:
    """"maps/c/m/" → "maps/c/m/index.html"; "" → "index.html"."""
    return (page.rstrip("/") + "/index.html").lstrip("/")


def file_size(out_dir: Path, rel: str, memo: dict[str, int | None]) -> int | None:
    """A regular file's size (None when there is none), looked up once per build."""
    if rel not in memo:
        try:
            st = os.stat(out_dir / rel)
            memo[rel] = st.st_size if stat.S_ISREG(st.st_mode) else None
        except OSError:
            memo[rel] = None
    return memo[rel]


def shared_assets(out_dir: Path) -> list[str]:
    return [f for d in ASSET_DIRS for f in _files_under(out_dir, d)]


def write_offline_kit(data: SiteData, raw_config: dict, out_dir: Path) -> list[str]:
    """manifest, icons, service worker and offline/<cluster>.json; returns the lists written."""
    navy, orange = brand_colours(raw_config)
    for path, (side, padded) in ICONS.items():
        target = out_dir / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(icon_png(side, padded, navy, orange))
    (out_dir / MANIFEST).write_text(manifest(data.site_name), encoding="utf-8")
    written = []
    shared = shared_assets(out_dir)  # the same for every cluster: listed once, not once per cluster
    sizes: dict[str, int | None] = {}
    for cid, cluster in data.clusters.items():
        files = cluster_files(data, cid, out_dir, shared, sizes)
        total = sum(_listed_size(out_dir, f, sizes) for f in files)
        target = out_dir / offline_list(cid)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps({"cluster": cid, "title": cluster.name, "files": files, "bytes": total},
                                     ensure_ascii=False), encoding="utf-8")
        written.append(offline_list(cid))
    # the worker's text changes with every list (so with the site): browsers then install the new one
    build = hashlib.sha256("".join((out_dir / w).read_text(encoding="utf-8") for w in written).encode()).hexdigest()
    sw = (channels_dir() / SW).read_text(encoding="utf-8").replace("__PK_BUILD__", build[:16])
    (out_dir / SW).write_text(sw, encoding="utf-8")
    return written


def _listed_size(out_dir: Path, f: str, sizes: dict[str, int | None]) -> int:
    page = file_size(out_dir, _page_file(f), sizes)
    return page if page is not None else file_size(out_dir, f, sizes) or 0


def write_help_page(writer) -> None:
    """The ambassadors' page: installing the site on Android and iPhone, saving a cluster, showing slides."""
    writer.write(HELP_PAGE, "offline.html", {
        "title": "Карты без интернета: памятка амбассадору", "hide": ["toc"],
        "description": "Как установить сайт карьерных карт на телефон (Android, iPhone) и показать карты в школе "
                       "без интернета."})

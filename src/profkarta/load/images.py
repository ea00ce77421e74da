"""Image files referenced by the data: stay inside the project, are what they claim, are safe."""

from __future__ import annotations

import os
import re
import stat
import xml.etree.ElementTree as ET
from functools import lru_cache
from pathlib import Path, PurePosixPath

RASTER = {".png": "PNG", ".jpg": "JPEG", ".jpeg": "JPEG", ".webp": "WEBP", ".gif": "GIF"}
IMAGE_EXTS = set(RASTER) | {".svg"}
MAX_IMAGE_BYTES = 5_000_000
MAX_SIDE = 6000
MAX_PIXELS = 24_000_000

_SVG_NS = "{http://www.w3.org/2000/svg}"
_XLINK = "{http://www.w3.org/1999/xlink}href"
_FORBIDDEN_TAGS = {"script", "foreignObject", "iframe", "embed", "object", "audio", "video", "handler", "listener"}
_URL_IN_CSS = re.compile(r"url\(\s*['\"]?\s*([^'\")\s]+)", re.I)
_IMPORT_IN_CSS = re.compile(r"@import", re.I)


class ImageProblem(Exception):
    """Why a referenced image is refused, in Russian, ready for a finding."""


def resolve_inside(ref: str, base: Path, root: Path) -> Path:
    """The file a relative reference names, refused if it is absolute, a URL or leads out of root."""
    if not isinstance(ref, str) or not ref.strip():
        raise ImageProblem("путь к картинке пуст. Укажите файл, например logos/college.png.")
    ref = ref.strip()
    if re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*:", ref) and not re.match(r"^[a-zA-Z]:[\\/]", ref):
        raise ImageProblem(f"«{ref}» — ссылка, а не файл: картинки берутся только из папки проекта "
                           "(ничего не скачивается). Сохраните файл в папку logos/ и укажите путь к нему.")
    if ref.startswith(("/", "\\")) or re.match(r"^[a-zA-Z]:[\\/]", ref):
        raise ImageProblem(f"«{ref}» — абсолютный путь. Укажите путь относительно папки файла, "
                           "например logos/logo.png.")
    parts = PurePosixPath(ref.replace("\\", "/")).parts
    if ".." in parts:
        raise ImageProblem(f"путь «{ref}» выходит за пределы папки («..»). Положите картинку в папку проекта.")
    # strings and os.path rather than pathlib: a national project resolves thousands of logos on every check
    try:
        resolved = os.path.realpath(os.path.join(base, *parts))
        top = os.path.realpath(root)
    except OSError as exc:
        raise ImageProblem(f"путь «{ref}» не удалось разобрать ({exc}).") from None
    if resolved != top and not resolved.startswith(top.rstrip(os.sep) + os.sep):
        raise ImageProblem(f"«{ref}» ведёт за пределы проекта (через символьную ссылку). "
                           "Скопируйте картинку в папку проекта.")
    try:
        mode = os.stat(resolved).st_mode
    except OSError:
        raise ImageProblem(f"файл «{ref}» не найден рядом с {base.name}/. Проверьте имя и папку.") from None
    if not stat.S_ISREG(mode):
        raise ImageProblem(f"«{ref}» — это папка, а не файл картинки.")
    return Path(resolved)


def check_image(path: Path) -> str:
    """Return the image kind ("PNG", "SVG", …) or raise ImageProblem saying what is wrong."""
    st = path.stat()
    return _check_cached(str(path), st.st_mtime_ns, st.st_size)


@lru_cache(maxsize=4096)
def _check_cached(path_s: str, _mtime: int, size: int) -> str:
    path = Path(path_s)
    ext = path.suffix.lower()
    if ext not in IMAGE_EXTS:
        raise ImageProblem(f"«{path.name}» — не картинка: допускаются PNG, JPEG, WEBP, GIF и SVG.")
    if size == 0:
        raise ImageProblem(f"файл «{path.name}» пуст.")
    if size > MAX_IMAGE_BYTES:
        raise ImageProblem(f"картинка «{path.name}» слишком большая ({size // 1_000_000} МБ, можно до 5 МБ). "
                           "Уменьшите её в графическом редакторе.")
    if ext == ".svg":
        check_svg(path.read_bytes(), path.name)
        return "SVG"
    return _check_raster(path, RASTER[ext])


def _check_raster(path: Path, expected: str) -> str:
    from PIL import Image, ImageFile  # imported here: validation of a project without raster logos stays light

    # both are Pillow's process-wide settings: set for this check only, then put back as they were
    # (WeasyPrint switches LOAD_TRUNCATED_IMAGES on when imported; a truncated logo must still be refused)
    limit, Image.MAX_IMAGE_PIXELS = Image.MAX_IMAGE_PIXELS, MAX_PIXELS
    truncated, ImageFile.LOAD_TRUNCATED_IMAGES = ImageFile.LOAD_TRUNCATED_IMAGES, False
    try:
        with Image.open(path) as im:
            fmt = im.format
            w, h = im.size
            if fmt != expected and not (expected == "JPEG" and fmt == "MPO"):
                raise ImageProblem(f"«{path.name}» назван как {expected}, а на самом деле это "
                                   f"{fmt or 'не картинка'}. Пересохраните картинку в нужном формате.")
            if w > MAX_SIDE or h > MAX_SIDE or w * h > MAX_PIXELS:
                raise ImageProblem(f"у картинки «{path.name}» нелепые размеры {w}×{h}: не больше "
                                   f"{MAX_SIDE} точек по стороне. Уменьшите её.")
            im.load()
    except ImageProblem:
        raise
    except Image.DecompressionBombError:
        raise ImageProblem(f"«{path.name}» разворачивается в огромное изображение (подозрение на "
                           "«бомбу распаковки»). Замените картинку.") from None
    except Exception as exc:  # Pillow raises many kinds for broken files
        raise ImageProblem(f"«{path.name}» не читается как картинка (файл повреждён или это не "
                           f"{expected}: {type(exc).__name__}). Пересохраните его.") from None
    finally:
        ImageFile.LOAD_TRUNCATED_IMAGES = truncated
        Image.MAX_IMAGE_PIXELS = limit
    return fmt


def check_svg(data: bytes, name: str) -> None:
    """Refuse SVG with DOCTYPE/entities, scripts, event handlers or references outside the file."""
    head = data[:4096].lower()
    if b"<!doctype" in data.lower() or b"<!entity" in data.lower():
        raise ImageProblem(f"SVG «{name}» содержит DOCTYPE или ENTITY — такие файлы опасны и "
                           "отклоняются. Пересохраните SVG без них (например, «Обычный SVG» в Inkscape).")
    if b"<svg" not in head and b"<svg" not in data.lower():
        raise ImageProblem(f"«{name}» — не SVG-картинка (нет элемента <svg>).")
    from defusedxml import DefusedXmlException
    from defusedxml.ElementTree import fromstring

    try:  # defusedxml: no DTD, no entities, no external references, whatever the bytes check above missed
        root = fromstring(data, forbid_dtd=True)
    except DefusedXmlException:
        raise ImageProblem(f"SVG «{name}» содержит DOCTYPE или ENTITY — такие файлы опасны и "
                           "отклоняются. Пересохраните SVG без них (например, «Обычный SVG» в Inkscape).") from None
    except ET.ParseError as exc:
        raise ImageProblem(f"SVG «{name}» повреждён: {exc}.") from None
    if root.tag not in ("svg", _SVG_NS + "svg"):
        raise ImageProblem(f"«{name}» — не SVG-картинка (корневой элемент не <svg>).")
    problems: list[str] = []
    for el in root.iter():
        tag = el.tag.split("}")[-1] if isinstance(el.tag, str) else ""
        if tag in _FORBIDDEN_TAGS:
            problems.append(f"элемент <{tag}>")
        for attr, value in el.attrib.items():
            local = attr.split("}")[-1].lower()
            if local.startswith("on"):
                problems.append(f"обработчик событий {local}")
            elif local == "href" or attr == _XLINK:
                if not _safe_ref(value):
                    problems.append(f"внешняя ссылка «{value[:60]}»")
            elif local == "style" and _bad_css(value):
                problems.append("внешняя ссылка в стиле")
        if tag == "style" and _bad_css(el.text or ""):
            problems.append("внешняя ссылка в стиле")
    if problems:
        listed = ", ".join(sorted(set(problems))[:5])
        raise ImageProblem(f"SVG «{name}» отклонён: в нём {listed}. Логотип должен содержать только фигуры "
                           "и текст; пересохраните его без скриптов и ссылок или замените на PNG.")


def _safe_ref(value: str) -> bool:
    v = value.strip().lower()
    return v.startswith("#") or v.startswith(("data:image/png", "data:image/jpeg", "data:image/gif",
                                              "data:image/webp"))


def _bad_css(text: str) -> bool:
    return bool(_IMPORT_IN_CSS.search(text)) or any(not _safe_ref(u) for u in _URL_IN_CSS.findall(text))

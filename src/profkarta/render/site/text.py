"""Small text helpers for the site: money, Russian dates, safe links, names, sanitised Markdown, JSON in HTML."""

from __future__ import annotations

import datetime as dt
import json
import re
from functools import lru_cache
from urllib.parse import urlsplit

import markdown
import nh3

from profkarta import phones
from profkarta.labels import rub

MONTHS_GEN = ("января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа",
              "сентября", "октября", "ноября", "декабря")
MONTHS_NOM = ("январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август",
              "сентябрь", "октябрь", "ноябрь", "декабрь")
SAFE_SCHEMES = ("http", "https", "tel", "mailto")

_ALLOWED_TAGS = {"p", "br", "strong", "em", "b", "i", "ul", "ol", "li", "a", "h2", "h3", "h4", "blockquote",
                 "code", "pre", "hr", "table", "thead", "tbody", "tr", "th", "td", "abbr", "sub", "sup"}


def money(value: int | float | None) -> str:
    """28000 → «28 000 ₽» (no-break spaces, so a sum never wraps)."""
    return rub(value)


def thousands(value: int | float) -> str:
    """28000 → «28 тыс.»; for compact axis labels."""
    return f"{round(value / 1000):,}".replace(",", "\u00a0") + "\u00a0тыс."


def date_ru(value: dt.date | None) -> str:
    if value is None:
        return ""
    return f"{value.day}\u00a0{MONTHS_GEN[value.month - 1]} {value.year}\u00a0г."


def month_ru(value: str | None) -> str:
    """"2026-09" → «сентябрь 2026»."""
    m = re.match(r"^(\d{4})-(\d{2})$", (value or "").strip())
    if not m or not 1 <= int(m.group(2)) <= 12:
        return value or ""
    return f"{MONTHS_NOM[int(m.group(2)) - 1]} {m.group(1)}"



def safe_url(value: str | None) -> str | None:
    """The URL when its scheme is http, https, tel or mailto; otherwise None (the link is dropped)."""
    if not isinstance(value, str) or not value.strip():
        return None
    value = value.strip()
    try:
        scheme = urlsplit(value).scheme.lower()
    except ValueError:
        return None
    if scheme not in SAFE_SCHEMES or any(ch in value for ch in "\r\n\t<>\"'`"):
        return None
    return value


@lru_cache(maxsize=4096)
def phone(value: str | None) -> str | None:
    """phones.display once per number: a college's phone is on every one of its maps (libphonenumber is slow)."""
    return phones.display(value)


@lru_cache(maxsize=4096)
def tel_url(phone: str | None) -> str | None:
    """tel:+73432174001;ext=105 — only for a number that parses (the rules refuse the others)."""
    return phones.tel_url(phone)


def mailto_url(email: str | None) -> str | None:
    if not email or not re.fullmatch(r"[^\s@<>\"']+@[^\s@<>\"']+", email.strip()):
        return None
    return f"mailto:{email.strip()}"


def web_label(url: str) -> str:
    """https://dpk.example.ru/ → dpk.example.ru (what a reader recognises)."""
    parts = urlsplit(url)
    return (parts.netloc + parts.path).rstrip("/") or url


def member_name(name: str, consent: bool) -> str:
    """152-ФЗ: the surname in full only with consent; otherwise first name and the surname's initial."""
    words = name.split()
    if consent or len(words) < 2:
        return " ".join(words)
    return f"{words[0]} {words[-1][0]}."


def markdown_safe(text: str) -> str:
    """Markdown → HTML, then sanitised with nh3 (only plain tags; links http(s), tel, mailto)."""
    html = markdown.markdown(text or "", extensions=["tables", "sane_lists"], output_format="html")
    return nh3.clean(html, tags=_ALLOWED_TAGS, url_schemes=set(SAFE_SCHEMES),
                     attributes={"a": {"href", "title"}, "abbr": {"title"}, "th": {"align"}, "td": {"align"}},
                     link_rel="noopener noreferrer")


def json_for_script(data) -> str:
    """JSON safe inside <script>: no «<», «>» or «&» at all, so no text can close or confuse the tag."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def strip_blank_lines(html: str) -> str:
    """Raw HTML for a Markdown page: no blank lines and no indentation (Markdown must leave it alone)."""
    return "\n".join(line.strip() for line in html.splitlines() if line.strip())


def share_links(url: str, title: str) -> list[tuple[str, str, str]]:
    """(key, network name, share URL) for VK, OK, Telegram and MAX; the page URL carries a channel marker."""
    from urllib.parse import quote

    def marked(source: str) -> str:
        return url + ("&" if "?" in url else "?") + "utm_source=" + source

    q = lambda s: quote(s, safe="")  # noqa: E731
    return [
        ("vk", "ВКонтакте", f"https://vk.com/share.php?url={q(marked('vk'))}&title={q(title)}"),
        ("ok", "Одноклассники", f"https://connect.ok.ru/offer?url={q(marked('ok'))}&title={q(title)}"),
        ("telegram", "Telegram", f"https://t.me/share/url?url={q(marked('telegram'))}&text={q(title)}"),
        ("max", "MAX", f"https://max.ru/:share?text={q(title + ' ' + marked('max'))}"),
    ]


def clip(value: str, limit: int) -> str:
    """At most `limit` characters, cut after a whole word and ended with «…» (meta and share descriptions)."""
    value = " ".join(value.split())
    if len(value) <= limit:
        return value
    head = value[:limit]
    cut = head if value[limit] == " " or " " not in head else head.rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:—–-(«") + "…"

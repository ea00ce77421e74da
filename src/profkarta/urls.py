"""Where every page and print file of a built site lives (one place, used by site and print)."""

from __future__ import annotations

from urllib.parse import quote, urlencode


def map_page(cluster: str, map_id: str) -> str:
    return f"maps/{cluster}/{map_id}/"


def cluster_page(cluster: str) -> str:
    return f"clusters/{cluster}/"


def team_page(team: str) -> str:
    return f"ambassadors/{team}/"


def programme_page(programme: str) -> str:
    return f"popularization/{programme}/"


def plan_page(programme: str, year: int) -> str:
    return f"popularization/{programme}/{year}/"


def report_page(programme: str, year: int) -> str:
    return f"popularization/{programme}/{year}/report/"


def programme_pdf(programme: str) -> str:
    return f"print/popularization/{programme}.pdf"


def plan_pdf(programme: str, year: int) -> str:
    return f"print/popularization/{programme}-{year}.pdf"


def report_pdf(programme: str, year: int) -> str:
    return f"print/popularization/{programme}-{year}-report.pdf"


def report_csv(programme: str, year: int) -> str:
    return f"popularization/{programme}-{year}-report.csv"


def map_pdf(cluster: str, map_id: str, fmt: str) -> str:
    """fmt is "a4" or "a3"."""
    return f"print/{cluster}/{map_id}-{fmt}.pdf"


def map_plan_pdf(cluster: str, map_id: str) -> str:
    """«Мой карьерный план», the personal plan sheet of a map."""
    return f"print/{cluster}/{map_id}-plan.pdf"


def map_slides(cluster: str, map_id: str) -> str:
    return f"maps/{cluster}/{map_id}/slides/"


def embed_map(cluster: str, map_id: str) -> str:
    return f"embed/maps/{cluster}/{map_id}/"


def embed_college(cluster: str, college: str) -> str:
    return f"embed/colleges/{cluster}/{college}/"


def college_booklet(cluster: str, college: str) -> str:
    return f"print/booklets/{cluster}-{college}.pdf"


def cluster_booklet(cluster: str) -> str:
    return f"print/booklets/{cluster}.pdf"


def team_cards(team: str) -> str:
    return f"print/cards/{team}.pdf"


def share_image(cluster: str, map_id: str) -> str:
    return f"share/{cluster}/{map_id}.jpg"  # JPEG: ~10× cheaper to encode than PNG, accepted by VK, Telegram, OK


def absolute(site_url: str, path: str) -> str:
    return site_url.rstrip("/") + "/" + quote(path.lstrip("/"))


def with_marker(url: str, source: str, campaign: str | None = None) -> str:
    """The URL with a channel marker, e.g. ?utm_source=print&utm_campaign=<cluster>."""
    params = {"utm_source": source}
    if campaign:
        params["utm_campaign"] = campaign
    return url + ("&" if "?" in url else "?") + urlencode(params)


_EXAMPLE_HOSTS = ("localhost", "127.0.0.1", "0.0.0.0", "::1")


def site_url_problem(url: str) -> tuple[str, str] | None:
    """("error" | "warning", Russian message) when a site address is unusable or a placeholder."""
    from urllib.parse import urlsplit

    url = url.strip()
    try:
        parts = urlsplit(url)
        host = (parts.hostname or "").lower()
    except ValueError:
        parts, host = None, ""
    if parts is None or parts.scheme not in ("http", "https") or not host or " " in url:
        bare = url.split("://", 1)[-1].strip("/")
        hint = f"https://{bare}/" if bare and " " not in bare else "https://college.ru/karty/"
        return "error", (f"адрес сайта «{url}» должен быть полным, с https:// в начале и «/» в конце: напишите "
                         f"site_url: {hint}")
    labels = host.split(".")
    if len(labels) < 2 and host not in _EXAMPLE_HOSTS:
        return "error", (f"в адресе сайта «{url}» нет домена (например college.ru). Напишите полный адрес: "
                         "site_url: https://college.ru/karty/")
    if host in _EXAMPLE_HOSTS or host.startswith("127.") or "example" in labels[-3:-1] or labels[-1] in (
            "example", "test", "invalid", "localhost"):
        return "warning", (f"адрес сайта «{url}» — пример или адрес этого компьютера: ссылки и QR-коды на "
                           "листовках будут вести в никуда. Впишите в mkdocs.yml в строку site_url адрес, где будет "
                           "опубликован сайт, например https://college.ru/karty/ (или укажите его при сборке: "
                           "profkarta build --site-url АДРЕС).")
    return None

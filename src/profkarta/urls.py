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


def map_pdf(cluster: str, map_id: str, fmt: str) -> str:
    """fmt is "a4" or "a3"."""
    return f"print/{cluster}/{map_id}-{fmt}.pdf"


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

"""The <iframe> code a college's web editor pastes into its site (Bitrix, WordPress, Tilda)."""

from __future__ import annotations

from html import escape


def iframe_snippet(url: str, title: str, height: int = 900) -> str:
    """The code a college's web editor pastes into Bitrix, WordPress or Tilda (documented in README)."""
    origin = "/".join(url.split("/", 3)[:3])
    return (f'<iframe src="{url}" title="{escape(title, quote=True)}" width="100%" height="{height}" '
            'style="border:0;width:100%" loading="lazy"></iframe>\n'
            '<script>addEventListener("message",function(e){'
            f'if(e.origin!=="{origin}"||!e.data||e.data.type!=="profkarta:height")return;'
            'document.querySelectorAll("iframe").forEach(function(f){'
            'if(f.contentWindow===e.source)f.style.height=e.data.height+"px"})});</script>')

"""Print: A4 handouts and A3 posters per map, booklets per college and cluster, ambassador QR cards.

render_print(validated, out_dir, site_url=…) lays out each map's A4 page with WeasyPrint (in forked
worker processes), derives the A3 poster by scaling that page by √2 and the booklets by merging the
A4 pages behind a cover and contents, and reuses unchanged PDFs from a content-hash cache.
"""

from profkarta.render.print.pipeline import PrintResult, render_print

__all__ = ["PrintResult", "render_print"]

"""Renderers: the validated project → site pages (render.site) and print files (render.print)."""

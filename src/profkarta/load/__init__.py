"""Loading: files → documents whose every value keeps its file, line and column."""

from profkarta.load.yamlfile import Document, load_yaml, split_front_matter

__all__ = ["Document", "load_yaml", "split_front_matter"]

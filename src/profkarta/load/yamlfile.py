"""Safe YAML loading with a source position for every value, and clear Russian refusals."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from profkarta.errors import LoadError
from profkarta.findings import ERROR, Finding

try:  # the C parser is several times faster; fall back where libyaml is missing
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

MAX_BYTES = 1_000_000
# Alias expansion beyond this many extra nodes is a "billion laughs" attack, not data.
MAX_ALIAS_NODES = 5_000
MAX_DEPTH = 64

Loc = tuple  # ("ladder", 0, "salary", "min")

_STD = "tag:yaml.org,2002:"
_SCALAR_TAGS = {_STD + t for t in ("str", "int", "float", "bool", "null", "timestamp")}
_CONSTRUCTOR = yaml.constructor.SafeConstructor()


def loc_str(loc: Loc) -> str:
    """("ladder", 0, "salary") → "ladder[0].salary"."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out


class Document:
    """A parsed file: plain Python data plus the position of each value and key.

    Positions are worked out on first use: a valid file never needs them, and the fast
    C loader builds the data alone.
    """

    def __init__(self, path: Path, rel: str, data: Any, marks: dict | None = None,
                 key_marks: dict | None = None, text: str | None = None, line_offset: int = 0):
        self.path = path
        self.rel = rel
        self.data = data
        self._marks = marks
        self._key_marks = key_marks if key_marks is not None else ({} if marks is not None else None)
        self._text = text
        self._offset = line_offset
        self.body = ""  # Markdown after front matter, for content pages
        self.body_line = 0
        self.digest: str | None = None  # hash of the text (set by the parse cache): a cheap key of the data

    @property
    def text(self) -> str | None:
        """The YAML text this document was parsed from (None when it came from the parse cache)."""
        return self._text

    def _positions(self) -> None:
        if self._marks is None:
            builder = _Builder(self.rel, self._offset)
            if self._text is None and self._offset == 0:  # from the parse cache: the file is as it was parsed
                try:
                    self._text = read_text(self.path, self.rel)
                except LoadError:
                    self._text = ""
            node = yaml.compose(self._text or "", Loader=_Loader)
            if node is not None:
                builder.values = False  # the data is there already: record where things are, build no scalars
                builder.build(node, ())
            self._marks, self._key_marks = builder.marks, builder.key_marks
            self._marks.setdefault((), (1 + self._offset, 1))

    @property
    def marks(self) -> dict[Loc, tuple[int, int]]:
        self._positions()
        assert self._marks is not None  # _positions() filled it
        return self._marks

    @property
    def key_marks(self) -> dict[Loc, tuple[int, int]]:
        self._positions()
        assert self._key_marks is not None
        return self._key_marks

    def pos(self, loc: Loc, key: bool = False) -> tuple[int, int]:
        """Position of the value at loc, or of its nearest ancestor that exists."""
        loc = tuple(loc)
        if key and loc in self.key_marks:
            return self.key_marks[loc]
        exact = True
        while loc:
            if loc in self.marks:
                # a block of fields or items starts on the line after its key: point at the key
                if (not exact or isinstance(self.get(loc), (dict, list))) and loc in self.key_marks:
                    return self.key_marks[loc]
                return self.marks[loc]
            loc, exact = loc[:-1], False
        return self.marks.get((), (1, 1))

    def finding(self, loc: Loc, rule: str, message: str, severity: str = ERROR,
                key: bool = False) -> Finding:
        line, col = self.pos(loc, key=key)
        return Finding(self.rel, line, col, severity, rule, loc_str(loc), message)

    def get(self, loc: Loc, default: Any = None) -> Any:
        cur = self.data
        for part in loc:
            try:
                cur = cur[part]
            except (KeyError, IndexError, TypeError):
                return default
        return cur


def _refuse(rel: str, line: int, col: int, rule: str, message: str) -> LoadError:
    return LoadError(Finding(rel, line, col, ERROR, rule, "", message))


def decode(raw: bytes, rel: str) -> str:
    """UTF-8 text (a BOM is dropped); anything else is refused with how to re-save it."""
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        col = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        hint = ""
        try:
            sample = raw.decode("cp1251")
            if sum("а" <= ch.lower() <= "я" for ch in sample) > 0:
                hint = " Похоже, он сохранён в кодировке Windows-1251."
        except UnicodeDecodeError:
            pass
        raise _refuse(rel, line, col, "Y1",
                      "файл не в кодировке UTF-8." + hint + " Пересохраните его в UTF-8: "
                      "в Блокноте — «Файл → Сохранить как», кодировка «UTF-8»; в VS Code — "
                      "«Сохранить с кодировкой» → UTF-8; в LibreOffice — «Кодировка: Юникод (UTF-8)».") from None
    if "\x00" in text:
        raise _refuse(rel, 1, 1, "Y1", "в файле есть нулевые байты: это не текстовый файл. "
                      "Сохраните данные как обычный текст в UTF-8.")
    return text


def read_text(path: Path, rel: str, limit: int = MAX_BYTES) -> str:
    try:
        size = path.stat().st_size
        if size > limit:
            raise _refuse(rel, 1, 1, "Y1", f"файл слишком большой ({size // 1024} КБ, можно не более "
                          f"{limit // 1000} КБ). Разделите его на несколько файлов или уберите лишнее.")
        with path.open("rb") as fh:
            raw = fh.read(limit + 1)
    except OSError as exc:
        raise _refuse(rel, 1, 1, "Y1", f"файл не удалось прочитать ({exc.strerror or exc}).") from None
    if len(raw) > limit:
        raise _refuse(rel, 1, 1, "Y1", "файл слишком большой (более 1 МБ). Разделите его.")
    return decode(raw, rel)


# libyaml's and PyYAML's problems (English), by their start, in words a methodologist understands
_PROBLEMS_RU = {
    "found character '\\t' that cannot start any token": "символ табуляции: в YAML отступы делаются только пробелами",
    "found a tab character": "символ табуляции в отступе: используйте пробелы",
    "found character": "значение не может начинаться с этого символа — возьмите значение в кавычки",
    "mapping values are not allowed":
        "двоеточие в неожиданном месте — возьмите значение в кавычки или проверьте отступ",
    "could not find expected ':'": "не найдено двоеточие после имени поля",
    "found undefined alias": "ссылка (*имя) на якорь, которого нет",
    "expected a single document in the stream": "в файле несколько документов YAML (---); оставьте один",
    "but found another document": "в файле несколько документов YAML (---); оставьте один",
    "did not find expected <document start>": "лишний текст после данных — проверьте отступы и строки с «%» или «---»",
    "expected '<document start>'": "лишний текст после данных — проверьте отступы и строки с «%» или «---»",
    "found unexpected end of stream": "файл неожиданно закончился — не закрыта кавычка или скобка",
    "did not find expected key": "ожидалось имя поля — проверьте отступы",
    "expected <block end>": "ожидалось имя поля — проверьте отступы",
    "did not find expected '-' indicator": "ожидался элемент списка «- » — проверьте отступы",
    "did not find expected ',' or ']'": "не закрыта квадратная скобка «]» или пропущена запятая",
    "did not find expected ',' or '}'": "не закрыта фигурная скобка «}» или пропущена запятая",
    "expected ',' or ']'": "не закрыта квадратная скобка «]» или пропущена запятая",
    "expected ',' or '}'": "не закрыта фигурная скобка «}» или пропущена запятая",
    "found unknown escape character": "неизвестная последовательность с обратной косой чертой в кавычках — "
                                      "уберите «\\» или возьмите значение в одинарные кавычки",
    "found unexpected ':'": "двоеточие в неожиданном месте — возьмите значение в кавычки",
    "found duplicate anchor": "якорь (&имя) повторяется",
}
_GENERIC = "запись не по правилам YAML"


def _char_at(text: str | None, line: int, col: int) -> str:
    """The character at a 0-based position of the text, or nothing."""
    lines = (text or "").split("\n")
    return lines[line][col] if 0 <= line < len(lines) and 0 <= col < len(lines[line]) else ""


def _syntax_error(exc: yaml.YAMLError, rel: str, line_offset: int, text: str | None = None) -> LoadError:
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    line, col = (mark.line + 1 + line_offset, mark.column + 1) if mark else (1 + line_offset, 1)
    problem = (getattr(exc, "problem", None) or "").strip()
    here = _char_at(text, mark.line, mark.column) if mark else ""
    if here == "\t" or "tab" in problem or "'\\t'" in problem:  # one hint, not the general one after it
        return _refuse(rel, line, col, "Y2", "синтаксическая ошибка YAML: символ табуляции. В YAML отступы и "
                       "промежутки делаются только пробелами — замените табуляцию пробелами.")
    else:
        ru = next((v for k, v in _PROBLEMS_RU.items() if problem.startswith(k)), _GENERIC)
        if here and problem.startswith("found character") and here not in "\t ":
            ru = f"значение не может начинаться с символа «{here}» — возьмите значение в кавычки"
    return _refuse(rel, line, col, "Y2", f"синтаксическая ошибка YAML: {ru}. "
                   "Проверьте отступы (только пробелы), двоеточия и парные кавычки.")


class _Builder:
    """Turns a composed node graph into Python values, recording positions and refusing traps."""

    def __init__(self, rel: str, line_offset: int):
        self.rel = rel
        self.off = line_offset
        self.marks: dict[Loc, tuple[int, int]] = {}
        self.key_marks: dict[Loc, tuple[int, int]] = {}
        self.seen: set[int] = set()
        self.extra = 0  # nodes built again because an alias pointed to them
        self.values = True  # False: positions only (keys are the nodes' text either way, so marks are the same)

    def pos(self, node: yaml.Node) -> tuple[int, int]:
        return node.start_mark.line + 1 + self.off, node.start_mark.column + 1

    def refuse(self, node: yaml.Node, rule: str, message: str) -> LoadError:
        line, col = self.pos(node)
        return _refuse(self.rel, line, col, rule, message)

    def build(self, node: yaml.Node, loc: Loc, stack: tuple[int, ...] = ()) -> Any:
        if id(node) in stack:
            raise self.refuse(node, "Y5", "ссылка (якорь YAML) указывает сама на себя. Уберите «&» и «*».")
        if len(stack) > MAX_DEPTH:
            raise self.refuse(node, "Y5", f"вложенность глубже {MAX_DEPTH} уровней. Упростите структуру.")
        if id(node) in self.seen:
            self.extra += 1
            if self.extra > MAX_ALIAS_NODES:
                raise self.refuse(node, "Y5", "ссылки YAML (якоря «&» и «*») разворачиваются в слишком "
                                  "большой объём данных. Запишите значения явно, без ссылок.")
        else:
            self.seen.add(id(node))
        self.marks[loc] = self.pos(node)
        stack = (*stack, id(node))
        if isinstance(node, yaml.MappingNode):
            if node.tag != _STD + "map":
                raise self._bad_tag(node)
            return self._mapping(node, loc, stack)
        if isinstance(node, yaml.SequenceNode):
            if node.tag != _STD + "seq":
                raise self._bad_tag(node)
            return [self.build(item, (*loc, i), stack) for i, item in enumerate(node.value)]
        if node.tag not in _SCALAR_TAGS:
            raise self._bad_tag(node)
        if not self.values:
            return None
        try:
            return _CONSTRUCTOR.yaml_constructors[node.tag](_CONSTRUCTOR, node)
        except (ValueError, TypeError, yaml.YAMLError):
            # e.g. a date like 2026-13-45: keep the text, the rule for the field will judge it
            return node.value

    def _bad_tag(self, node: yaml.Node) -> LoadError:
        return self.refuse(node, "Y5", f"тег YAML «{node.tag}» не допускается: файлы карт содержат "
                           "только текст, числа, даты, списки и словари. Уберите тег (слово с «!»).")

    def _pairs(self, node: yaml.MappingNode, stack: tuple[int, ...]):
        """Key/value node pairs with YAML merge keys («<<: *base») applied, explicit keys winning."""
        merged: list = []
        own: list = []
        for key_node, value_node in node.value:
            if key_node.tag == _STD + "merge":
                sources = value_node.value if isinstance(value_node, yaml.SequenceNode) else [value_node]
                for src in sources:
                    if not isinstance(src, yaml.MappingNode) or id(src) in stack:
                        raise self.refuse(value_node, "Y5", "«<<» должен ссылаться на словарь.")
                    self.extra += len(src.value)
                    merged.extend(self._pairs(src, (*stack, id(src))))
            else:
                own.append((key_node, value_node, True))
        return [(k, v, False) for k, v, _ in merged] + own

    def _mapping(self, node: yaml.MappingNode, loc: Loc, stack: tuple[int, ...]) -> dict:
        out: dict = {}
        explicit: set = set()
        for key_node, value_node, is_own in self._pairs(node, stack):
            if not isinstance(key_node, yaml.ScalarNode):
                raise self.refuse(key_node, "Y2", "имя поля должно быть простым словом, а не списком или словарём.")
            key = key_node.value
            if is_own and key in explicit:
                raise self.refuse(key_node, "Y3", f"поле «{key}» повторяется: оставьте одно из значений "
                                  f"(первое стоит на строке {self.key_marks[(*loc, key)][0]}).")
            if is_own:
                explicit.add(key)
            self.key_marks[(*loc, key)] = self.pos(key_node)
            out[key] = self.build(value_node, (*loc, key), stack)
        return out


class _Fallback(Exception):
    """The fast path met something it leaves to the careful builder (aliases, merges, odd tags)."""


class _FastLoader(_Loader):
    """The C parser with a minimal constructor: plain values only, duplicates and aliases deferred."""

    def construct_object(self, node, deep=False):
        if node in self.constructed_objects:
            raise _Fallback  # an alias: the careful builder bounds its expansion
        return super().construct_object(node, deep)

    def construct_mapping(self, node, deep=False):
        keys = set()
        for key_node, _ in node.value:
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag != _STD + "str" or key_node.value in keys:
                raise _Fallback
            keys.add(key_node.value)
        return super().construct_mapping(node, deep)


def _fallback(loader, node):
    raise _Fallback


_FastLoader.yaml_constructors = {tag: fn for tag, fn in yaml.SafeLoader.yaml_constructors.items()
                                 if tag in _SCALAR_TAGS or tag in (_STD + "map", _STD + "seq")}
_FastLoader.yaml_constructors[None] = _fallback
_FastLoader.yaml_multi_constructors = {}


def parse_yaml(text: str, rel: str, path: Path, line_offset: int = 0) -> Document:
    """Parse YAML text into a Document; raise LoadError with file:line on any refusal."""
    try:
        data = yaml.load(text, Loader=_FastLoader)
        if _plain(data, 0):
            return Document(path, rel, data, text=text, line_offset=line_offset)
    except (_Fallback, yaml.YAMLError, ValueError, TypeError, RecursionError):
        pass  # the careful builder below says precisely what is wrong, with its line
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.YAMLError as exc:
        raise _syntax_error(exc, rel, line_offset, text) from None
    except RecursionError:
        raise _refuse(rel, 1 + line_offset, 1, "Y5", "слишком глубокая вложенность YAML.") from None
    builder = _Builder(rel, line_offset)
    data = None if node is None else builder.build(node, ())
    builder.marks.setdefault((), (1 + line_offset, 1))
    return Document(path, rel, data, builder.marks, builder.key_marks)


def _plain(value: Any, depth: int) -> bool:
    """Only the value kinds the careful builder would give, and not nested too deep."""
    if depth > MAX_DEPTH:
        return False
    if isinstance(value, dict):
        return all(_plain(v, depth + 1) for v in value.values())
    if isinstance(value, list):
        return all(_plain(v, depth + 1) for v in value)
    return True


def load_yaml(path: Path, rel: str) -> Document:
    """Read and parse one YAML file of the project."""
    return parse_yaml(read_text(path, rel), rel, path)


def split_front_matter(path: Path, rel: str) -> Document:
    """A Markdown page with YAML front matter between «---» lines; the rest is the body."""
    text = read_text(path, rel)
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].strip() != "---":
        doc = Document(path, rel, None, {(): (1, 1)})
        doc.body, doc.body_line = text, 1
        return doc
    for i in range(1, len(lines)):
        if lines[i].strip() in ("---", "..."):
            doc = parse_yaml("".join(lines[1:i]), rel, path, line_offset=1)
            doc.body, doc.body_line = "".join(lines[i + 1:]), i + 2
            return doc
    raise _refuse(rel, 1, 1, "Y2", "блок параметров в начале страницы открыт строкой «---», "
                  "но не закрыт. Добавьте строку «---» после последнего параметра.")

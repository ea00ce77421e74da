"""Phone numbers: checked and normalised with Google's libphonenumber (Russia is the default country)."""

from __future__ import annotations

import re
from dataclasses import dataclass

import phonenumbers

# «доб. 105», «доп. 105», «добавочный 105», «ext. 105» at the end of a number
_EXT = re.compile(r"[\s,;]*(?:доб(?:авочный)?|доп|ext|вн)\.?\s*(\d{1,6})\s*$", re.I)
# what a phone number may be written with; anything else (letters, slashes) is not a number
_CHARS = re.compile(r"^[+\d\s()\-–—.]+$")


@dataclass(frozen=True)
class Phone:
    number: phonenumbers.PhoneNumber
    ext: str | None

    def display(self) -> str:
        """+7 (831) 295-12-35, доб. 105 — one form on every page and leaflet."""
        n = self.number
        national = str(n.national_number)
        if n.country_code == 7 and len(national) == 10:
            text = f"+7 ({national[:3]}) {national[3:6]}-{national[6:8]}-{national[8:]}"
        else:
            text = phonenumbers.format_number(n, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
        return f"{text}, доб. {self.ext}" if self.ext else text

    def tel(self) -> str:
        """A tel: link that dials the main number, then the extension (RFC 3966)."""
        e164 = phonenumbers.format_number(self.number, phonenumbers.PhoneNumberFormat.E164)
        return f"tel:{e164};ext={self.ext}" if self.ext else f"tel:{e164}"


def split_ext(value: str) -> tuple[str, str | None]:
    m = _EXT.search(value)
    return (value[: m.start()], m.group(1)) if m else (value, None)


def parse(value: str) -> Phone | str:
    """The parsed number, or a Russian sentence saying what is wrong with it."""
    main, ext = split_ext(value.strip())
    main = main.strip()
    if not main or not _CHARS.match(main):
        return (f"«{value}» не похож на номер телефона: в номере бывают только цифры, «+», скобки, пробелы и "
                "дефисы, в конце можно добавить «доб. 105».")
    digits = re.sub(r"\D", "", main)
    if not main.startswith("+") and 5 <= len(digits) <= 7:
        return (f"в номере «{value}» нет кода города: звонящий из другого города не дозвонится. Напишите номер "
                "полностью, с кодом страны и города, например +7 (831) 295-12-35.")
    try:
        number = phonenumbers.parse(main, "RU")
    except phonenumbers.NumberParseException:
        number = None
    if number is None or not phonenumbers.is_valid_number(number):
        return (f"номер «{value}» записан неверно или в нём не хватает цифр. Пишите так: +7 (343) 217-40-01 — "
                "код страны, код города (или оператора) и номер.")
    return Phone(number, ext)


def problem(value: str) -> str | None:
    result = parse(value)
    return result if isinstance(result, str) else None


def display(value: str | None) -> str | None:
    """The normalised form for output; a number that does not parse is shown as written."""
    if not value:
        return value
    result = parse(value)
    return value.strip() if isinstance(result, str) else result.display()


def tel_url(value: str | None) -> str | None:
    if not value:
        return None
    result = parse(value)
    return None if isinstance(result, str) else result.tel()

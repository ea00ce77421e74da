"""Generates a large, valid, deterministic site project of synthetic career maps for scale tests."""

from __future__ import annotations

import argparse
import io
import json
import math
import random
import re
import sys
import time
from functools import lru_cache
from pathlib import Path

from profkarta import refdata

MROT_2026 = 27093
# Which SPO groups (first two digits of a code) fit each industry; codes are taken from these
# first so that a cluster teaches something plausible, then from the rest of the official list.
GROUPS = {
    "машиностроение": "15 27 24", "сельское хозяйство": "35", "металлургия": "15 18 27",
    "железнодорожный транспорт": "23 27", "легкая промышленность": "27 54", "химическая промышленность": "18",
    "атомная промышленность": "15 20 27", "фармацевтическая промышленность": "18 27",
    "информационные технологии": "09 10", "радиоэлектроника": "11 09", "топливно-энергетический комплекс": "08 21 15",
    "транспортная отрасль": "23 25", "горнодобывающая промышленность": "21",
    "электротехническая промышленность": "11 27",
    "лесная промышленность": "35", "строительная отрасль": "07 08", "клиническая и профилактическая медицина": "31 34",
    "правоохранительная сфера и управление": "40 46 20", "педагогика": "44", "туризм и сфера услуг": "43 38",
    "средства массовой информации и коммуникационные технологии": "42 09", "искусство и креативная индустрия": "54 42",
    "индустрия робототехники": "15 27 09", "электронная промышленность": "11 27",
}
TRANSLIT = dict(zip("абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
                    ["a", "b", "v", "g", "d", "e", "e", "zh", "z", "i", "y", "k", "l", "m", "n", "o", "p", "r", "s",
                     "t", "u", "f", "h", "ts", "ch", "sh", "sch", "_", "y", "_", "e", "yu", "ya"], strict=False))
TRANSLIT.update({"ъ": "", "ь": ""})
CITY_A = ["Ново", "Красно", "Бело", "Верхне", "Нижне", "Северо", "Старо", "Зеле", "Камен", "Сосно"]
CITY_B = ["борск", "горск", "дольск", "заводск", "речинск", "польск", "ярск", "озёрск"]
# real three-digit area codes: libphonenumber (R1.4) refuses numbers in codes that do not exist
AREA_CODES = [343, 831, 495, 812, 383, 846, 863, 843, 861, 347, 342, 351, 473, 391, 423]
STREETS = ["Ленина", "Мира", "Заводская", "Школьная", "Молодёжная", "Садовая", "Индустриальная", "Победы"]
COLLEGE_KIND = ["политехнический колледж", "колледж технологий и сервиса", "многопрофильный колледж",
                "индустриальный техникум", "колледж профессиональных технологий"]
EMPLOYER_WORD = {"opc": ["АО «Завод", "АО «Комбинат", "ПАО «Холдинг", "ООО «Производственное объединение"],
                 "education": ["ГАУ «Центр", "ООО «Группа компаний", "АНО «Агентство", "ГБУ «Объединение"]}
EMPLOYER_NAME = ["Северный", "Прогресс", "Вектор", "Технопарк", "Горизонт", "Импульс", "Сфера", "Меридиан",
                 "Альянс", "Основа", "Кристалл", "Магистраль"]
COLOURS = ["#1f3a93", "#c0392b", "#16a085", "#8e44ad", "#d35400", "#2c3e50", "#27ae60", "#2980b9"]
STAGES = {  # cluster kind → stage titles and typical positions (the program title is mixed in below)
    "opc": [("Практикант", "Стажёр"), ("Молодой специалист", "Техник"), ("Специалист", "Старший техник"),
            ("Ведущий специалист", "Инженер"), ("Руководитель", "Начальник участка")],
    "education": [("Практикант", "Помощник специалиста"), ("Молодой специалист", "Специалист"),
                  ("Специалист", "Старший специалист"), ("Наставник", "Ведущий специалист"),
                  ("Руководитель", "Заведующий отделением")],
}
WHEN = ["во время обучения, 3–4 курс", "0–2 года после выпуска", "2–5 лет", "5–8 лет", "от 8 лет"]
ACTS = ["Выполняет задания под руководством наставника, осваивает оборудование и документацию.",
        "Самостоятельно выполняет типовые работы и отвечает за качество результата.",
        "Ведёт сложные задачи, разбирает нестандартные случаи и обучает новичков в {e}.",
        "Планирует работу группы, внедряет новые методы и технологии, участвует в проектах {e}.",
        "Руководит подразделением, отвечает за планы, бюджет и развитие сотрудников."]
GROWTH = ["Демонстрационный экзамен, получение квалификации и трудоустройство в {e}.",
          "Повышение квалификации за счёт работодателя и аттестация на следующий разряд или категорию.",
          "Высшее образование по целевому направлению; участие в чемпионате «Профессионалы».",
          "Программа кадрового резерва {e} и обучение управлению командой."]
SUPPORT = {
    "college": ["Цифровой паспорт компетенций и портфолио", "Участие в чемпионатах «Профессионалы»",
                "Работа в учебно-производственном комплексе", "Наставничество с первого курса",
                "Демонстрационный экзамен по стандартам работодателя", "Проектное обучение на реальных заказах"],
    "employer": ["Программа адаптации молодых специалистов", "Поддержка молодых семей",
                 "Обучение за счёт работодателя", "Компенсация аренды жилья", "Корпоративный спорт и ДМС",
                 "Стипендия работодателя для студентов"],
    "region": ["Единовременная выплата молодым специалистам", "Целевое обучение с гарантией трудоустройства",
               "Льготная ипотека для молодых специалистов", "Компенсация проезда к месту работы",
               "Региональная стипендия лучшим студентам", "Грант на переезд в муниципалитет"],
}
NAMES_M = ["Алексей", "Илья", "Тимур", "Кирилл", "Даниил", "Артём", "Максим", "Егор"]
NAMES_F = ["Дарья", "Софья", "Анастасия", "Виктория", "Полина", "Ульяна", "Мария", "Алина"]
SURNAMES = ["Смирнов", "Кузнецов", "Попов", "Волков", "Лебедев", "Морозов", "Соколов", "Захаров", "Новиков"]
PATRONYMICS = ["Петров", "Сергеев", "Викторов", "Андреев", "Николаев"]
PLAIN = re.compile(r"^[A-Za-zА-Яа-яЁё«][^\x00-\x1f\x7f]*$")  # no tabs or control characters
YAML_WORDS = {"yes", "no", "on", "off", "true", "false", "null", "y", "n", "~"}


@lru_cache(maxsize=65536)  # texts repeat across thousands of maps: quote each once
def ys(s: str) -> str:
    """A YAML-safe scalar: plain where unambiguous (more readable), JSON-quoted otherwise."""
    if PLAIN.match(s) and ": " not in s and " #" not in s and not s.endswith((":", " ")) \
            and s.lower() not in YAML_WORDS:
        return s
    return json.dumps(s, ensure_ascii=False)  # a JSON string is a valid YAML double-quoted scalar


@lru_cache(maxsize=4096)
def slug(s: str) -> str:
    out = "".join(TRANSLIT.get(c, c if c.isascii() and c.isalnum() else "-") for c in s.lower())
    return re.sub(r"-+", "-", out).strip("-")


def initials(name: str) -> str:
    words = [w for w in re.findall(r"[А-Яа-яЁёA-Za-z]+", name) if w[0].isupper()]
    return "".join(w[0] for w in words[:2]) or name[:2]


def svg_logo(text: str, colour: str, shape: int) -> str:
    # Basic shapes and text only: the validator refuses scripts, DOCTYPE and external references.
    figure = [f'<circle cx="60" cy="60" r="54" fill="{colour}"/>',
              f'<rect x="8" y="8" width="104" height="104" rx="18" fill="{colour}"/>',
              f'<polygon points="60,4 116,60 60,116 4,60" fill="{colour}"/>'][shape % 3]
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="120" '
            f'height="120" viewBox="0 0 120 120">{figure}<text x="60" y="72" font-family="sans-serif" '
            f'font-size="34" font-weight="bold" text-anchor="middle" fill="#ffffff">{text}</text></svg>\n')


_PNG_CACHE: dict[tuple, bytes] = {}


def png_logo(colour: str, shape: int) -> bytes:
    # Cached by look: a thousand clusters need only a couple dozen distinct drawings.
    key = (colour, shape % 3)
    if key not in _PNG_CACHE:
        from PIL import Image, ImageDraw
        im = Image.new("RGB", (128, 128), "white")
        d = ImageDraw.Draw(im)
        box = (10, 10, 118, 118)
        (d.ellipse, d.rectangle, lambda b, fill: d.polygon([(64, 6), (122, 64), (64, 122), (6, 64)], fill=fill))[
            key[1]](box, fill=colour)
        d.rectangle((44, 44, 84, 84), fill="white")
        buf = io.BytesIO()
        im.save(buf, "PNG")  # no timestamps in Pillow's PNG: bytes are stable
        _PNG_CACHE[key] = buf.getvalue()
    return _PNG_CACHE[key]


def industry_order() -> list[tuple[str, list[str]]]:
    """Industries interleaved by kind so even a handful of clusters has both kinds."""
    groups: dict[str, list[str]] = {}
    for name in refdata.industry_names():
        kinds = sorted(refdata.industry_kinds(name))
        groups.setdefault(" ".join(kinds), []).append(name)
    spread = [((j + 0.5) / len(names), key, name) for key, names in sorted(groups.items())
              for j, name in enumerate(names)]
    return [(name, key.split()) for _, key, name in sorted(spread)]


def program_pool(rng: random.Random, industry: str) -> list:
    spo = refdata.spo_programs()
    prefer = GROUPS.get(industry, "").split()
    first = [p for c, p in sorted(spo.items()) if c[:2] in prefer]
    rest = [p for c, p in sorted(spo.items()) if c[:2] not in prefer]
    rng.shuffle(first)
    rng.shuffle(rest)
    return first + rest


def synthetic(rng: random.Random, industry: str, used: set) -> tuple[str, str, str]:
    group = (GROUPS.get(industry, "15").split() or ["15"])[0]
    while True:  # 50–99 are free in the official numbering of most groups: few clashes with real codes
        k = rng.choice("12")
        code = f"{group}.0{k}.{rng.randint(50, 99)}"
        if code not in used:
            return code, "profession" if k == "1" else "specialty", f"Профиль {code} отрасли «{industry}»"


def salary_lines(rng: random.Random, stages: int) -> list[str]:
    lo = rng.randrange(MROT_2026 + 407, 38000, 500)  # first min stays above the 2026 minimum wage
    out = []
    for _ in range(stages):
        avg = round(lo * rng.uniform(1.12, 1.25), -2)
        hi = round(avg * rng.uniform(1.15, 1.4), -2)
        out.append(f"{{min: {lo}, avg: {int(avg)}, max: {int(hi)}}}")
        lo = int(round(lo * rng.uniform(1.3, 1.45), -2))  # next min ≥ 1.3·min > this avg: averages rise
    return out


def bullet(items: list[str], indent: str) -> str:
    return "".join(f"{indent}- {ys(i)}\n" for i in items)


def map_text(rng: random.Random, c: dict, college: dict, prog: tuple, draft: bool) -> str:
    code, kind, title = prog
    emps = sorted(rng.sample([e["id"] for e in c["employers"]], rng.randint(1, min(3, len(c["employers"])))))
    emp_name = c["employers_by_id"][emps[0]]
    n = rng.randint(4, 5)
    head = (f"# Карьерная карта выпускника (сгенерировано scripts/gen_corpus.py).\nprogram:\n"
            f"  code: \"{code}\"\n  kind: {kind}\n  title: {ys(title)}\n"
            f"  duration: {ys(rng.choice(['2 года 10 месяцев', '3 года 10 месяцев', '1 год 10 месяцев']))}\n"
            f"college: {college['id']}\nemployers: [{', '.join(emps)}]\n")
    if draft:
        head += "status: draft\n"
    else:
        head += (f"status: approved\napproval:\n  body: {ys('Региональный наблюдательный совет: ' + c['region'])}\n"
                 f"  protocol: \"{rng.randint(1, 40)}\"\n"
                 f"  date: 2026-{rng.randint(1, 10):02d}-{rng.randint(1, 28):02d}\n")
    summary = f"Выпускники по направлению «{title}» работают на предприятиях кластера «{c['short']}»."
    head += f"summary: {ys(summary)}\n"
    stages = STAGES[c["kind"]]
    picks = [0, 1, 2, 3, 4] if n == 5 else [0, 1, 2, 4]
    sal = salary_lines(rng, n)
    growth = [GROWTH[g] for g in sorted(rng.sample(range(len(GROWTH)), n - 1))]  # in career order, no repeats
    body = ["ladder:\n"]
    for s, idx in enumerate(picks):
        st_title, pos = stages[idx]
        positions = [pos, f"{pos} по направлению «{title}»"][: rng.randint(1, 2)]
        body.append(f"  - title: {st_title}\n    positions:\n{bullet(positions, '      ')}"
                    f"    when: {WHEN[idx]}\n    activities: {ys(ACTS[idx].format(t=title, e=emp_name))}\n")
        if s < n - 1:
            body.append(f"    growth: {ys(growth[s].format(e=emp_name))}\n")
        body.append(f"    salary: {sal[s]}\n")
    body.append("support:\n")
    for key in ("college", "employer", "region"):
        items = rng.sample(SUPPORT[key], rng.randint(2, 4))
        body.append(f"  {key}:\n{bullet(items, '    ')}")
    return head + "".join(body)


def cluster_text(c: dict) -> str:
    def contacts(x: dict, ind: str) -> str:
        return "".join(f"{ind}{k}: {ys(x[k])}\n" for k in ("address", "phone", "email", "website") if k in x)
    cols = "".join(f"  - id: {col['id']}\n    name: {ys(col['name'])}\n    short_name: {ys(col['short'])}\n"
                   f"    logo: {col['logo']}\n    city: {ys(col['city'])}\n{contacts(col, '    ')}"
                   f"    programs: [{', '.join(json.dumps(p) for p in col['programs'])}]\n" for col in c["colleges"])
    emps = "".join(f"  - id: {e['id']}\n    name: {ys(e['name'])}\n    logo: {e['logo']}\n"
                   f"    website: {e['website']}\n" for e in c["employers"])
    return (f"# Кластер (сгенерировано scripts/gen_corpus.py).\nname: {ys(c['name'])}\nkind: {c['kind']}\n"
            f"industry: {ys(c['industry'])}\nindustry_logo: logos/industry.svg\nregion: {ys(c['region'])}\n"
            f"managing_council: {ys('Управляющий совет кластера «' + c['short'] + '»')}\n"
            f"colleges:\n{cols}employers:\n{emps}contacts:\n{contacts(c['contacts'], '  ')}")


def person(rng: random.Random) -> tuple[str, str, str]:
    if rng.random() < 0.5:
        return rng.choice(NAMES_M), rng.choice(SURNAMES), rng.choice(PATRONYMICS) + "ич"
    return rng.choice(NAMES_F), rng.choice(SURNAMES) + "а", rng.choice(PATRONYMICS) + "на"


def plural(n: int, one: str, few: str, many: str) -> str:
    tail = n % 100
    form = many if 11 <= tail <= 14 else one if n % 10 == 1 else few if 2 <= n % 10 <= 4 else many
    return f"{n} {form}"


def team_text(rng: random.Random, i: int, c: dict, col: dict) -> str:
    lines = [f"---\nteam: {ys('Амбассадоры ' + col['short'] + ' — команда ' + str(i + 1))}\ncluster: {c['id']}\n"
             f"college: {col['id']}\ncurator:\n  name: {ys('{1} {0} {2}'.format(*person(rng)))}\n"
             f"  position: преподаватель специальных дисциплин\nmembers:\n"]
    for m in range(rng.randint(4, 7)):
        first, last, _ = person(rng)
        lines.append(f"  - name: {first} {last}\n    course: {rng.randint(1, 4)}\n")
        if col["programs"]:
            lines.append(f"    program: \"{rng.choice(col['programs'])}\"\n")
        if m == 0:
            lines.append("    role: капитан команды\n")
        if rng.random() < 0.4:
            lines.append("    consent: true\n")
    lines.append(f"links:\n  vk: https://vk.com/{col['id']}_team{i + 1}\n---\n\n"
                 f"Мы — студенты колледжа «{col['short']}» ({c['region']}) и рассказываем школьникам "
                 f"о профессиях отрасли «{c['industry']}».\n")
    return "".join(lines)


_MADE: set[Path] = set()


def write(path: Path, data: str | bytes) -> None:
    if path.parent not in _MADE:  # one mkdir per folder, not per file
        path.parent.mkdir(parents=True, exist_ok=True)
        _MADE.add(path.parent)
    if isinstance(data, bytes):
        path.write_bytes(data)
    else:
        path.write_text(data, encoding="utf-8", newline="\n")


def make_cluster(rng: random.Random, i: int, region: str, industry: str, kind: str, n_maps: int) -> dict:
    city = rng.choice(CITY_A) + rng.choice(CITY_B)
    cid = f"{slug(industry.split()[0])[:14]}-{i + 1:04d}"
    short = f"{city} — {industry}"

    def contact(host: str) -> dict:
        return {"address": f"{rng.randint(100, 699)}{rng.randint(0, 999):03d}, {region}, г. {city}, "
                           f"ул. {rng.choice(STREETS)}, д. {rng.randint(1, 120)}",
                "phone": f"+7 ({rng.choice(AREA_CODES)}) {rng.randint(200, 999)}-{rng.randint(10, 99)}-"
                         f"{rng.randint(10, 99)}", "email": f"priem@{host}.example.ru",
                "website": f"https://{host}.example.ru"}
    colleges = []
    for j in range(rng.randint(1, min(3, n_maps))):
        kind_words = COLLEGE_KIND[(i + j) % len(COLLEGE_KIND)]
        name = f"ГАПОУ «{city}ий {kind_words}»"  # «Новоборский политехнический колледж» → НПК
        col = {"id": f"{cid}-k{j + 1}", "name": name, "city": f"г. {city}",
               "short": "".join(w[0].upper() for w in f"{city}ий {kind_words}".split()),
               "logo": f"logos/college-{j + 1}.svg", "programs": []}
        col.update(contact(col["id"]))
        colleges.append(col)
    employers = []
    for j in range(rng.randint(2, 4)):
        name = f"{rng.choice(EMPLOYER_WORD[kind])} {EMPLOYER_NAME[(i * 3 + j) % len(EMPLOYER_NAME)]}»"
        eid = f"{cid}-r{j + 1}"
        employers.append({"id": eid, "name": name, "website": f"https://{eid}.example.ru",
                          "logo": "logos/partner.png" if j == 0 else f"logos/partner-{j + 1}.svg"})
    return {"id": cid, "region": region, "industry": industry, "kind": kind, "short": short,
            "name": f"{'ОПЦ(К)' if kind == 'opc' else 'Образовательный кластер'} «{short}»",
            "colleges": colleges, "employers": employers, "contacts": contact(cid),
            "employers_by_id": {e["id"]: e["name"] for e in employers}}


def generate(n: int, out: Path, seed: int = 1, teams: int | None = None) -> dict:
    rng = random.Random(seed)
    _MADE.clear()  # a second run in the same process may target a folder made anew
    regions, industries = refdata.region_names(), industry_order()
    n_clusters = math.ceil(n / 10)
    teams = min(n // 50, 200) if teams is None else teams
    drafts = set(rng.sample(range(n), round(n * 0.02)))
    clusters, m = [], 0
    for i in range(n_clusters):
        n_maps = n // n_clusters + (1 if i < n % n_clusters else 0)
        industry, kinds = industries[i % len(industries)]
        kind = kinds[0] if len(kinds) == 1 else kinds[(i // len(industries)) % 2]  # unspecified: both kinds
        c = make_cluster(rng, i, regions[i % len(regions)], industry, kind, n_maps)
        folder = out / "career_maps" / c["id"]
        pools = {col["id"]: program_pool(rng, industry) for col in c["colleges"]}
        used: dict[str, set] = {col["id"]: set() for col in c["colleges"]}
        for k in range(n_maps):
            col = c["colleges"][k] if k < len(c["colleges"]) else rng.choice(c["colleges"])
            pool = pools[col["id"]]
            if pool:
                p = pool.pop(0)
                prog = (p.code, p.kind, p.title)
            else:  # the official list ran out for this college: a synthetic code only warns (R2.1)
                prog = synthetic(rng, industry, used[col["id"]])
            used[col["id"]].add(prog[0])
            draft = m in drafts
            if not draft:
                col["programs"].append(prog[0])  # K1: list exactly the approved maps' codes
            write(folder / f"{slug(prog[2])[:32].strip('-')}-{k + 1}.yaml",
                  map_text(rng, c, col, prog, draft))
            m += 1
        colour = COLOURS[i % len(COLOURS)]
        write(folder / "cluster.yaml", cluster_text(c))
        write(folder / "logos" / "industry.svg", svg_logo(initials(industry.capitalize()), colour, i))
        for j, col in enumerate(c["colleges"]):
            write(folder / col["logo"], svg_logo(col["short"][:2], COLOURS[(i + j + 1) % 8], j + 1))
        for j, e in enumerate(c["employers"]):
            data = png_logo(colour, i) if e["logo"].endswith(".png") else svg_logo(
                initials(e["name"].split("«")[1]), COLOURS[(i + j + 3) % 8], j)
            write(folder / e["logo"], data)
        clusters.append(c)
    for t in range(teams):
        c = clusters[t % len(clusters)]
        write(out / "content" / "ambassadors" / f"komanda-{t + 1:03d}.md",
              team_text(rng, t, c, rng.choice(c["colleges"])))
    write(out / "mkdocs.yml", MKDOCS)
    write(out / "theme" / "brand" / "professionalitet-placeholder.svg", svg_logo("ПФ", "#1f3a93", 1))
    write(out / "content" / "index.md", f"# Карьерные карты «Профессионалитета»\n\nСгенерированный корпус: "
          f"{n} карт в {n_clusters} кластерах, {teams} команд амбассадоров. Данные вымышленные.\n")
    return {"clusters": n_clusters, "maps": n, "drafts": len(drafts), "teams": teams}


MKDOCS = """# Сгенерировано scripts/gen_corpus.py: нагрузочный корпус карьерных карт.
site_name: Карьерные карты Профессионалитета — нагрузочный корпус
site_url: https://karty.example.ru/
theme:
  name: material
  language: ru
  font: false
extra:
  brand:
    logo: theme/brand/professionalitet-placeholder.svg
    name: «Профессионалитет»
plugins:
  - search:
      lang: ru
"""


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Генерирует корпус карьерных карт для нагрузочных тестов.")
    ap.add_argument("n", type=int, metavar="N", help="сколько карт")
    ap.add_argument("out", type=Path, metavar="OUT", help="пустая или несуществующая папка")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--teams", type=int, default=None, help="команд амбассадоров (по умолчанию min(N//50, 200))")
    args = ap.parse_args(argv)
    if args.n < 1:
        ap.error("N должно быть не меньше 1")
    if args.out.exists() and (not args.out.is_dir() or any(args.out.iterdir())):
        print(f"ошибка: папка {args.out} не пуста — ничего не записано.", file=sys.stderr)
        return 1
    start = time.perf_counter()  # only for the summary line; never feeds the data
    s = generate(args.n, args.out, args.seed, args.teams)
    print(f"Готово: {plural(s['clusters'], 'кластер', 'кластера', 'кластеров')}, "
          f"{plural(s['maps'], 'карта', 'карты', 'карт')} (проектов: {s['drafts']}), "
          f"{plural(s['teams'], 'команда', 'команды', 'команд')} амбассадоров → {args.out} "
          f"за {time.perf_counter() - start:.1f} с")
    return 0


if __name__ == "__main__":
    sys.exit(main())

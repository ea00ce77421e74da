"""T: ambassador teams — 4 to 7 members, one curator, existing cluster and college, safe links."""

from __future__ import annotations

import re

from profkarta.findings import WARNING
from profkarta.load.project import MAPS_DIR, Entry, Project
from profkarta.rules.context import URL, Ctx, as_date, as_list, text

MIN_MEMBERS, MAX_MEMBERS = 4, 7
MIN_COURSE, MAX_COURSE = 1, 6
# a curator is «a teacher of their college» (the guide): any of these stems names a teaching role
TEACHING = ("преподав", "педагог", "учител", "мастер производственного обучения", "мастер п/о", "методист",
            "воспитат", "тьютор", "куратор", "наставник", "советник директора", "заведующ", "руководитель отделения",
            "заместитель директора")
PLAN_EVENT = re.compile(r"^([a-z0-9][a-z0-9-]*)/(\d{4})#([a-z0-9][a-z0-9-]*)$")


def check_team(ctx: Ctx, entry: Entry, project: Project) -> None:
    doc = entry.doc
    data = doc.data if isinstance(doc.data, dict) else {}
    members = data.get("members")
    if isinstance(members, list) and not MIN_MEMBERS <= len(members) <= MAX_MEMBERS:
        ctx.add(doc, ("members",), "T", f"студентов в команде: {len(members)}, а нужно от {MIN_MEMBERS} до "
                f"{MAX_MEMBERS} (куратор не считается). Исправьте список members.")
    if isinstance(members, list):
        for i, m in enumerate(members):
            if isinstance(m, dict) and "name" in m and not text(m.get("name")):
                ctx.add(doc, ("members", i, "name"), "T", "имя участника пустое. Заполните его.")
    _members_study_here(ctx, entry, project, members)
    curator = data.get("curator")
    if isinstance(curator, dict) and text(curator.get("position")):
        position = str(curator["position"]).lower()
        if not any(stem in position for stem in TEACHING):
            ctx.add(doc, ("curator", "position"), "T", f"должность куратора «{curator['position']}» не похожа на "
                    "педагогическую: куратор команды — педагог колледжа (преподаватель, мастер производственного "
                    "обучения, методист, педагог-организатор). Уточните должность.", severity=WARNING)
    if isinstance(curator, list):
        ctx.add(doc, ("curator",), "T", "куратор должен быть ровно один: укажите одного (name и position), не список.")
    elif isinstance(curator, dict):
        for key, what in (("name", "ФИО"), ("position", "должность")):
            if key in curator and not text(curator.get(key)):
                ctx.add(doc, ("curator", key), "T", f"не указана {what} куратора. Заполните curator.{key}.")
    cluster_id, college = data.get("cluster"), data.get("college")
    if isinstance(cluster_id, str):
        cluster = project.clusters.get(cluster_id)
        unreadable = (project.root / MAPS_DIR / cluster_id / "cluster.yaml").is_file()
        if cluster is None and unreadable:
            pass  # its cluster.yaml exists but could not be read: that file's error says why
        elif cluster is None:
            known = ", ".join(sorted(project.clusters)) or "нет ни одного"
            ctx.add(doc, ("cluster",), "T", f"кластера «{cluster_id}» нет в career_maps/ (есть: {known}). "
                    "Исправьте id кластера.")
        elif isinstance(college, str):
            ids = [c.get("id") for c in as_list(cluster.doc.get(("colleges",))) if isinstance(c, dict)]
            if college not in ids:
                ctx.add(doc, ("college",), "T", f"колледжа «{college}» нет в кластере «{cluster_id}» "
                        f"(есть: {', '.join(str(i) for i in ids)}). Исправьте id колледжа.")
    links = data.get("links")
    if isinstance(links, dict):
        for key, url in links.items():
            if not isinstance(url, str) or not URL.match(url.strip()):
                ctx.add(doc, ("links", key), "T", f"ссылка «{url}» должна быть адресом https:// или http://, "
                        "например https://vk.com/team.")


def _members_study_here(ctx: Ctx, entry: Entry, project: Project, members: object) -> None:
    """Members study at the team's college: their codes among the college's programs; a course from 1 to 6."""
    doc = entry.doc
    data = doc.data if isinstance(doc.data, dict) else {}
    cluster_id = data.get("cluster")
    cluster = project.clusters.get(cluster_id) if isinstance(cluster_id, str) else None
    college = next((c for c in as_list(cluster.doc.get(("colleges",))) if isinstance(c, dict)
                    and c.get("id") == data.get("college")), None) if cluster is not None else None
    taught = [str(p) for p in as_list(college.get("programs"))] if college else []
    for i, m in enumerate(as_list(members)):
        if not isinstance(m, dict):
            continue
        course = m.get("course")
        if isinstance(course, int) and not isinstance(course, bool) and not MIN_COURSE <= course <= MAX_COURSE:
            ctx.add(doc, ("members", i, "course"), "T", f"курс {course}: в колледже учатся с {MIN_COURSE} по "
                    f"{MAX_COURSE} курс. Исправьте число.")
        code = m.get("program")
        if taught and isinstance(code, str) and code.strip() and code.strip() not in taught:
            ctx.add(doc, ("members", i, "program"), "T", f"код {code} не входит в программы колледжа "
                    f"«{data.get('college')}» ({', '.join(taught)}): амбассадоры — студенты своего колледжа. "
                    "Исправьте код или допишите его в programs колледжа в cluster.yaml.", severity=WARNING)


def check_activity(ctx: Ctx, entry: Entry, project: Project) -> None:
    """T: what the team did — dates not in the future, plan_event pointing at an event of a plan."""
    doc = entry.doc
    for i, item in enumerate(as_list(doc.data.get("activity"))):
        if not isinstance(item, dict):
            continue
        date = as_date(item.get("date"))
        if date and date > ctx.today:
            ctx.add(doc, ("activity", i, "date"), "T", f"дата {date:%d.%m.%Y} ещё не наступила: в activity записывают "
                    "то, что уже сделано. Запланированное — в план мероприятий программы.")
        ref = item.get("plan_event")
        if ref is None:
            continue
        m = PLAN_EVENT.match(ref.strip()) if isinstance(ref, str) else None
        if not m:
            ctx.add(doc, ("activity", i, "plan_event"), "T", f"ссылка «{ref}» записана неверно. Пишите "
                    "ПРОГРАММА/ГОД#ID мероприятия, например sverdlovsk-2026/2026#uroki-ambassadorov.")
            continue
        pid, year, eid = m.groups()
        plan = next((p for p in project.plans if p.id == f"{pid}/{year}"), None)
        if plan is None:
            ctx.add(doc, ("activity", i, "plan_event"), "T", f"плана «{pid}/{year}» нет (нужен файл "
                    f"content/popularization/{pid}/{year}.yaml). Исправьте ссылку.")
            continue
        ids = [e.get("id") for e in as_list(plan.doc.data.get("events") if isinstance(plan.doc.data, dict) else None)
               if isinstance(e, dict) and e.get("id")]
        if eid not in ids:
            known = ", ".join(str(x) for x in ids) or "ни у одного мероприятия нет id"
            ctx.add(doc, ("activity", i, "plan_event"), "T", f"в плане {pid}/{year} нет мероприятия с id «{eid}» "
                    f"(есть: {known}). Исправьте ссылку или добавьте id мероприятию в плане.")

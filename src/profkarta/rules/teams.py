"""T: ambassador teams — 4 to 7 members, one curator, existing cluster and college, safe links."""

from __future__ import annotations

from profkarta.load.project import MAPS_DIR, Entry, Project
from profkarta.rules.context import URL, Ctx, as_list, text

MIN_MEMBERS, MAX_MEMBERS = 4, 7


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
    curator = data.get("curator")
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

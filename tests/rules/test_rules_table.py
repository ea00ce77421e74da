"""Every guideline rule: one edit of a valid project breaks exactly that rule, at the expected line."""

from __future__ import annotations

import pytest

from profkarta.findings import ERROR, WARNING
from tests.util import CLUSTER, MAP, PLAN, PROGRAMME, TEAM, check, copy_project, edit, line_of

STAGE1 = "salary: {min: 28000, avg: 32000, max: 38000}"
STAGE2 = "salary: {min: 55000, avg: 65000, max: 80000}"
REGION_SUPPORT = "  region:\n    - Единовременная выплата молодым специалистам\n    - Целевое обучение с гарантией трудоустройства"
STAGES_3_4 = "  - title: Специалист\n"
PARTICIPANTS = ("participants:\n  recommended:\n    - Министерство образования области (РОИВ)\n    - Общеобразовательные "
                "школы\n    - Колледжи кластеров\n    - Предприятия-партнёры\n    - ЦОПП\n    - Центр занятости "
                "населения\n    - Региональные СМИ\n    - Педагоги-психологи и социальные педагоги\n"
                "  additional: [команды амбассадоров]\n")
SUPPORT = "\n# Мотивационные"
BRANCH = """
branches:
  - from: 2
    title: Экспертная траектория
    stages:
      - title: Наладчик-эксперт
        positions: [Наладчик станков с ЧПУ 6 разряда]
        when: 2–6 лет после выпуска
        activities: Наладка сложного оборудования, обучение молодых рабочих.
        growth: Сертификат эксперта демонстрационного экзамена.
        salary: {min: 75000, avg: 90000, max: 115000}
      - title: Главный эксперт
        positions: [Главный эксперт чемпионата]
        when: от 6 лет
        activities: Подготовка сборной предприятия к чемпионатам.
        salary: {min: 100000, avg: 120000, max: 150000}
"""


def branch(old: str = "", new: str = "") -> str:
    """The valid branch with one edit, placed before the support section."""
    assert old in BRANCH
    return BRANCH.replace(old, new, 1) + SUPPORT

# (case id, file, old text, new text, rule, severity, line marker or None = the line of the new text)
CASES = [
    ("r2_4_min_above_avg", MAP, STAGE1, "salary: {min: 33000, avg: 32000, max: 38000}", "R2.4", ERROR, None),
    ("r2_4_avg_above_max", MAP, STAGE1, "salary: {min: 28000, avg: 39000, max: 38000}", "R2.4", ERROR, None),
    ("r2_4_words", MAP, STAGE1, "salary: {min: двадцать, avg: 32000, max: 38000}", "R2.4", ERROR, None),
    ("r2_4_fraction", MAP, STAGE1, "salary: {min: 28000.5, avg: 32000, max: 38000}", "R2.4", ERROR, None),
    ("r2_4_spaces", MAP, STAGE1, "salary: {min: 28 000, avg: 32000, max: 38000}", "R2.4", ERROR, None),
    ("r2_4_zero", MAP, STAGE1, "salary: {min: 0, avg: 32000, max: 38000}", "R2.4", ERROR, None),
    ("r2_4_negative", MAP, STAGE1, "salary: {min: -5, avg: 32000, max: 38000}", "R2.4", ERROR, None),
    ("r2_4_missing_max", MAP, STAGE1, "salary: {min: 28000, avg: 32000}", "R2.4", ERROR, None),
    ("r2_4_no_salary", MAP, "    " + STAGE1 + "\n", "", "R2.4", ERROR, "  - title: Практикант"),
    ("r2_4_below_minimum_wage", MAP, STAGE1, "salary: {min: 20000, avg: 32000, max: 38000}", "R2.4", WARNING, None),
    ("r2_4_average_falls", MAP, STAGE2, "salary: {min: 28000, avg: 30000, max: 80000}", "R2.4", WARNING, None),
    ("y4_unknown_stage_field", MAP, "  - title: Руководитель", "  - title: Руководитель\n    ignore: 1", "Y4", ERROR,
     "    ignore: 1"),
    ("r2_2_no_positions", MAP, "positions: [Техник-технолог, Наладчик станков с ЧПУ]", "positions: []", "R2.2", ERROR, None),
    ("r2_2_positions_missing", MAP, "    positions: [Техник-технолог, Наладчик станков с ЧПУ]\n", "", "R2.2", ERROR,
     "  - title: Молодой специалист"),
    ("r2_3_no_activities", MAP, "    activities: Разработка операций технологического процесса, наладка оборудования, "
     "работа с технической документацией.\n", "", "R2.3", ERROR, "  - title: Молодой специалист"),
    ("r2_3_empty_activities", MAP, "activities: Разработка операций технологического процесса, наладка оборудования, "
     "работа с технической документацией.", "activities: ''", "R2.3", ERROR, None),
    ("r2_3_no_growth", MAP, "    growth: Высшее образование по целевому направлению, руководство участком.\n", "", "R2.3",
     ERROR, "  - title: Специалист"),
    ("r2_1_bad_code", MAP, 'code: "15.02.16"', 'code: "15.2.16"', "R2.1", ERROR, None),
    ("r2_1_kind_mismatch", MAP, "kind: specialty", "kind: profession", "R2.1", ERROR, None),
    ("r2_1_unknown_kind", MAP, "kind: specialty", "kind: speciality", "R2.1", ERROR, None),
    ("r2_1_code_as_number", MAP, 'code: "15.02.16"', "code: 15.02", "R2.1", ERROR, None),
    ("r2_1_no_title", MAP, "  title: Технология машиностроения\n", "", "R2.1", ERROR, "program:"),
    ("r2_2_branch_from_out_of_range", MAP, SUPPORT, branch("from: 2", "from: 7"), "R2.2", ERROR, "  - from: 7"),
    ("r2_2_branch_from_zero", MAP, SUPPORT, branch("from: 2", "from: 0"), "R2.2", ERROR, "  - from: 0"),
    ("r2_2_branch_from_text", MAP, SUPPORT, branch("from: 2", "from: второй"), "R2.2", ERROR, "  - from: второй"),
    ("r2_2_branch_no_title", MAP, SUPPORT, branch("    title: Экспертная траектория\n"), "R2.2", ERROR, "  - from: 2"),
    ("r2_2_branch_no_stages", MAP, SUPPORT, BRANCH[:BRANCH.index("    stages:")] + "    stages: []\n" + SUPPORT, "R2.2",
     ERROR, "    stages: []"),
    ("r2_2_branch_stage_no_positions", MAP, SUPPORT, branch("positions: [Главный эксперт чемпионата]", "positions: []"),
     "R2.2", ERROR, "        positions: []"),
    ("r2_3_branch_stage_no_growth", MAP, SUPPORT, branch("        growth: Сертификат эксперта демонстрационного "
     "экзамена.\n"), "R2.3", ERROR, "      - title: Наладчик-эксперт"),
    ("r2_4_branch_min_above_max", MAP, SUPPORT, branch("{min: 100000, avg: 120000, max: 150000}",
     "{min: 160000, avg: 120000, max: 150000}"), "R2.4", ERROR, "{min: 160000"),
    ("r2_4_branch_salary_words", MAP, SUPPORT, branch("{min: 75000,", "{min: много,"), "R2.4", ERROR, "{min: много"),
    ("r2_4_branch_average_falls", MAP, SUPPORT, branch("{min: 75000, avg: 90000, max: 115000}",
     "{min: 40000, avg: 50000, max: 60000}"), "R2.4", WARNING, "{min: 40000"),
    ("r2_5_no_when", MAP, "    when: 0–2 года после выпуска\n", "", "R2.5", WARNING, "  - title: Молодой специалист"),
    ("r2_5_branch_no_when", MAP, SUPPORT, branch("        when: от 6 лет\n"), "R2.5", WARNING,
     "      - title: Главный эксперт"),
    ("r2_5_years_reversed", MAP, "    when: 2–5 лет\n", "    when: 2–5 лет\n    years: [5, 2]\n", "R2.5", ERROR,
     "    years: [5, 2]"),
    ("r2_5_years_words", MAP, "    when: 2–5 лет\n", "    when: 2–5 лет\n    years: [два, 5]\n", "R2.5", ERROR,
     "    years: [два, 5]"),
    ("r2_5_years_one_number", MAP, "    when: 2–5 лет\n", "    when: 2–5 лет\n    years: [2]\n", "R2.5", ERROR,
     "    years: [2]"),
    ("r2_5_years_far", MAP, "    when: 2–5 лет\n", "    when: 2–5 лет\n    years: [2, 500]\n", "R2.5", ERROR,
     "    years: [2, 500]"),
    ("r2_1_struck_code", MAP, 'code: "15.02.16"', 'code: "08.02.10"', "R2.1", WARNING, None),
    ("r2_1_unknown_code", MAP, 'code: "15.02.16"', 'code: "15.02.99"', "R2.1", WARNING, None),
    ("r1_4_employer_city_empty", CLUSTER, "    logo: logos/sever-stanok.svg\n", "    logo: logos/sever-stanok.svg\n"
     "    city: ''\n", "R1.4", ERROR, "    city: ''"),
    ("r1_4_employer_address_null", CLUSTER, "    logo: logos/sever-stanok.svg\n", "    logo: logos/sever-stanok.svg\n"
     "    address:\n", "R1.4", ERROR, "    address:\n"),
    ("r2_1_title_differs", MAP, "title: Технология машиностроения", "title: Технология станкостроения", "R2.1", WARNING, None),
    ("r1_2_unknown_college", MAP, "college: dpk ", "college: xyz ", "R1.2", ERROR, None),
    ("r1_2_no_college", MAP, "college: dpk ", "# college: dpk ", "R1.2", ERROR, "program:"),
    ("r1_3_unknown_employer", MAP, "employers: [sever-stanok, ural-privod]", "employers: [sever-stanok, ural]", "R1.3",
     ERROR, None),
    ("r1_3_no_employers", MAP, "employers: [sever-stanok, ural-privod]", "employers: []", "R1.3", ERROR, None),
    ("a1_no_approval", MAP, "approval:\n  body: Региональный наблюдательный совет Свердловской области\n  protocol: \"7\"\n"
     "  date: 2026-06-15\n", "", "A1", ERROR, "status: approved"),
    ("a1_future_date", MAP, "date: 2026-06-15", "date: 2027-01-15", "A1", ERROR, None),
    ("a1_no_protocol", MAP, '  protocol: "7"\n', "", "A1", ERROR, "approval:"),
    ("a1_bad_date", MAP, "date: 2026-06-15", "date: 15.06.2026", "A1", ERROR, None),
    ("a1_bad_status", MAP, "status: approved", "status: одобрена", "A1", ERROR, None),
    ("r3_1_empty", MAP, "  college:\n    - Цифровой паспорт компетенций и портфолио\n    - Участие в чемпионатах «Профессионалы»\n"
     "    - title: Работа в учебно-производственном комплексе\n      description: Выполнение реальных заказов "
     "предприятий кластера с оплатой.\n", "  college: []\n", "R3.1", ERROR, None),
    ("r3_2_missing", MAP, "  employer:\n    - Программа адаптации молодых специалистов с наставником\n"
     "    - Компенсация аренды жилья молодым семьям\n    - Обучение в корпоративном университете за счёт работодателя\n",
     "", "R3.2", ERROR, "support:"),
    ("r3_3_missing", MAP, REGION_SUPPORT, "", "R3.3", ERROR, "support:"),
    ("y4_misspelt_key", MAP, "    when: 0–2 года", "    wen: 0–2 года", "Y4", ERROR, None),
    ("c1_kind_industry", CLUSTER, "kind: opc ", "kind: education ", "C1", ERROR, None),
    ("c1_unknown_industry", CLUSTER, "industry: машиностроение", "industry: космонавтика", "C1", ERROR, None),
    ("c1_bad_kind", CLUSTER, "kind: opc ", "kind: opk ", "C1", ERROR, None),
    ("r1_4_region", CLUSTER, "region: Свердловская область", "region: Нарния", "R1.4", ERROR, None),
    ("r1_4_phone", CLUSTER, 'phone: "+7 (343) 217-40-01"', 'phone: "12-34"', "R1.4", ERROR, None),
    ("r1_4_email", CLUSTER, "email: priem@dpk.example.ru", "email: priem(at)dpk", "R1.4", ERROR, None),
    ("r1_4_website", CLUSTER, "website: https://dpk.example.ru", "website: dpk.example.ru", "R1.4", ERROR, None),
    ("r1_1_industry_logo_missing", CLUSTER, "industry_logo: logos/industry.svg", "industry_logo: logos/nope.svg",
     "R1.1", ERROR, None),
    ("r1_1_industry_logo_url", CLUSTER, "industry_logo: logos/industry.svg",
     "industry_logo: https://evil.example.com/logo.svg", "R1.1", ERROR, None),
    ("r1_2_logo_outside", CLUSTER, "logo: logos/dpk.png", "logo: ../../../../etc/passwd", "R1.2", ERROR, None),
    ("r1_2_logo_absolute", CLUSTER, "logo: logos/dpk.png", "logo: /etc/hostname", "R1.2", ERROR, None),
    ("r1_2_college_name", CLUSTER, "    name: ГАПОУ СО «Демонстрационный политехнический колледж»\n", "", "R1.2", ERROR,
     "  - id: dpk"),
    ("r1_3_employer_logo", CLUSTER, "    logo: logos/ural-privod.png\n", "", "R1.3", ERROR, "  - id: ural-privod"),
    ("k1_missing_map", CLUSTER, 'programs: ["15.02.16"]', 'programs: ["15.02.16", "15.01.38"]', "K1", WARNING, None),
    ("k1_empty_list_with_approved_maps", CLUSTER, 'programs: ["15.02.16"]', "programs: []", "K1", WARNING, None),
    ("a1_no_body", MAP, "  body: Региональный наблюдательный совет Свердловской области\n", "", "A1", ERROR, "approval:"),
    ("a1_empty_body", MAP, "body: Региональный наблюдательный совет Свердловской области", "body: ''", "A1", ERROR, None),
    ("a1_body_not_council", MAP, "body: Региональный наблюдательный совет Свердловской области",
     "body: Управляющий совет ОПЦ(К)", "A1", WARNING, None),
    ("a1_body_other_region", MAP, "body: Региональный наблюдательный совет Свердловской области",
     "body: Региональный наблюдательный совет Челябинской области", "A1", WARNING, None),
    ("t_three_members", TEAM, "  - name: Софья Волкова\n    program: \"15.02.16\"\n    course: 2\n", "", "T", ERROR,
     "members:"),
    ("t_eight_members", TEAM, "links:", "".join(f"  - name: Участник {i}\n" for i in range(4)) + "links:", "T", ERROR,
     "members:"),
    ("t_no_curator", TEAM, "curator:\n  name: Иванова Мария Петровна\n  position: преподаватель специальных дисциплин\n",
     "", "T", ERROR, "team:"),
    ("t_two_curators", TEAM, "curator:\n  name: Иванова Мария Петровна\n  position: преподаватель специальных дисциплин\n",
     "curator:\n  - name: А\n    position: Б\n  - name: В\n    position: Г\n", "T", ERROR, None),
    ("t_unknown_cluster", TEAM, "cluster: demo-mashinostroenie", "cluster: demo-metall", "T", ERROR, None),
    ("t_unknown_college", TEAM, "college: dpk", "college: kpk", "T", ERROR, None),
    ("t_bad_link", TEAM, "vk: https://vk.com/dpk_metall_example", "vk: javascript:alert(1)", "T", ERROR, None),
    ("t_member_studies_elsewhere", TEAM, '  - name: Илья Попов\n    program: "15.02.16"',
     '  - name: Илья Попов\n    program: "09.02.07"', "T", WARNING, '    program: "09.02.07"'),
    ("t_course_seven", TEAM, "    course: 3\n", "    course: 7\n", "T", ERROR, None),
    ("t_curator_not_a_teacher", TEAM, "position: преподаватель специальных дисциплин", "position: бухгалтер", "T",
     WARNING, None),
    ("p1_no_goal", PROGRAMME, "goal: Рост интереса школьников и их родителей к обучению в колледжах «Профессионалитета».\n",
     "", "P1", ERROR, "title:"),
    ("p1_no_developer", PROGRAMME, "developer: Управляющий совет образовательного кластера «Демо-машиностроение»\n", "",
     "P1", ERROR, "title:"),
    ("p1_empty_expected_results", PROGRAMME, "expected_results:\n  - Три четверти школьников 6–11 классов знают о "
     "программах кластера\n", "expected_results: []\n", "P1", ERROR, None),
    ("p1_no_additional", PROGRAMME, "  additional: [команды амбассадоров]\n", "", "P1", ERROR, "participants:"),
    ("p1_flat_participants", PROGRAMME, PARTICIPANTS, "participants: [РОИВ, школы, колледжи, предприятия]\n", "P1",
     ERROR, None),
    ("p1_no_kcp", PROGRAMME, "  kcp_fulfilled: 100\n", "", "P1", ERROR, "indicators:"),
    ("p1_region", PROGRAMME, "region: Свердловская область", "region: Нарния", "P1", ERROR, None),
    ("p1_bad_period", PROGRAMME, "period: [2026, 2027]", "period: [2027, 2026]", "P1", ERROR, None),
    ("p2_low_pupils", PROGRAMME, "pupils_reached: 75", "pupils_reached: 50", "P2", ERROR, None),
    ("p2_students_not_all", PROGRAMME, "students_reached: 100", "students_reached: 95", "P2", ERROR, None),
    ("p2_schools", PROGRAMME, "schools_involved: 80", "schools_involved: 69", "P2", ERROR, None),
    ("p2_enterprises", PROGRAMME, "enterprises_involved: 65", "enterprises_involved: 59.5", "P2", ERROR, None),
    ("p2_kcp", PROGRAMME, "kcp_fulfilled: 100", "kcp_fulfilled: 90", "P2", ERROR, None),
    ("p3_no_class_teachers", PROGRAMME, "  - Педагоги и классные руководители школ\n", "", "P3", WARNING, "audiences:"),
    ("p3_no_parents", PROGRAMME, "  - Школьники 6–11 классов и их родители\n  - Педагоги и классные руководители "
     "школ\n  - Студенты колледжей и их семьи", "  - Школьники 6–11 классов\n  - Педагоги и классные руководители "
     "школ\n  - Студенты колледжей", "P3", WARNING, "audiences:"),
    ("p3_no_czn", PROGRAMME, "    - Центр занятости населения\n", "", "P3", WARNING, "  recommended:"),
    ("p3_no_psychologists", PROGRAMME, "    - Педагоги-психологи и социальные педагоги\n", "", "P3", WARNING,
     "  recommended:"),
    ("p4_event_other_year", PLAN, "date: 2026-03-01\n    title: Обязательное мероприятие 1",
     "date: 2031-03-01\n    title: Обязательное мероприятие 1", "P4", ERROR, None),
    ("p4_month_other_year", PLAN, 'month: "2026-05"', 'month: "2025-05"', "P4", ERROR, None),
    ("p4_bad_month", PLAN, 'month: "2026-05"', 'month: "май"', "P4", ERROR, None),
    ("p4_no_date", PLAN, "  - date: 2026-03-01\n    title: Обязательное мероприятие 1",
     "  - title: Обязательное мероприятие 1", "P4", ERROR, None),
    ("p5_few_mandatory", PLAN, "    mandatory: true", "    mandatory: false", "P5", ERROR, "events:"),
    ("p5_few_optional", PLAN, "    mandatory: false", "    mandatory: true", "P5", ERROR, "events:"),
    ("p5_mandatory_not_written", PLAN, "    title: Обязательное мероприятие 2\n    audience: школьники 8–9 классов\n"
     "    mandatory: true\n", "    title: Обязательное мероприятие 2\n    audience: школьники 8–9 классов\n", "P5",
     ERROR, "  - date: 2026-04-02"),
    ("p5_no_channel", PLAN, "    title: Публикация 3\n    channel: ВКонтакте\n", "    title: Публикация 3\n", "P5",
     ERROR, "  - date: 2026-04-04"),
    ("p5_empty_channel", PLAN, "    title: Публикация 3\n    channel: ВКонтакте", "    title: Публикация 3\n    channel: ''",
     "P5", ERROR, "    channel: ''"),
    ("p5_few_campaign", PLAN, "  - date: 2026-05-05\n    title: Публикация 4\n    channel: ВКонтакте\n"
     "    audience: школьники и родители\n    result: {held: 2026-05-05, reach: 4000}\n", "", "P5", ERROR, "campaign:"),
    ("p5_duplicate_id", PLAN, "  - date: 2026-02-09\n    title: Обязательное мероприятие 9",
     "  - id: uroki-ambassadorov\n    date: 2026-02-09\n    title: Обязательное мероприятие 9", "P5", ERROR, None),
    ("p6_programme_by_whom", PROGRAMME, "by: Председатель регионального наблюдательного совета И. И. Петров",
     "by: Министр образования И. И. Петров", "P6", ERROR, None),
    ("p6_plan_by_whom", PLAN, "by: Председатель управляющего совета кластера «Демо-машиностроение» А. А. Смирнов",
     "by: Директор колледжа А. А. Смирнов", "P6", ERROR, None),
    ("p6_future_date", PLAN, "  date: 2026-01-28", "  date: 2026-12-28", "P6", ERROR, None),
    ("p6_no_protocol", PROGRAMME, '  protocol: "1"\n', "", "P6", ERROR, "approval:"),
    ("p6_draft_programme", PROGRAMME, "approval:\n  by: Председатель регионального наблюдательного совета И. И. Петров\n"
     '  protocol: "1"\n  date: 2026-01-20\n', "", "P6", WARNING, "title:"),
    ("p6_draft_plan", PLAN, "approval:\n  by: Председатель управляющего совета кластера «Демо-машиностроение» "
     'А. А. Смирнов\n  protocol: "2"\n  date: 2026-01-28\n', "", "P6", WARNING, "events:"),
    ("p7_held_other_year", PLAN, "result: {held: 2026-03-01, reached: 110", "result: {held: 2025-03-01, reached: 110",
     "P7", ERROR, None),
    ("p7_held_in_future", PLAN, "result: {held: 2026-03-01, reached: 110", "result: {held: 2026-12-01, reached: 110",
     "P7", ERROR, None),
    ("p7_result_without_held", PLAN, "result: {held: 2026-03-01, reached: 110", "result: {reached: 110", "P7", ERROR,
     None),
    ("p7_past_without_result", PLAN, "    result: {held: 2026-03-01, reached: 110, schools: 1}\n", "", "P7", WARNING,
     "  - date: 2026-03-01"),
    ("p7_results_in_future", PLAN, "as_of: 2026-11-20", "as_of: 2026-12-20", "P7", ERROR, None),
    ("p7_bad_reached", PLAN, "reached: 110,", "reached: много,", "P7", ERROR, None),
    ("t_activity_in_future", TEAM, "  - date: 2026-10-15", "  - date: 2026-12-15", "T", ERROR, None),
    ("t_activity_unknown_event", TEAM, "plan_event: sverdlovsk-2026/2026#uroki-ambassadorov",
     "plan_event: sverdlovsk-2026/2026#uroki", "T", ERROR, None),
    ("t_activity_unknown_plan", TEAM, "plan_event: sverdlovsk-2026/2026#uroki-ambassadorov",
     "plan_event: sverdlovsk-2026/2025#uroki-ambassadorov", "T", ERROR, None),
    ("t_activity_bad_ref", TEAM, "plan_event: sverdlovsk-2026/2026#uroki-ambassadorov",
     "plan_event: Уроки амбассадоров", "T", ERROR, None),
    ("r1_4_phone_no_area_code", CLUSTER, 'phone: "+7 (343) 217-40-01"', 'phone: "295-12-35"', "R1.4", ERROR, None),
    ("r1_4_phone_letters", CLUSTER, 'phone: "+7 (343) 217-40-01"', 'phone: "звоните в приёмную"', "R1.4", ERROR, None),
    ("r2_1_empty_code", MAP, 'code: "15.02.16"', 'code: ""', "R2.1", ERROR, None),
    ("s1_scaffold_sentence", MAP, "activities: Разработка операций технологического процесса, наладка оборудования, "
     "работа с технической документацией.", "activities: Что делает работник на этой ступени.", "S1", WARNING, None),
    ("s1_placeholder_marker", MAP, "    - Программа адаптации молодых специалистов с наставником",
     "    - Социальный проект работодателя (замените)", "S1", WARNING, None),
    ("s1_placeholder_curator", TEAM, "name: Иванова Мария Петровна", "name: Фамилия Имя Отчество", "S1", WARNING, None),
    ("s1_example_college", CLUSTER, "name: ГАПОУ СО «Демонстрационный политехнический колледж»",
     "name: ГАПОУ «Новый колледж»", "S1", WARNING, None),
    ("s2_site_url_no_scheme", "mkdocs.yml", "site_url: https://karty.dpk-ural.ru/", "site_url: nmt-nn.ru/karty", "S2",
     ERROR, None),
    ("s2_site_url_no_domain", "mkdocs.yml", "site_url: https://karty.dpk-ural.ru/", "site_url: https://karty/", "S2",
     ERROR, None),
    ("s2_site_url_example", "mkdocs.yml", "site_url: https://karty.dpk-ural.ru/", "site_url: https://example.ru/", "S2",
     WARNING, None),
    ("s2_site_url_localhost", "mkdocs.yml", "site_url: https://karty.dpk-ural.ru/", "site_url: http://localhost:8000/",
     "S2", WARNING, None),
    ("r1_1_placeholder_logo", "mkdocs.yml", "logo: theme/brand/professionalitet.svg",
     "logo: theme/brand/professionalitet-placeholder.svg", "R1.1", WARNING, None),
    ("r1_1_brand_logo", "mkdocs.yml", "logo: theme/brand/professionalitet.svg", "logo: theme/brand/nope.svg",
     "R1.1", ERROR, None),
]


@pytest.mark.parametrize("case", CASES, ids=[c[0] for c in CASES])
def test_single_rule_breakage(tmp_path, case):
    _, file, old, new, rule, severity, marker = case
    root = copy_project(tmp_path)
    count = -1 if rule == "P5" and "mandatory" in old else 1
    line = edit(root, file, old, new, count)
    if marker is not None:
        line = line_of(root, file, marker)
    findings = check(root).report.sorted()
    hits = [f for f in findings if f.rule == rule and f.severity == severity and f.file == file]
    assert hits, "\n".join(f.format() for f in findings) or "no findings"
    assert line in [f.line for f in hits], "\n".join(f.format() for f in findings)
    others = [f for f in findings if f.rule != rule and f.severity == ERROR]
    assert not others, "\n".join(f.format() for f in others)
    for f in hits:
        assert f.message and f.col >= 1
        assert any("а" <= ch <= "я" for ch in f.message.lower()), "message must be Russian"


def test_valid_fixture_is_clean(tmp_path):
    report = check(copy_project(tmp_path)).report
    assert report.findings == []


def test_two_stages_break_r2_2(tmp_path):
    root = copy_project(tmp_path)
    text = (root / MAP).read_text(encoding="utf-8")
    start = text.index("  - title: Специалист")
    end = text.index("# Мотивационные")
    (root / MAP).write_text(text[:start] + "\n" + text[end:], encoding="utf-8")
    hits = [f for f in check(root).report.findings if f.rule == "R2.2"]
    assert [f.line for f in hits] == [line_of(root, MAP, "ladder:")]


def test_address_needed_from_college_or_cluster(tmp_path):
    root = copy_project(tmp_path)
    edit(root, CLUSTER, "    address: 620000, г. Екатеринбург, ул. Примерная, д. 1\n", "")
    assert check(root).report.findings == []  # the cluster's contacts.address stands in
    edit(root, CLUSTER, "  address: 620000, г. Екатеринбург, ул. Примерная, д. 1, приёмная комиссия\n", "")
    hits = check(root).report.findings
    assert [(f.rule, f.line) for f in hits] == [("R1.4", line_of(root, CLUSTER, "  - id: dpk"))]


def test_phone_or_email_needed_from_college_or_cluster(tmp_path):
    root = copy_project(tmp_path)
    edit(root, CLUSTER, '    phone: "+7 (343) 217-40-01"\n    email: priem@dpk.example.ru\n', "")
    assert check(root).report.findings == []
    edit(root, CLUSTER, '  phone: "+7 (343) 217-40-02"\n  email: cluster@dpk.example.ru\n', "")
    hits = check(root).report.findings
    assert [(f.rule, f.line) for f in hits] == [("R1.4", line_of(root, CLUSTER, "  - id: dpk"))]


def test_duplicate_map_breaks_u1(tmp_path):
    root = copy_project(tmp_path)
    src = (root / MAP).read_text(encoding="utf-8")
    (root / "career_maps/demo-mashinostroenie/zz-copy.yaml").write_text(src, encoding="utf-8")
    hits = [f for f in check(root).report.findings if f.rule == "U1"]
    assert len(hits) == 1
    assert hits[0].file.endswith("zz-copy.yaml") and "tehnolog.yaml" in hits[0].message
    assert hits[0].line == line_of(root, MAP, 'code: "15.02.16"')


def test_draft_map_needs_no_approval_but_k1_warns(tmp_path):
    root = copy_project(tmp_path)
    edit(root, MAP, "status: approved", "status: draft")
    edit(root, MAP, 'approval:\n  body: Региональный наблюдательный совет Свердловской области\n  protocol: "7"\n'
         "  date: 2026-06-15\n", "")
    findings = check(root).report.findings
    assert [f.rule for f in findings] == ["K1"]
    assert "проект" in findings[0].message


def test_minimum_wage_in_force_on_approval_date(tmp_path):
    """22 440 ₽ was the minimum wage in 2025, 27 093 ₽ from 2026: 25 000 is fine for a 2025 approval."""
    root = copy_project(tmp_path)
    edit(root, MAP, STAGE1, "salary: {min: 25000, avg: 32000, max: 38000}")
    assert [f.rule for f in check(root).report.findings] == ["R2.4"]
    edit(root, MAP, "date: 2026-06-15", "date: 2025-06-15")
    assert check(root).report.findings == []


def test_duplicate_college_id_names_the_first(tmp_path):
    root = copy_project(tmp_path)
    edit(root, CLUSTER, "  - id: sever-stanok", "  - id: ural-privod")
    hits = [f for f in check(root).report.findings if f.rule == "R1.3"]
    assert hits and f"строка {line_of(root, CLUSTER, '  - id: ural-privod')}" in hits[0].message


def test_a_wrong_support_item_is_one_plain_message(tmp_path):
    """pydantic tries both branches of «text or {title, description}»: the user sees one message, no branch names."""
    root = copy_project(tmp_path)
    line = edit(root, MAP, "    - Цифровой паспорт компетенций и портфолио", "    - {name: x}")
    findings = check(root).report.findings
    assert [(f.rule, f.line, f.field) for f in findings] == [("R3.1", line, "support.college[0]")]
    assert "title/description" in findings[0].message and "constrained" not in findings[0].message


def test_allowed_values_are_listed_in_russian(tmp_path):
    root = copy_project(tmp_path)
    edit(root, MAP, "status: approved", "status: одобрена")
    (finding,) = check(root).report.errors  # (K1 also warns: the programme has no approved map now)
    assert finding.message.endswith("Допустимо: draft (проект), approved (утверждена).")
    assert " or " not in finding.message


@pytest.mark.parametrize("body", ["РНС Свердловской обл.", "Региональным наблюдательным советом Свердловской области",
                                  "региональный наблюдательный совет", "Наблюдательный совет Свердловской области",
                                  "РНС", "Региональный наблюдательный совет: Свердловская область"])
def test_approval_body_written_many_ways_is_accepted(tmp_path, body):
    root = copy_project(tmp_path)
    edit(root, MAP, "body: Региональный наблюдательный совет Свердловской области", f"body: \"{body}\"")
    assert check(root).report.findings == []


def test_approval_body_names_the_expected_council_in_its_advice(tmp_path):
    root = copy_project(tmp_path)
    edit(root, MAP, "  body: Региональный наблюдательный совет Свердловской области\n", "")
    (finding,) = check(root).report.findings
    assert "Региональный наблюдательный совет Свердловской области" in finding.message
    edit(root, MAP, "approval:\n", "approval:\n  body: Региональный наблюдательный совет Республики Татарстан\n")
    (finding,) = check(root).report.findings
    assert finding.severity == WARNING and "Республика Татарстан" in finding.message
    assert "Свердловская область" in finding.message


def test_k1_warns_about_an_approved_map_the_college_does_not_list(tmp_path):
    root = copy_project(tmp_path)
    edit(root, CLUSTER, 'programs: ["15.02.16"]', 'programs: ["15.01.38"]')
    hits = sorted((f.file, f.line, f.severity) for f in check(root).report.findings if f.rule == "K1")
    assert hits == [(CLUSTER, line_of(root, CLUSTER, 'programs: ["15.01.38"]'), WARNING),
                    (MAP, line_of(root, MAP, 'code: "15.02.16"'), WARNING)]
    unlisted = next(f for f in check(root).report.findings if f.file == MAP)
    assert "15.02.16" in unlisted.message and "programs" in unlisted.message


def test_k1_listed_draft_is_to_be_approved_not_written(tmp_path):
    root = copy_project(tmp_path)
    edit(root, MAP, "status: approved", "status: draft")
    (finding,) = check(root).report.findings
    assert finding.rule == "K1" and "проект" in finding.message and "Утвердите" in finding.message
    assert "protocol" in finding.message and "new map" not in finding.message


def test_k1_is_quiet_about_drafts_under_an_empty_list(tmp_path):
    """A fresh project (profkarta init) has programs: [] and a draft: a choice, not yet an accident."""
    root = copy_project(tmp_path)
    edit(root, CLUSTER, 'programs: ["15.02.16"]', "programs: []")
    edit(root, MAP, "status: approved", "status: draft")
    assert check(root).report.findings == []


def test_every_region_is_found_in_the_genitive_of_its_name():
    from profkarta.refdata import naming, region_names

    for name in region_names():
        council = f"Региональный наблюдательный совет {naming.genitive(name)}"
        assert [r.name for r in naming.regions_named(council)] == [name], council
        assert naming.names_council(council)
    assert naming.genitive("Свердловская область") == "Свердловской области"
    assert naming.genitive("Ханты-Мансийский автономный округ - Югра") == "Ханты-Мансийского автономного округа"
    assert [r.name for r in naming.regions_named("РНС Ямало-Ненецкого АО")] == ["Ямало-Ненецкий автономный округ"]
    assert not naming.names_council("Управляющий совет кластера")


def test_plan_outside_the_programme_period_breaks_p4(tmp_path):
    root = copy_project(tmp_path)
    edit(root, PROGRAMME, "period: [2026, 2027]", "period: [2027, 2029]")
    hits = [f for f in check(root).report.findings if f.severity == ERROR]
    assert [(f.rule, f.file, f.line) for f in hits] == [("P4", PLAN, line_of(root, PLAN, "approval:"))]
    assert "2027–2029" in hits[0].message


def test_plan_without_its_programme_breaks_p4(tmp_path):
    root = copy_project(tmp_path)
    (root / PLAN).parent.rename(root / "content/popularization/tver-2026")
    hits = [f for f in check(root).report.findings if f.severity == ERROR and f.file != TEAM]  # T: its link broke
    assert [(f.rule, f.file) for f in hits] == [("P4", "content/popularization/tver-2026/2026.yaml")]
    assert "profkarta new programme tver-2026" in hits[0].message


def test_old_single_file_programme_says_how_to_split(tmp_path):
    root = copy_project(tmp_path)
    plan = (root / PLAN).read_text(encoding="utf-8")
    (root / PLAN).unlink()
    (root / PLAN).parent.rmdir()
    body = "\n".join(line for line in plan.splitlines() if not line.startswith("#"))
    body = body.replace("approval:", "plan_approval:", 1)
    (root / PROGRAMME).write_text((root / PROGRAMME).read_text(encoding="utf-8") + "year: 2026\n" + body + "\n",
                                  encoding="utf-8")
    findings = check(root).report.findings
    hits = [f for f in findings if f.rule == "P8"]
    assert len(hits) == 1 and hits[0].line == line_of(root, PROGRAMME, "events:")
    assert "sverdlovsk-2026/2026.yaml" in hits[0].message and "profkarta new plan" in hits[0].message
    assert not [f for f in findings if f.rule.startswith("Y")]  # one clear message, not a field-by-field list


def test_plan_file_named_not_by_year_breaks_n1(tmp_path):
    root = copy_project(tmp_path)
    (root / PLAN).rename(root / "content/popularization/sverdlovsk-2026/plan.yaml")
    hits = [f for f in check(root).report.findings if f.severity == ERROR and f.file != TEAM]
    assert [(f.rule, f.file) for f in hits] == [("N1", "content/popularization/sverdlovsk-2026/plan.yaml")]
    assert "ГГГГ.yaml" in hits[0].message


def test_p3_is_tolerant_to_wording(tmp_path):
    """The guide's groups written in the guide's own bureaucratic words raise no P3 warning."""
    root = copy_project(tmp_path)
    edit(root, PROGRAMME, "  - Школьники 6–11 классов и их родители\n  - Педагоги и классные руководители школ\n"
         "  - Студенты колледжей и их семьи\n  - Преподаватели, мастера и кураторы групп колледжей\n",
         "  - Обучающиеся общеобразовательных организаций 6-11 классов\n  - Родители (законные представители)\n"
         "  - Педагогические работники общеобразовательных организаций\n"
         "  - Обучающиеся профессиональных образовательных организаций\n"
         "  - Мастера производственного обучения\n")
    edit(root, PROGRAMME, PARTICIPANTS, "participants:\n  recommended:\n    - Органы исполнительной власти субъекта\n"
         "    - Общеобразовательные организации\n    - Профессиональные образовательные организации\n"
         "    - Организации-работодатели\n    - Центр опережающей профессиональной подготовки\n"
         "    - Центры занятости\n    - Средства массовой информации\n    - Социальные педагоги, педагоги-психологи\n"
         "  additional: [команды амбассадоров]\n")
    assert check(root).report.findings == []


def test_branch_finding_names_the_branch_and_the_field_path(tmp_path):
    root = copy_project(tmp_path)
    edit(root, MAP, SUPPORT, branch("{min: 100000, avg: 120000, max: 150000}",
                                    "{min: 160000, avg: 120000, max: 150000}"))
    (hit,) = [f for f in check(root).report.findings if f.rule == "R2.4"]
    assert hit.field == "branches[0].stages[1].salary.min"
    assert hit.line == line_of(root, MAP, "{min: 160000") and hit.col > 1
    assert hit.message.startswith("ветка «Экспертная траектория», ступень 2 «Главный эксперт»: ")


def test_branch_from_message_says_how_many_stages(tmp_path):
    root = copy_project(tmp_path)
    edit(root, MAP, SUPPORT, branch("from: 2", "from: 5"))
    (hit,) = check(root).report.errors
    assert hit.field == "branches[0].from" and "в лестнице 4 ступени" in hit.message and "от 1 до 4" in hit.message


def test_valid_branch_and_years_are_clean(tmp_path):
    root = copy_project(tmp_path)
    edit(root, MAP, SUPPORT, branch())
    for when, years in (("во время обучения, 3–4 курс", "[-2, 0]"), ("0–2 года после выпуска", "[0, 2]"),
                        ("2–5 лет", "[2, 5]"), ("от 5 лет", "[5, null]")):
        edit(root, MAP, f"    when: {when}\n", f"    when: {when}\n    years: {years}\n")
    assert check(root).report.findings == []


def test_years_alone_answer_when(tmp_path):
    root = copy_project(tmp_path)
    edit(root, MAP, "    when: 2–5 лет\n", "    years: [2, 5]\n")
    assert check(root).report.findings == []


def test_years_going_back_warn(tmp_path):
    root = copy_project(tmp_path)
    edit(root, MAP, "    when: 0–2 года после выпуска\n", "    when: 0–2 года после выпуска\n    years: [3, 4]\n")
    line = edit(root, MAP, "    when: 2–5 лет\n", "    when: 2–5 лет\n    years: [2, 5]\n") + 1
    assert [(f.rule, f.severity, f.line) for f in check(root).report.findings] == [("R2.5", WARNING, line)]


def test_wrong_title_warning_shows_the_official_title_and_ignores_case_quotes_yo(tmp_path):
    root = copy_project(tmp_path)
    edit(root, MAP, "title: Технология машиностроения", "title: «ТЕХНОЛОГИЯ машиностроения»")
    assert check(root).report.findings == []
    edit(root, MAP, "title: «ТЕХНОЛОГИЯ машиностроения»", "title: Технология станкостроения")
    (hit,) = check(root).report.findings
    assert "«Технология машиностроения»" in hit.message and hit.field == "program.title"


def test_struck_code_names_the_order(tmp_path):
    root = copy_project(tmp_path)
    edit(root, MAP, 'code: "15.02.16"', 'code: "08.02.10"')
    hits = [f for f in check(root).report.findings if f.rule == "R2.1"]
    assert len(hits) == 1 and "исключён" in hits[0].message
    assert "Приказ Минпросвещения России от 25.09.2023 № 717" in hits[0].message


def test_unknown_code_stays_a_plain_warning(tmp_path):
    root = copy_project(tmp_path)
    edit(root, MAP, 'code: "15.02.16"', 'code: "15.02.99"')
    hits = [f for f in check(root).report.findings if f.rule == "R2.1"]
    assert len(hits) == 1 and "нет в справочнике" in hits[0].message and "исключён" not in hits[0].message


def test_print_fit_counts_branches(tmp_path):
    """PR1: the one-page estimate counts branch text; six long branches cannot fit an A4 page."""
    root = copy_project(tmp_path)
    edit(root, MAP, SUPPORT, branch())
    assert [f.rule for f in check(root).report.findings] == []
    many = "".join(BRANCH.replace("branches:\n", "" if i else "branches:\n").replace(
        "Экспертная траектория", f"Траектория {i}").replace("Подготовка сборной предприятия к чемпионатам.",
                                                              "Подготовка сборной предприятия к чемпионатам. " * 3)
        for i in range(6))
    text = (root / MAP).read_text(encoding="utf-8")
    start, end = text.index("\nbranches:"), text.index(SUPPORT)
    (root / MAP).write_text(text[:start] + many + text[end:], encoding="utf-8")
    hits = [f for f in check(root).report.findings if f.rule == "PR1"]
    assert len(hits) == 1 and hits[0].field.startswith("branches[")

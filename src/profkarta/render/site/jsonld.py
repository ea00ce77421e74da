"""schema.org JSON-LD of a career map: an EducationalOccupationalProgram and the Occupations it leads to."""

from __future__ import annotations

from profkarta.labels import KIND_RU, as_lines
from profkarta.render.site import text
from profkarta.stages import stage_when


def _salary(stage) -> dict:
    return {"@type": "MonetaryAmountDistribution", "currency": "RUB", "duration": "P1M",
            "minValue": stage.salary.min, "median": stage.salary.avg, "maxValue": stage.salary.max}


def map_jsonld(m, site_url: str) -> dict:
    """The structured data search engines read; every value comes from the validated map."""
    college = m.college
    provider = {"@type": "EducationalOrganization", "name": college.name}
    if college.website:
        provider["url"] = college.website
    if college.address:
        provider["address"] = {"@type": "PostalAddress", "streetAddress": college.address,
                               "addressRegion": m.cluster.region, "addressCountry": "RU"}
    if college.phone:
        provider["telephone"] = text.phone(college.phone)
    if college.email:
        provider["email"] = college.email
    occupations = []
    tracks = [("", m.model.ladder)] + [(f"Траектория «{br.title}» (после ступени {br.start}): ", br.stages)
                                       for br in m.model.branches]
    for prefix, stages in tracks:
        for stage in stages:
            for position in stage.positions:
                occ = {"@type": "Occupation", "name": position, "estimatedSalary": [_salary(stage)],
                       "occupationLocation": [{"@type": "State", "name": m.cluster.region}],
                       "description": prefix + " ".join(as_lines(stage.activities))}
                when = stage_when(stage)
                if when:
                    occ["experienceRequirements"] = when
                occupations.append(occ)
    program = {
        "@type": "EducationalOccupationalProgram",
        "@id": m.url + "#program",
        "name": f"{m.program.code} {m.program.title}",
        "url": m.url,
        "programType": KIND_RU[m.program.kind],
        "educationalProgramMode": "очная",
        "provider": provider,
        "occupationalCategory": [o["name"] for o in occupations],
        "inLanguage": "ru",
        "salaryUponCompletion": _salary(m.model.ladder[min(1, len(m.model.ladder) - 1)]),
    }
    if m.program.qualification:
        program["educationalCredentialAwarded"] = m.program.qualification
    if m.program.duration:
        program["description"] = f"Срок обучения: {m.program.duration}."
    if m.model.summary:
        program["description"] = m.model.summary
    return {"@context": "https://schema.org", "@graph": [program, *occupations]}

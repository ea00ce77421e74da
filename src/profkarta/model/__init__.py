"""Pydantic models of the project's files (shapes only; the guideline lives in rules/)."""

from profkarta.model.cluster import Cluster, College, Contacts, Employer
from profkarta.model.careermap import Approval, CareerMap, Program, Salary, Stage, Support, SupportItem
from profkarta.model.team import Curator, Member, Team
from profkarta.model.programme import (CampaignItem, CampaignResult, Event, EventResult, Indicators, Participants,
                                       Plan, PlanEvent, PlanResults, Programme, ProgrammeApproval)

__all__ = [
                                       "Approval",
                                       "CampaignItem",
                                       "CampaignResult",
                                       "CareerMap",
                                       "Cluster",
                                       "College",
                                       "Contacts",
                                       "Curator",
                                       "Employer",
                                       "Event",
                                       "EventResult",
                                       "Indicators",
                                       "Member",
                                       "Participants",
                                       "Plan",
                                       "PlanEvent",
                                       "PlanResults",
                                       "Program",
                                       "Programme",
                                       "ProgrammeApproval",
                                       "Salary",
                                       "Stage",
                                       "Support",
                                       "SupportItem",
                                       "Team",
]

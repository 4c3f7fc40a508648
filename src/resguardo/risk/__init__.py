"""The risk engine: scoring, plan building, history and diffs (pure Python)."""

from resguardo.risk.answers import Answers, answers_from_dict, answers_to_dict
from resguardo.risk.history import Change, PlanDiff, diff_answers, diff_plans
from resguardo.risk.plan import Plan, Risk, TodoItem, build_plan
from resguardo.risk.scoring import band_for, risk_score
from resguardo.risk.selection import selected_threats, suggested_threats

__all__ = [
    "Answers",
    "Change",
    "Plan",
    "PlanDiff",
    "Risk",
    "TodoItem",
    "answers_from_dict",
    "answers_to_dict",
    "band_for",
    "build_plan",
    "diff_answers",
    "diff_plans",
    "risk_score",
    "selected_threats",
    "suggested_threats",
]

"""resguardo: holistic digital security for people whose organising puts them at risk.

The public library API (no Django needed)::

    from resguardo import load_catalogue, Answers, build_plan
    catalogue = load_catalogue("es")
    plan = build_plan(catalogue, Answers(profiles=("journalist",)), datetime.date.today())
"""

from resguardo.catalogue import Catalogue
from resguardo.catalogue import load as load_catalogue
from resguardo.errors import ResguardoError
from resguardo.risk import Answers, Plan, answers_from_dict, build_plan, diff_plans

__version__ = "0.1.0"
__all__ = [
    "Answers",
    "Catalogue",
    "Plan",
    "ResguardoError",
    "__version__",
    "answers_from_dict",
    "build_plan",
    "diff_plans",
    "load_catalogue",
]

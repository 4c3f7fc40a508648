from django.apps import AppConfig


class PlanningConfig(AppConfig):
    name = "resguardo.web.planning"
    label = "planning"

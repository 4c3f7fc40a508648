from django.apps import AppConfig


class CollectivesConfig(AppConfig):
    name = "resguardo.web.collectives"
    label = "collectives"

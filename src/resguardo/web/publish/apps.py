from django.apps import AppConfig


class PublishConfig(AppConfig):
    name = "resguardo.web.publish"
    label = "publish"

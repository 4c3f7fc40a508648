from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "resguardo.web.accounts"
    label = "accounts"

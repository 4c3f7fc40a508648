from django.contrib.auth import views as auth_views
from django.urls import path
from django.views.generic import RedirectView

from resguardo.web.accounts import views

app_name = "accounts"
urlpatterns = [
    path("", RedirectView.as_view(pattern_name="planning:list"), name="home"),
    path("setup/", views.setup, name="setup"),
    path("login/", auth_views.LoginView.as_view(template_name="accounts/login.html"), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
]

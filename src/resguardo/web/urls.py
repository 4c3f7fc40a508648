from django.urls import include, path
from django.views.i18n import set_language

from resguardo.web.planning.views import interchange_schema

urlpatterns = [
    path("schema/assessment-v1.json", interchange_schema, name="interchange_schema"),
    path("i18n/setlang/", set_language, name="set_language"),
    path("", include("resguardo.web.accounts.urls")),
    path("plans/", include("resguardo.web.planning.urls")),
    path("publish/", include("resguardo.web.publish.urls")),
]

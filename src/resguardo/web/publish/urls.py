from django.urls import path

from resguardo.web.publish import text_views, views

app_name = "publish"
urlpatterns = [
    path("", views.index, name="index"),
    path("upload/", views.upload, name="upload"),
    # before "<str:token>/", which "text" would otherwise match
    path("text/", text_views.text, name="text"),
    path("text/review/", text_views.text_review, name="text_review"),
    path("text/redact/", text_views.text_redact, name="text_redact"),
    path("<str:token>/", views.review, name="review"),
    path("<str:token>/preview.jpg", views.preview, name="preview"),
    path("<str:token>/clean/", views.clean, name="clean"),
    path("<str:token>/progress/", views.progress, name="progress"),
    path("<str:token>/download/", views.download, name="download"),
]

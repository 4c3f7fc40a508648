from django.urls import path

from resguardo.web.publish import views

app_name = "publish"
urlpatterns = [
    path("", views.index, name="index"),
    path("upload/", views.upload, name="upload"),
    path("<str:token>/", views.review, name="review"),
    path("<str:token>/preview.jpg", views.preview, name="preview"),
    path("<str:token>/clean/", views.clean, name="clean"),
]

from django.urls import path

from resguardo.web.planning import views

app_name = "planning"
urlpatterns = [
    path("", views.assessment_list, name="list"),
    path("new/", views.create, name="create"),
    path("import/", views.import_file, name="import"),
    path("<uuid:pk>/", views.plan, name="plan"),
    path("<uuid:pk>/step/<slug:step>/", views.step, name="step"),
    path("<uuid:pk>/todo/", views.update_todo, name="todo"),
    path("<uuid:pk>/responses/", views.update_responses, name="responses"),
    path("<uuid:pk>/contacts/", views.update_contacts, name="contacts"),
    path("<uuid:pk>/identity/", views.update_identity, name="identity"),
    path("<uuid:pk>/history/", views.history, name="history"),
    path("<uuid:pk>/compare/", views.compare, name="compare"),
    path("<uuid:pk>/export/plan.md", views.export_markdown, name="export_md"),
    path("<uuid:pk>/export/plan.pdf", views.export_pdf, name="export_pdf"),
    path("<uuid:pk>/export/assessment.json", views.export_json, name="export_json"),
    path("<uuid:pk>/export/emergency-card.pdf", views.export_card, name="export_card"),
]

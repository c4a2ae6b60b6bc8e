from django.urls import path

from . import views

app_name = "quizzes"

urlpatterns = [
    path("modules/<slug:module_id>/quiz/", views.quiz_page, name="quiz"),
    path("modules/<slug:module_id>/quiz/start/", views.quiz_start, name="start"),
    path("modules/<slug:module_id>/quiz/answer/", views.quiz_answer, name="answer"),
    path(
        "modules/<slug:module_id>/quiz/<uuid:attempt_id>/feedback/<int:position>/",
        views.quiz_feedback,
        name="feedback",
    ),
    path("modules/<slug:module_id>/quiz/<uuid:attempt_id>/result/", views.quiz_result, name="result"),
    path("modules/<slug:module_id>/pack/", views.pack_page, name="pack"),
    path("modules/<slug:module_id>/pack.pdf", views.pack_pdf, name="pack-pdf"),
    path("progress/", views.progress, name="progress"),
    path("curriculum/", views.curriculum, name="curriculum"),
    path("curriculum/<slug:framework_id>/", views.curriculum_framework, name="curriculum-framework"),
    path("curriculum/<slug:framework_id>/csv/", views.curriculum_csv, name="curriculum-csv"),
]

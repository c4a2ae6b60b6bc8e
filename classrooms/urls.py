from django.urls import path

from . import views

app_name = "classrooms"

urlpatterns = [
    path("join/", views.join, name="join"),
    path("join/welcome/", views.welcome, name="welcome"),
    path("accounts/welcome/", views.after_login, name="after-login"),
    path("accounts/signup/teacher/", views.signup_staff, name="signup-staff"),
    path("accounts/signup/parent/", views.signup_parent, name="signup-parent"),
    path("teach/", views.teach, name="teach"),
    path("teach/classes/new/", views.classroom_create, name="class-create"),
    path("teach/classes/<int:classroom_id>/", views.classroom_detail, name="class"),
    path("teach/classes/<int:classroom_id>/assign/", views.assignment_set, name="assign"),
    path(
        "teach/classes/<int:classroom_id>/assignments/<int:assignment_id>/remove/",
        views.assignment_delete,
        name="unassign",
    ),
    path("teach/classes/<int:classroom_id>/roster/", views.roster, name="roster"),
    path("teach/classes/<int:classroom_id>/cards/", views.cards, name="cards"),
    path("teach/classes/<int:classroom_id>/cards/new/", views.cards_reissue, name="cards-reissue"),
    path("teach/classes/<int:classroom_id>/code/", views.join_code_rotate, name="code-rotate"),
    path("teach/classes/<int:classroom_id>/archive/", views.classroom_archive, name="archive"),
    path("teach/classes/<int:classroom_id>/delete/", views.classroom_delete, name="class-delete"),
    path("teach/classes/<int:classroom_id>/progress.csv", views.classroom_export_csv, name="export-csv"),
    path("teach/classes/<int:classroom_id>/quiz/<slug:module_id>/", views.quiz_report, name="quiz-report"),
    path("teach/classes/<int:classroom_id>/students/<int:student_id>/", views.student_detail, name="student"),
    path(
        "teach/classes/<int:classroom_id>/students/<int:student_id>/passphrase/",
        views.student_passphrase_reset,
        name="student-passphrase",
    ),
    path(
        "teach/classes/<int:classroom_id>/students/<int:student_id>/rename/",
        views.student_rename,
        name="student-rename",
    ),
    path(
        "teach/classes/<int:classroom_id>/students/<int:student_id>/remove/",
        views.student_remove,
        name="student-remove",
    ),
    path(
        "teach/classes/<int:classroom_id>/students/<int:student_id>/data.json",
        views.student_export,
        name="student-export",
    ),
    path(
        "teach/classes/<int:classroom_id>/students/<int:student_id>/delete/",
        views.student_delete,
        name="student-delete",
    ),
    path("teach/school/", views.school, name="school"),
    path("teach/school/code/", views.school_code_rotate, name="school-code"),
    path("me/", views.me, name="me"),
    path("me/family-code/", views.family_code_create, name="family-code"),
    path("me/family/<int:link_id>/revoke/", views.family_link_revoke, name="family-revoke"),
    path("me/data.json", views.me_export, name="me-export"),
    path("me/delete/", views.me_delete, name="me-delete"),
    path("family/", views.family, name="family"),
    path("family/delete/", views.family_delete, name="family-delete"),
]

from django.urls import path

from .views import checks, families, me, notes, planning, questions, school, students, teaching

app_name = "classrooms"

CLASS = "teach/classes/<int:classroom_id>/"
STUDENT = CLASS + "students/<int:student_id>/"
MEMBER = "teach/school/staff/<int:member_id>/"
QUESTION = CLASS + "questions/<uuid:question_id>/"

urlpatterns = [
    path("join/", me.join, name="join"),
    path("join/welcome/", me.welcome, name="welcome"),
    path("accounts/welcome/", me.after_login, name="after-login"),
    path("schools/how-it-works/", planning.how_it_works, name="how-it-works"),
    path("teach/", teaching.teach, name="teach"),
    path("teach/classes/new/", teaching.classroom_create, name="class-create"),
    path("teach/notes/", notes.teacher_notes_index, name="teacher-notes"),
    path(CLASS, teaching.classroom_detail, name="class"),
    path(CLASS + "assign/", teaching.assignment_set, name="assign"),
    path(CLASS + "assign-many/", teaching.assign_many, name="assign-many"),
    path(CLASS + "letter/", planning.letter, name="letter"),
    path(CLASS + "age/", planning.age_band_set, name="age-band"),
    path(CLASS + "assignments/<int:assignment_id>/remove/", teaching.assignment_delete, name="unassign"),
    path(CLASS + "roster/", teaching.roster, name="roster"),
    path(CLASS + "cards/", teaching.cards, name="cards"),
    path(CLASS + "cards/new/", teaching.cards_reissue, name="cards-reissue"),
    path(CLASS + "code/", teaching.join_code_rotate, name="code-rotate"),
    path(CLASS + "archive/", teaching.classroom_archive, name="archive"),
    path(CLASS + "delete/", teaching.classroom_delete, name="class-delete"),
    path(CLASS + "progress.csv", teaching.classroom_export_csv, name="export-csv"),
    path(CLASS + "quiz/<slug:module_id>/", teaching.quiz_report, name="quiz-report"),
    path(CLASS + "questions/", questions.triage, name="questions"),
    path(QUESTION + "answer/", questions.answer, name="question-answer"),
    path(QUESTION + "hide/", questions.hide, name="question-hide"),
    path(QUESTION + "delete/", questions.delete, name="question-delete"),
    path(CLASS + "checks/", checks.class_checks, name="checks"),
    path(CLASS + "checks.csv", checks.class_checks_csv, name="checks-csv"),
    path("teach/school/checks/", checks.school_checks, name="school-checks"),
    path("teach/school/checks.csv", checks.school_checks_csv, name="school-checks-csv"),
    path(STUDENT, students.student_detail, name="student"),
    path(STUDENT + "passphrase/", students.student_passphrase_reset, name="student-passphrase"),
    path(STUDENT + "rename/", students.student_rename, name="student-rename"),
    path(STUDENT + "remove/", students.student_remove, name="student-remove"),
    path(STUDENT + "data.json", students.student_export, name="student-export"),
    path(STUDENT + "delete/", students.student_delete, name="student-delete"),
    path("teach/school/", school.school, name="school"),
    path("teach/school/code/", school.school_code_rotate, name="school-code"),
    path(MEMBER + "admin/", school.staff_admin, name="staff-admin"),
    path(MEMBER + "active/", school.staff_active, name="staff-active"),
    path(MEMBER + "classes/", school.staff_classes_hand_over, name="staff-classes"),
    path(CLASS + "teacher/", school.classroom_hand_over, name="class-teacher"),
    path("teach/account/delete/", school.account_delete, name="account-delete"),
    path("me/", me.me, name="me"),
    path("me/family-code/", me.family_code_create, name="family-code"),
    path("me/family/<int:link_id>/revoke/", me.family_link_revoke, name="family-revoke"),
    path("me/classes/<int:classroom_id>/ask/", questions.ask, name="ask"),
    path("questions/check/", questions.check, name="question-check"),
    path("me/data.json", me.me_export, name="me-export"),
    path("me/delete/", me.me_delete, name="me-delete"),
    path("family/", families.family, name="family"),
    path("family/delete/", families.family_delete, name="family-delete"),
    path("family/digest/", families.family_digest, name="family-digest"),
    path("family/unsubscribe/<str:token>/", families.family_unsubscribe, name="family-unsubscribe"),
]

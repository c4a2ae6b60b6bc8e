"""Classroom, student and family pages. Thin: permissions in selectors, writes in services."""

from __future__ import annotations

import json

from django.contrib import messages
from django.contrib.auth import login
from django.http import HttpResponse, StreamingHttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from accounts.client_ip import client_ip
from accounts.decorators import parent_required, school_admin_required, staff_required, student_required
from courses.registry import get_course

from . import exports, selectors, services, throttle
from .forms import (
    AdultSignupForm,
    AssignmentForm,
    ClassroomForm,
    ConfirmDeleteForm,
    FamilyLinkForm,
    JoinForm,
    RenameForm,
    RosterForm,
    StaffSignupForm,
)

# Logins shown once: kept in the session only until the page that shows them is opened.
ISSUED_KEY = "pause.issued"
BACKEND = "django.contrib.auth.backends.ModelBackend"


def _issue(request, logins, classroom_id=None) -> None:
    request.session[ISSUED_KEY] = {"class": classroom_id, "logins": [issued.as_session() for issued in logins]}


def _take_issued(request, classroom_id=None) -> list[dict]:
    issued = request.session.pop(ISSUED_KEY, None)
    if not issued or issued.get("class") != classroom_id:
        return []
    return issued.get("logins", [])


# --- signing in and up ----------------------------------------------------------------------


@require_safe
def after_login(request):
    """Where each kind of account lands after signing in."""
    user = request.user
    if not user.is_authenticated:
        return redirect("courses:home")
    if user.is_staff_member:
        return redirect("classrooms:teach")
    if user.is_student:
        return redirect("classrooms:me")
    if user.is_parent:
        return redirect("classrooms:family")
    return redirect("courses:home")


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def join(request):
    form = JoinForm(request.POST or None)
    ip = client_ip(request) or "unknown"
    if request.method == "POST":
        if throttle.code_attempts_exhausted("join", ip):
            form.add_error(None, "Too many wrong codes from this network. Wait ten minutes, then try again.")
            return render(request, "classrooms/join.html", {"form": form}, status=429)
        if form.is_valid():
            try:
                student, issued = services.student_join(**form.cleaned_data)
            except services.Refused as refusal:
                throttle.code_attempt_failed("join", ip)
                form.add_error("code", str(refusal))
            else:
                login(request, student, backend=BACKEND)
                _issue(request, [issued])
                return redirect("classrooms:welcome")
    return render(request, "classrooms/join.html", {"form": form, "signed_in": request.user.is_authenticated})


@never_cache
@student_required
def welcome(request):
    logins = _take_issued(request)
    if not logins:
        return redirect("classrooms:me")
    return render(request, "classrooms/welcome.html", {"issued": logins[0]})


def _adult_signup(request, form_class, template, create):
    form = form_class(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            user = create(form.cleaned_data)
        except services.Refused as refusal:
            form.add_error(None, str(refusal))
        else:
            login(request, user, backend=BACKEND)
            return redirect("classrooms:after-login")
    return render(request, template, {"form": form})


@never_cache
@sensitive_post_parameters("password")
@require_http_methods(["GET", "HEAD", "POST"])
def signup_staff(request):
    def create(data):
        return services.staff_signup(
            email=data["email"],
            name=data["name"],
            password=data["password"],
            school_name=data["school_name"] if data["school_choice"] == StaffSignupForm.CREATE else "",
            staff_code=data["staff_code"] if data["school_choice"] == StaffSignupForm.JOIN else "",
        )

    return _adult_signup(request, StaffSignupForm, "classrooms/signup_staff.html", create)


@never_cache
@sensitive_post_parameters("password")
@require_http_methods(["GET", "HEAD", "POST"])
def signup_parent(request):
    def create(data):
        return services.parent_signup(email=data["email"], name=data["name"], password=data["password"])

    return _adult_signup(request, AdultSignupForm, "classrooms/signup_parent.html", create)


# --- teaching -------------------------------------------------------------------------------


@staff_required
@require_safe
def teach(request):
    return render(
        request,
        "classrooms/teach.html",
        {
            "classrooms": selectors.teacher_overview(user=request.user),
            "school": selectors.school_for_staff(user=request.user),
            "form": ClassroomForm(),
        },
    )


@staff_required
@require_POST
def classroom_create(request):
    form = ClassroomForm(request.POST)
    if not form.is_valid():
        return render(
            request,
            "classrooms/teach.html",
            {
                "classrooms": selectors.teacher_overview(user=request.user),
                "school": selectors.school_for_staff(user=request.user),
                "form": form,
            },
            status=400,
        )
    classroom = services.classroom_create(teacher=request.user, name=form.cleaned_data["name"])
    messages.success(request, f"Class “{classroom.name}” is ready. Its join code is {classroom.join_code}.")
    return redirect("classrooms:class", classroom_id=classroom.pk)


def _class_page(request, classroom, *, assign_form=None, status=200):
    matrix = selectors.class_matrix(classroom=classroom, sort=request.GET.get("sort", "name"))
    return render(
        request,
        "classrooms/class.html",
        {
            "classroom": classroom,
            "matrix": matrix,
            "assign_form": assign_form or AssignmentForm(),
            "join_url": request.build_absolute_uri(reverse("classrooms:join")),
        },
        status=status,
    )


@staff_required
@require_safe
def classroom_detail(request, classroom_id):
    classroom = selectors.classroom_get_for_teacher(user=request.user, classroom_id=classroom_id)
    return _class_page(request, classroom)


def _refused(request, refusal, classroom):
    messages.error(request, str(refusal))
    return redirect("classrooms:class", classroom_id=classroom.pk)


def _confirm_delete(request, *, what: str, consequence: str, cancel_url: str, delete, classroom=None):
    """The one shape of every deletion: a page that says what goes, and a ticked box to POST.

    ``delete()`` runs only on a confirmed POST and returns the response to send.
    """
    form = ConfirmDeleteForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        return delete()
    return render(
        request,
        "classrooms/confirm_delete.html",
        {"form": form, "classroom": classroom, "what": what, "consequence": consequence, "cancel_url": cancel_url},
        status=400 if request.method == "POST" else 200,
    )


@staff_required
@require_POST
def assignment_set(request, classroom_id):
    classroom = selectors.classroom_get_for_teacher(user=request.user, classroom_id=classroom_id)
    form = AssignmentForm(request.POST)
    if not form.is_valid():
        return _class_page(request, classroom, assign_form=form, status=400)
    try:
        _, created = services.assignment_set(classroom=classroom, **form.cleaned_data)
    except services.Refused as refusal:
        return _refused(request, refusal, classroom)
    title = get_course().module(form.cleaned_data["module_id"]).title
    messages.success(request, f"“{title}” is {'assigned' if created else 'updated'}.")
    return redirect("classrooms:class", classroom_id=classroom.pk)


@staff_required
@require_POST
def assignment_delete(request, classroom_id, assignment_id):
    classroom = selectors.classroom_get_for_teacher(user=request.user, classroom_id=classroom_id)
    assignment = selectors.assignment_get_for_teacher(classroom=classroom, assignment_id=assignment_id)
    try:
        services.assignment_delete(assignment=assignment)
    except services.Refused as refusal:
        return _refused(request, refusal, classroom)
    messages.success(request, "The assignment is removed. Students keep the progress they made.")
    return redirect("classrooms:class", classroom_id=classroom.pk)


@staff_required
@require_http_methods(["GET", "HEAD", "POST"])
def roster(request, classroom_id):
    classroom = selectors.classroom_get_for_teacher(user=request.user, classroom_id=classroom_id)
    form = RosterForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            logins = services.roster_create(classroom=classroom, names=form.cleaned_data["names"])
        except services.Refused as refusal:
            return _refused(request, refusal, classroom)
        _issue(request, logins, classroom.pk)
        return redirect("classrooms:cards", classroom_id=classroom.pk)
    return render(request, "classrooms/roster.html", {"classroom": classroom, "form": form})


@never_cache
@staff_required
@require_safe
def cards(request, classroom_id):
    classroom = selectors.classroom_get_for_teacher(user=request.user, classroom_id=classroom_id)
    return render(
        request,
        "classrooms/cards.html",
        {
            "classroom": classroom,
            "logins": _take_issued(request, classroom.pk),
            "site_url": request.build_absolute_uri(reverse("login")),
        },
    )


@staff_required
@require_POST
def cards_reissue(request, classroom_id):
    """New passphrases for the whole class, printed as cards (old ones stop working)."""
    classroom = selectors.classroom_get_for_teacher(user=request.user, classroom_id=classroom_id)
    _issue(request, services.students_reset_passphrases(classroom=classroom), classroom.pk)
    return redirect("classrooms:cards", classroom_id=classroom.pk)


@staff_required
@require_POST
def join_code_rotate(request, classroom_id):
    classroom = selectors.classroom_get_for_teacher(user=request.user, classroom_id=classroom_id)
    try:
        services.classroom_rotate_join_code(classroom=classroom)
    except services.Refused as refusal:
        return _refused(request, refusal, classroom)
    messages.success(request, f"The new join code is {classroom.join_code}. The old one no longer works.")
    return redirect("classrooms:class", classroom_id=classroom.pk)


@staff_required
@require_POST
def classroom_archive(request, classroom_id):
    classroom = selectors.classroom_get_for_teacher(user=request.user, classroom_id=classroom_id)
    archive = request.POST.get("archive") != "0"
    services.classroom_set_archived(classroom=classroom, archived=archive)
    messages.success(
        request,
        "The class is archived: nobody can join and nothing changes. "
        "It is deleted automatically after the retention period."
        if archive
        else "The class is restored.",
    )
    return redirect("classrooms:class", classroom_id=classroom.pk)


@staff_required
@require_http_methods(["GET", "HEAD", "POST"])
def classroom_delete(request, classroom_id):
    classroom = selectors.classroom_get_for_teacher(user=request.user, classroom_id=classroom_id)

    def delete():
        name = classroom.name
        deleted = services.classroom_delete(classroom=classroom)
        messages.success(request, f"“{name}” is deleted, with {deleted} student account(s) that were only in it.")
        return redirect("classrooms:teach")

    return _confirm_delete(
        request,
        classroom=classroom,
        what=f"the class “{classroom.name}”",
        consequence="Its assignments go, and so does every student account that is in no other class, "
        "with all their progress. Students who are in another class stay there.",
        cancel_url=reverse("classrooms:class", args=[classroom.pk]),
        delete=delete,
    )


@staff_required
@require_safe
def classroom_export_csv(request, classroom_id):
    classroom = selectors.classroom_get_for_teacher(user=request.user, classroom_id=classroom_id)
    lines = exports.progress_csv_lines(selectors.class_matrix(classroom=classroom))
    response = StreamingHttpResponse(lines, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="pause-class-{classroom.pk}-progress.csv"'
    return response


@staff_required
@require_safe
def quiz_report(request, classroom_id, module_id):
    classroom = selectors.classroom_get_for_teacher(user=request.user, classroom_id=classroom_id)
    report = selectors.class_quiz_report(classroom=classroom, module_id=module_id)
    return render(request, "classrooms/quiz_report.html", {"classroom": classroom, "report": report})


@staff_required
@require_safe
def student_detail(request, classroom_id, student_id):
    classroom = selectors.classroom_get_for_teacher(user=request.user, classroom_id=classroom_id)
    student = selectors.student_get_for_teacher(classroom=classroom, student_id=student_id)
    return render(
        request,
        "classrooms/student.html",
        {
            "classroom": classroom,
            "student": student,
            "lines": selectors.student_progress(classroom=classroom, student=student),
            "rename_form": RenameForm(initial={"nickname": student.first_name}),
            "can_delete": selectors.student_deletable_by(user=request.user, student=student),
        },
    )


@staff_required
@require_POST
def student_passphrase_reset(request, classroom_id, student_id):
    classroom = selectors.classroom_get_for_teacher(user=request.user, classroom_id=classroom_id)
    student = selectors.student_get_for_teacher(classroom=classroom, student_id=student_id)
    _issue(request, [services.student_reset_passphrase(student=student)], classroom.pk)
    return redirect("classrooms:cards", classroom_id=classroom.pk)


@staff_required
@require_POST
def student_rename(request, classroom_id, student_id):
    classroom = selectors.classroom_get_for_teacher(user=request.user, classroom_id=classroom_id)
    student = selectors.student_get_for_teacher(classroom=classroom, student_id=student_id)
    form = RenameForm(request.POST)
    try:
        if not form.is_valid():
            raise services.Refused("Type a first name or nickname of up to 40 characters.")
        services.student_rename(student=student, nickname=form.cleaned_data["nickname"])
    except services.Refused as refusal:
        messages.error(request, str(refusal))
    else:
        messages.success(request, f"Renamed to {student.first_name}.")
    return redirect("classrooms:student", classroom_id=classroom.pk, student_id=student.pk)


@staff_required
@require_POST
def student_remove(request, classroom_id, student_id):
    classroom = selectors.classroom_get_for_teacher(user=request.user, classroom_id=classroom_id)
    student = selectors.student_get_for_teacher(classroom=classroom, student_id=student_id)
    services.student_remove_from_class(classroom=classroom, student=student)
    messages.success(request, f"{student.first_name} is no longer in this class.")
    return redirect("classrooms:class", classroom_id=classroom.pk)


def _json_download(data: dict, filename: str) -> HttpResponse:
    response = HttpResponse(json.dumps(data, indent=2, ensure_ascii=False), content_type="application/json")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@staff_required
@require_safe
def student_export(request, classroom_id, student_id):
    classroom = selectors.classroom_get_for_teacher(user=request.user, classroom_id=classroom_id)
    student = selectors.student_get_for_teacher(classroom=classroom, student_id=student_id)
    return _json_download(selectors.student_export(student=student), f"pause-{student.username}.json")


@staff_required
@require_http_methods(["GET", "HEAD", "POST"])
def student_delete(request, classroom_id, student_id):
    classroom = selectors.classroom_get_for_teacher(user=request.user, classroom_id=classroom_id)
    student = selectors.student_get_for_teacher(classroom=classroom, student_id=student_id)
    if not selectors.student_deletable_by(user=request.user, student=student):
        messages.error(
            request,
            f"{student.first_name} is also in a class you don’t teach, so only your school admin can delete "
            "their account. You can remove them from this class.",
        )
        return redirect("classrooms:student", classroom_id=classroom.pk, student_id=student.pk)

    def delete():
        services.user_delete(user=student)
        messages.success(request, "The student’s account and everything about them are deleted.")
        return redirect("classrooms:class", classroom_id=classroom.pk)

    return _confirm_delete(
        request,
        classroom=classroom,
        what=f"{student.first_name}’s account ({student.username})",
        consequence="Their progress, quiz answers, class places and family links all go, "
        "in every class. Download their data first if they want a copy.",
        cancel_url=reverse("classrooms:student", args=[classroom.pk, student.pk]),
        delete=delete,
    )


@school_admin_required
@require_safe
def school(request):
    school = selectors.school_for_staff(user=request.user)
    return render(
        request,
        "classrooms/school.html",
        {
            "school": school,
            "staff": selectors.school_staff(school=school) if school else [],
            "classrooms": selectors.teacher_overview(user=request.user),
            "signup_url": request.build_absolute_uri(reverse("classrooms:signup-staff")),
        },
    )


@school_admin_required
@require_POST
def school_code_rotate(request):
    school = selectors.school_for_staff(user=request.user)
    if school is not None:
        services.school_rotate_staff_code(school=school)
        messages.success(request, f"The new school code is {school.staff_code}. The old one no longer works.")
    return redirect("classrooms:school")


# --- students -------------------------------------------------------------------------------


@student_required
@require_safe
def me(request):
    student = request.user
    return render(
        request,
        "classrooms/me.html",
        {
            "assignments": selectors.student_assignments(student=student),
            "watchers": selectors.student_watchers(student=student),
            "family_code": selectors.family_code_current(student=student),
        },
    )


@student_required
@require_POST
def family_code_create(request):
    code = services.family_code_create(student=request.user)
    messages.success(
        request, f"Your family code is {code.code}. Give it to a parent or carer; it works once, for a week."
    )
    return redirect("classrooms:me")


@student_required
@require_POST
def family_link_revoke(request, link_id):
    link = selectors.family_link_get_for_student(student=request.user, link_id=link_id)
    name = link.parent.first_name
    services.family_link_revoke(link=link)
    messages.success(request, f"{name} can no longer see your progress.")
    return redirect("classrooms:me")


@student_required
@require_safe
def me_export(request):
    return _json_download(selectors.student_export(student=request.user), f"pause-{request.user.username}.json")


@student_required
@require_http_methods(["GET", "HEAD", "POST"])
def me_delete(request):
    return _confirm_delete(
        request,
        what="your account",
        consequence="Your progress, quiz answers, classes and family links all go. Your teacher will "
        "no longer see you in their class. You can still read everything on Pause without an account.",
        cancel_url=reverse("classrooms:me"),
        delete=lambda: _delete_own_account(request),
    )


def _delete_own_account(request):
    services.user_delete(user=request.user)
    request.session.flush()
    return redirect("courses:home")


# --- families -------------------------------------------------------------------------------


@parent_required
@require_http_methods(["GET", "HEAD", "POST"])
def family(request):
    form = FamilyLinkForm(request.POST or None)
    if request.method == "POST":
        ip = client_ip(request) or "unknown"
        if throttle.code_attempts_exhausted("family", ip):
            form.add_error(None, "Too many wrong codes from this network. Wait ten minutes, then try again.")
        elif form.is_valid():
            try:
                link = services.family_link_create(parent=request.user, code=form.cleaned_data["code"])
            except services.Refused as refusal:
                throttle.code_attempt_failed("family", ip)
                form.add_error("code", str(refusal))
            else:
                messages.success(request, f"You are linked with {link.student.first_name}.")
                return redirect("classrooms:family")
    course = get_course()
    return render(
        request,
        "classrooms/family.html",
        {
            "form": form,
            "children": selectors.family_children(parent=request.user),
            "guides": course.guides_for("parents"),
            "course": course,
        },
        status=400 if form.errors else 200,
    )


@parent_required
@require_http_methods(["GET", "HEAD", "POST"])
def family_delete(request):
    return _confirm_delete(
        request,
        what="your account",
        consequence="Your links to your children go with it; their own accounts and progress stay. "
        "The guides stay free to read without an account.",
        cancel_url=reverse("classrooms:family"),
        delete=lambda: _delete_own_account(request),
    )

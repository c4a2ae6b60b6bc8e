"""A teacher's page about one student of theirs: progress, name, passphrase, data, removal."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from accounts import services as account_services
from accounts.decorators import AuthenticatedRequest, staff_required
from accounts.errors import Refused

from ..forms import RenameForm
from ..selectors import access, me, teaching
from ..services import students as services
from .access import access_student
from .common import confirm_delete_page, delete_confirmed, issue, json_download, refused


@staff_required
@require_safe
def student_detail(request: AuthenticatedRequest, classroom_id: int, student_id: int) -> HttpResponse:
    classroom, student = access_student(request, classroom_id, student_id)
    context = {
        "classroom": classroom,
        "student": student,
        "lines": teaching.student_progress(classroom=classroom, student=student),
        "rename_form": RenameForm(initial={"nickname": student.first_name}),
        "can_delete": access.student_deletable_by(user=request.user, student=student),
    }
    return render(request, "classrooms/student.html", context)


@staff_required
@require_POST
def student_passphrase_reset(request: AuthenticatedRequest, classroom_id: int, student_id: int) -> HttpResponse:
    classroom, student = access_student(request, classroom_id, student_id)
    try:
        issue(request, [services.student_reset_passphrase(classroom=classroom, student=student)], classroom.pk)
    except Refused as refusal:
        return refused(request, refusal, classroom)
    return redirect("classrooms:cards", classroom_id=classroom.pk)


@staff_required
@require_POST
def student_rename(request: AuthenticatedRequest, classroom_id: int, student_id: int) -> HttpResponse:
    classroom, student = access_student(request, classroom_id, student_id)
    form = RenameForm(request.POST)
    try:
        if not form.is_valid():
            raise Refused(f"Type a first name or nickname of up to {RenameForm.MAX} characters.")
        services.student_rename(classroom=classroom, student=student, nickname=form.cleaned_data["nickname"])
    except Refused as refusal:
        messages.error(request, str(refusal))
    else:
        messages.success(request, f"Renamed to {student.first_name}.")
    return redirect("classrooms:student", classroom_id=classroom.pk, student_id=student.pk)


@staff_required
@require_POST
def student_remove(request: AuthenticatedRequest, classroom_id: int, student_id: int) -> HttpResponse:
    classroom, student = access_student(request, classroom_id, student_id)
    try:
        services.student_remove_from_class(classroom=classroom, student=student)
    except Refused as refusal:
        return refused(request, refusal, classroom)
    messages.success(request, f"{student.first_name} is no longer in this class.")
    return redirect("classrooms:class", classroom_id=classroom.pk)


@staff_required
@require_safe
def student_export(request: AuthenticatedRequest, classroom_id: int, student_id: int) -> HttpResponse:
    _, student = access_student(request, classroom_id, student_id)
    return json_download(
        me.student_export_for_staff(student=student, viewer=request.user), f"pause-{student.username}.json"
    )


@staff_required
@require_http_methods(["GET", "HEAD", "POST"])
def student_delete(request: AuthenticatedRequest, classroom_id: int, student_id: int) -> HttpResponse:
    classroom, student = access_student(request, classroom_id, student_id)
    if not access.student_deletable_by(user=request.user, student=student):
        messages.error(
            request,
            f"{student.first_name} is also in a class you don’t teach, so only your school admin can delete "
            "their account. You can remove them from this class.",
        )
        return redirect("classrooms:student", classroom_id=classroom.pk, student_id=student.pk)
    confirmed, form = delete_confirmed(request)
    if confirmed:
        account_services.user_delete(user=student)
        messages.success(request, "The student’s account and everything about them are deleted.")
        return redirect("classrooms:class", classroom_id=classroom.pk)
    return confirm_delete_page(
        request,
        form,
        classroom=classroom,
        what=f"{student.first_name}’s account ({student.username})",
        consequence="Their progress, quiz answers, class places and family links all go, "
        "in every class. Download their data first if they want a copy.",
        cancel_url=reverse("classrooms:student", args=[classroom.pk, student.pk]),
    )

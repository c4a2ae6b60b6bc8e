"""A teacher's pages: their classes, one class's progress and assignments, roster and login cards."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpResponse, StreamingHttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from accounts import selectors as account_selectors
from accounts.decorators import AuthenticatedRequest, staff_required
from accounts.errors import Refused
from courses.registry import get_course

from .. import exports, sharing
from ..forms import AgeBandForm, AssignManyForm, AssignmentForm, ClassroomForm, ReissueForm, RosterForm
from ..models import Classroom
from ..selectors import access, questions, summary, teaching
from ..services import students as student_services
from ..services import teaching as services
from .access import access_classroom
from .common import confirm_delete_page, delete_confirmed, issue, refused, take_issued
from .planning import assign_many_form


def _teach_page(request: AuthenticatedRequest, form: ClassroomForm, status: int = 200) -> HttpResponse:
    classrooms = teaching.teacher_overview(user=request.user)
    context = {
        # A school admin sees every class in the school: their own first, the rest under their own heading.
        "classrooms": [classroom for classroom in classrooms if classroom.teacher_id == request.user.pk],
        "school_classrooms": [classroom for classroom in classrooms if classroom.teacher_id != request.user.pk],
        "school": account_selectors.school_for_staff(user=request.user),
        "form": form,
    }
    return render(request, "classrooms/teach.html", context, status=status)


@staff_required
@require_safe
def teach(request: AuthenticatedRequest) -> HttpResponse:
    return _teach_page(request, ClassroomForm())


@staff_required
@require_POST
def classroom_create(request: AuthenticatedRequest) -> HttpResponse:
    form = ClassroomForm(request.POST)
    if not form.is_valid():
        return _teach_page(request, form, status=400)
    classroom = services.classroom_create(
        teacher=request.user, name=form.cleaned_data["name"], age_band=form.cleaned_data["age_band"]
    )
    messages.success(
        request,
        f"Class “{classroom.name}” is ready. Its join code is {classroom.join_code}. "
        "Now choose its modules: the ones ticked fit its age, a week apart.",
    )
    return redirect("classrooms:class", classroom_id=classroom.pk)


def _class_page(
    request: AuthenticatedRequest,
    classroom: Classroom,
    *,
    assign_form: AssignmentForm | None = None,
    many_form: AssignManyForm | None = None,
    status: int = 200,
) -> HttpResponse:
    students = teaching.class_students(classroom=classroom)
    matrix = teaching.class_matrix(classroom=classroom, sort=request.GET.get("sort"), students=students)
    join_link = sharing.join_link(request, classroom)
    context = {
        "classroom": classroom,
        "matrix": matrix,
        "summary": summary.class_summary(matrix=matrix, students=students) if students else None,
        "assign_form": assign_form or AssignmentForm(classroom=classroom),
        "many_form": many_form or assign_many_form(classroom, matrix),
        "join_url": request.build_absolute_uri(reverse("classrooms:join")),
        "join_link": join_link,
        "qr": sharing.qr_svg(join_link),
        "share_links": sharing.share_links(join_link),
        "band": get_course().age_band(classroom.age_band),
        "summary_first": bool(matrix.rows and matrix.assigned),
        "min_shown": teaching.MIN_RESPONSES_SHOWN,
        "age_choices": AgeBandForm().fields["age_band"].choices,  # type: ignore[attr-defined]
        "hand_over_to": [
            person
            for person in account_selectors.school_staff_active(school=classroom.school)
            if person.pk != classroom.teacher_id
        ],
        "join_notices": teaching.join_notices(classroom=classroom),
        "question_counts": questions.question_counts(classroom=classroom),
    }
    return render(request, "classrooms/class.html", context, status=status)


@staff_required
@require_safe
def classroom_detail(request: AuthenticatedRequest, classroom_id: int) -> HttpResponse:
    return _class_page(request, access_classroom(request, classroom_id))


@staff_required
@require_POST
def assignment_set(request: AuthenticatedRequest, classroom_id: int) -> HttpResponse:
    classroom = access_classroom(request, classroom_id)
    form = AssignmentForm(request.POST, classroom=classroom)
    if not form.is_valid():
        return _class_page(request, classroom, assign_form=form, status=400)
    data = form.cleaned_data
    try:
        _, created = services.assignment_set(
            classroom=classroom, module_id=data["module_id"], due_on=data["due_on"], note=data["note"]
        )
    except Refused as refusal:
        return refused(request, refusal, classroom)
    module = get_course().module(data["module_id"])
    title = module.title if module else data["module_id"]
    messages.success(request, f"“{title}” is {'assigned' if created else 'updated'}.")
    return redirect("classrooms:class", classroom_id=classroom.pk)


@staff_required
@require_POST
def assign_many(request: AuthenticatedRequest, classroom_id: int) -> HttpResponse:
    classroom = access_classroom(request, classroom_id)
    data = request.POST.copy()
    if "whole" in data:  # "Assign the whole course": every module, with the dates shown
        data.setlist("modules", [m.id for m in get_course().modules])
    matrix = teaching.class_matrix(classroom=classroom)
    form = assign_many_form(classroom, matrix, data)
    if not form.is_valid():
        return _class_page(request, classroom, many_form=form, status=400)
    try:
        created = services.assignments_set_many(classroom=classroom, picks=form.picks())
    except Refused as refusal:
        return refused(request, refusal, classroom)
    picked = len(form.picks())
    messages.success(
        request, f"{created} module{'s' if created != 1 else ''} assigned; {picked - created} already set updated."
    )
    return redirect("classrooms:class", classroom_id=classroom.pk)


@staff_required
@require_POST
def assignment_delete(request: AuthenticatedRequest, classroom_id: int, assignment_id: int) -> HttpResponse:
    classroom = access_classroom(request, classroom_id)
    assignment = access.assignment_get_for_teacher(classroom=classroom, assignment_id=assignment_id)
    try:
        services.assignment_delete(assignment=assignment)
    except Refused as refusal:
        return refused(request, refusal, classroom)
    messages.success(request, "The assignment is removed. Students keep the progress they made.")
    return redirect("classrooms:class", classroom_id=classroom.pk)


@staff_required
@require_http_methods(["GET", "HEAD", "POST"])
def roster(request: AuthenticatedRequest, classroom_id: int) -> HttpResponse:
    classroom = access_classroom(request, classroom_id)
    existing = [student.first_name for student in teaching.class_students(classroom=classroom)]
    form = RosterForm(request.POST or None, existing=existing)
    if request.method == "POST" and form.is_valid():
        try:
            logins = student_services.roster_create(classroom=classroom, names=form.cleaned_data["names"])
        except Refused as refusal:
            return refused(request, refusal, classroom)
        issue(request, logins, classroom.pk)
        return redirect("classrooms:cards", classroom_id=classroom.pk)
    return render(request, "classrooms/roster.html", {"classroom": classroom, "form": form})


@never_cache
@staff_required
@require_safe
def cards(request: AuthenticatedRequest, classroom_id: int) -> HttpResponse:
    classroom = access_classroom(request, classroom_id)
    # A card's QR opens the sign-in page, not the join link: a student who already has a card and
    # scanned "join" could make a second account and leave their progress on the first.
    context = {
        "classroom": classroom,
        "logins": take_issued(request, classroom.pk),
        "site_url": request.build_absolute_uri(reverse("login")),
    }
    context["qr"] = sharing.qr_svg(context["site_url"])
    return render(request, "classrooms/cards.html", context)


@staff_required
@require_http_methods(["GET", "HEAD", "POST"])
def cards_reissue(request: AuthenticatedRequest, classroom_id: int) -> HttpResponse:
    """New passphrases for the students ticked (all, at first), after a page that says what happens (D3)."""
    classroom = access_classroom(request, classroom_id)
    if classroom.archived:
        return refused(request, Refused(services.ARCHIVED), classroom)
    students = teaching.class_students(classroom=classroom)
    form = ReissueForm(request.POST or None, students=[(s.pk, s.first_name) for s in students])
    if request.method == "POST" and form.is_valid():
        try:
            logins = student_services.students_reset_passphrases(
                classroom=classroom, student_ids=form.cleaned_data["students"]
            )
        except Refused as refusal:
            return refused(request, refusal, classroom)
        issue(request, logins, classroom.pk)
        return redirect("classrooms:cards", classroom_id=classroom.pk)
    context = {"classroom": classroom, "form": form, "students": students}
    return render(request, "classrooms/cards_reissue.html", context, status=400 if form.errors else 200)


@staff_required
@require_POST
def join_code_rotate(request: AuthenticatedRequest, classroom_id: int) -> HttpResponse:
    classroom = access_classroom(request, classroom_id)
    try:
        services.classroom_rotate_join_code(classroom=classroom)
    except Refused as refusal:
        return refused(request, refusal, classroom)
    messages.success(request, f"The new join code is {classroom.join_code}. The old one no longer works.")
    return redirect("classrooms:class", classroom_id=classroom.pk)


@staff_required
@require_POST
def classroom_archive(request: AuthenticatedRequest, classroom_id: int) -> HttpResponse:
    classroom = access_classroom(request, classroom_id)
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
def classroom_delete(request: AuthenticatedRequest, classroom_id: int) -> HttpResponse:
    classroom = access_classroom(request, classroom_id)
    confirmed, form = delete_confirmed(request)
    if confirmed:
        name = classroom.name
        deleted = services.classroom_delete(classroom=classroom)
        accounts = f"{deleted} student account that was" if deleted == 1 else f"{deleted} student accounts that were"
        messages.success(
            request, f"“{name}” is deleted, with the {accounts} only in it." if deleted else f"“{name}” is deleted."
        )
        return redirect("classrooms:teach")
    return confirm_delete_page(
        request,
        form,
        classroom=classroom,
        what=f"the class “{classroom.name}”",
        consequence="Its assignments go, and so does every student account that is in no other class, "
        "with all their progress. Students who are in another class stay there.",
        cancel_url=reverse("classrooms:class", args=[classroom.pk]),
    )


@staff_required
@require_safe
def classroom_export_csv(request: AuthenticatedRequest, classroom_id: int) -> StreamingHttpResponse:
    classroom = access_classroom(request, classroom_id)
    lines = exports.progress_csv_lines(teaching.class_matrix(classroom=classroom))
    response = StreamingHttpResponse(lines, content_type="text/csv; charset=utf-8")
    filename = exports.progress_csv_filename(classroom, timezone.localdate())
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@staff_required
@require_safe
def quiz_report(request: AuthenticatedRequest, classroom_id: int, module_id: str) -> HttpResponse:
    classroom = access_classroom(request, classroom_id)
    report = teaching.class_quiz_report(classroom=classroom, module_id=module_id)
    return render(request, "classrooms/quiz_report.html", {"classroom": classroom, "report": report})

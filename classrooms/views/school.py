"""A school admin's page: the school's staff code, its staff (admins, who may sign in) and every class;
handing classes to another teacher; and a teacher deleting their own account."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from accounts import selectors as account_selectors
from accounts import services as account_services
from accounts.decorators import AuthenticatedRequest, school_admin_required, staff_required
from accounts.errors import Refused

from ..forms import HandOverForm
from ..selectors import teaching
from ..services import school as services
from .access import access_classroom
from .common import confirm_delete_page, delete_confirmed, delete_own_account


@school_admin_required
@require_safe
def school(request: AuthenticatedRequest) -> HttpResponse:
    school = account_selectors.school_for_staff(user=request.user)
    context = {
        "school": school,
        "staff": teaching.school_staff(school=school) if school else [],
        "active_staff": account_selectors.school_staff_active(school=school) if school else [],
        "classrooms": teaching.teacher_overview(user=request.user),
        "signup_url": request.build_absolute_uri(reverse("signup-staff")),
    }
    return render(request, "classrooms/school.html", context)


@school_admin_required
@require_POST
def school_code_rotate(request: AuthenticatedRequest) -> HttpResponse:
    school = account_selectors.school_for_staff(user=request.user)
    if school is not None:
        account_services.school_rotate_staff_code(school=school)
        messages.success(request, f"The new school code is {school.staff_code}. The old one no longer works.")
    return redirect("classrooms:school")


@school_admin_required
@require_POST
def staff_admin(request: AuthenticatedRequest, member_id: int) -> HttpResponse:
    """Make a teacher an admin (admin=1) or an admin a teacher again (admin=0)."""
    member = account_selectors.staff_member_get_for_admin(admin=request.user, member_id=member_id)
    make_admin = request.POST.get("admin") == "1"
    try:
        account_services.staff_set_admin(member=member, admin=make_admin)
    except Refused as refusal:
        messages.error(request, str(refusal))
    else:
        messages.success(
            request, f"{member.first_name} is {'now a school admin' if make_admin else 'a teacher, not an admin'}."
        )
    return redirect("classrooms:school")


@school_admin_required
@require_POST
def staff_active(request: AuthenticatedRequest, member_id: int) -> HttpResponse:
    """Deactivate (active=0: no more signing in; their classes stay) or reactivate (active=1)."""
    member = account_selectors.staff_member_get_for_admin(admin=request.user, member_id=member_id)
    active = request.POST.get("active") == "1"
    try:
        account_services.staff_set_active(member=member, active=active)
    except Refused as refusal:
        messages.error(request, str(refusal))
    else:
        messages.success(
            request,
            f"{member.first_name} can sign in again."
            if active
            else f"{member.first_name} can no longer sign in. Their classes stay: hand them to another teacher below.",
        )
    return redirect("classrooms:school")


@school_admin_required
@require_POST
def staff_classes_hand_over(request: AuthenticatedRequest, member_id: int) -> HttpResponse:
    """All of one teacher's classes to another active teacher of the school."""
    member = account_selectors.staff_member_get_for_admin(admin=request.user, member_id=member_id)
    staff = account_selectors.school_staff_active(school=member.staff_membership.school)
    form = HandOverForm(request.POST, staff=staff, current=member)
    try:
        if not form.is_valid():
            raise Refused("Choose an active teacher at this school to hand the classes to.")
        moved = services.classrooms_hand_over_all(from_teacher=member, to_teacher=form.teacher())
    except Refused as refusal:
        messages.error(request, str(refusal))
    else:
        messages.success(request, f"{moved} class{'es' if moved != 1 else ''} handed to {form.teacher().first_name}.")
    return redirect("classrooms:school")


@staff_required
@require_POST
def classroom_hand_over(request: AuthenticatedRequest, classroom_id: int) -> HttpResponse:
    """One class to another active teacher of its school: by its school admin, or by its own teacher."""
    classroom = access_classroom(request, classroom_id)
    staff = account_selectors.school_staff_active(school=classroom.school)
    form = HandOverForm(request.POST, staff=staff, current=classroom.teacher)
    from_school_page = request.POST.get("back") == "school" and request.user.is_school_admin
    try:
        if not form.is_valid():
            raise Refused("Choose an active teacher at this school to hand the class to.")
        services.classroom_hand_over(classroom=classroom, to_teacher=form.teacher())
    except Refused as refusal:
        messages.error(request, str(refusal))
    else:
        messages.success(request, f"“{classroom.name}” is now {form.teacher().first_name}’s class.")
        if not request.user.is_school_admin:
            return redirect("classrooms:teach")  # a teacher who gave their class away may no longer open it
    if from_school_page:
        return redirect("classrooms:school")
    return redirect("classrooms:class", classroom_id=classroom.pk)


@staff_required
@require_http_methods(["GET", "HEAD", "POST"])
def account_delete(request: AuthenticatedRequest) -> HttpResponse:
    """A teacher or admin deletes their own account, once no class is theirs (and not the last admin)."""
    confirmed, form = delete_confirmed(request)
    if confirmed:
        try:
            services.staff_account_delete(user=request.user)
        except Refused as refusal:
            form.add_error(None, str(refusal))
        else:
            return delete_own_account(request, deleted=True)
    return confirm_delete_page(
        request,
        form,
        what="your account",
        consequence="Your sign-in goes for good. First hand each of your classes to another teacher "
        "(from the class page), so their students keep a teacher; the only admin of a school must make "
        "another teacher an admin first.",
        cancel_url=reverse("classrooms:teach"),
    )

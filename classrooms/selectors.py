"""Reads for classroom, student and family pages. Every permission rule lives here.

Anything a URL names is fetched through a ``*_get_for_*`` function that
raises 404 unless this user may see it, so another school's class and a
class that exists but isn't yours look the same: not found.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.db.models import Count, F, QuerySet
from django.http import Http404
from django.utils import timezone

from courses import selectors as course_selectors
from courses.domain import Module
from courses.registry import get_course
from quizzes import selectors as quiz_selectors
from quizzes.registry import get_quiz

from .models import Assignment, Classroom, Enrolment, FamilyCode, FamilyLink, School, StaffMembership

User = get_user_model()

# Fewer answers than this to a question and its bars are hidden, so no one answer can be picked out.
MIN_RESPONSES_SHOWN = 5


# --- who may see what -----------------------------------------------------------------------


def school_for_staff(*, user) -> School | None:
    if not (user.is_authenticated and user.is_staff_member):
        return None
    membership = StaffMembership.objects.filter(user=user).select_related("school").first()
    return membership.school if membership else None


def classrooms_visible_to(*, user) -> QuerySet[Classroom]:
    """A teacher's own classes; a school admin's whole school. Nobody else's."""
    if not (user.is_authenticated and user.is_staff_member):
        return Classroom.objects.none()
    if user.is_school_admin:
        return Classroom.objects.filter(school__staff__user=user)
    return Classroom.objects.filter(teacher=user, school__staff__user=user)


def classroom_get_for_teacher(*, user, classroom_id: int) -> Classroom:
    classroom = classrooms_visible_to(user=user).select_related("teacher", "school").filter(pk=classroom_id).first()
    if classroom is None:
        raise Http404("No such class.")
    return classroom


def student_get_for_teacher(*, classroom: Classroom, student_id: int):
    """A student of a class this teacher may see (call classroom_get_for_teacher first)."""
    student = User.objects.filter(pk=student_id, role=User.Role.STUDENT, enrolments__classroom=classroom).first()
    if student is None:
        raise Http404("No such student in this class.")
    return student


def student_deletable_by(*, user, student) -> bool:
    """A teacher may delete a student only if every class the student is in is one this teacher may see."""
    theirs = Classroom.objects.filter(enrolments__student=student)
    return not theirs.exclude(pk__in=classrooms_visible_to(user=user).values("pk")).exists()


def assignment_get_for_teacher(*, classroom: Classroom, assignment_id: int) -> Assignment:
    assignment = Assignment.objects.filter(pk=assignment_id, classroom=classroom).first()
    if assignment is None:
        raise Http404("No such assignment.")
    return assignment


def family_link_get_for_student(*, student, link_id: int) -> FamilyLink:
    link = FamilyLink.objects.filter(pk=link_id, student=student).first()
    if link is None:
        raise Http404("No such link.")
    return link


# --- the class page -------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Cell:
    status: str  # "not-started" | "in-progress" | "done"
    lessons_done: int
    lessons_total: int
    quiz_percent: int | None
    overdue: bool

    @property
    def label(self) -> str:
        return {"not-started": "Not started", "in-progress": "In progress", "done": "Done"}[self.status]

    @property
    def rank(self) -> tuple:
        return ({"not-started": 0, "in-progress": 1, "done": 2}[self.status], self.quiz_percent or -1)


@dataclass(frozen=True, slots=True)
class StudentRow:
    id: int
    nickname: str
    username: str
    cells: tuple[Cell, ...]

    @property
    def done_count(self) -> int:
        return sum(cell.status == "done" for cell in self.cells)


@dataclass(frozen=True, slots=True)
class AssignedModule:
    assignment: Assignment
    module: Module | None  # None when the module has left the course since it was assigned

    @property
    def title(self) -> str:
        return self.module.title if self.module else f"{self.assignment.module_id} (no longer in the course)"


@dataclass
class ClassMatrix:
    classroom: Classroom
    assigned: list[AssignedModule]
    rows: list[StudentRow]
    sort: str
    done_counts: list[int] = field(default_factory=list)


SORTS = ("name", "-name", "progress", "-progress")


def _cell(
    *, module: Module | None, has_quiz: bool, assignment: Assignment, done: int, quiz, today: datetime.date
) -> Cell:
    total = len(module.lessons) if module else 0
    if module is not None and quiz_selectors.module_complete(
        module=module, lessons_done=done, quiz=quiz, has_quiz=has_quiz
    ):
        status = "done"
    elif done or (quiz is not None and quiz.started):
        status = "in-progress"
    else:
        status = "not-started"
    overdue = status != "done" and assignment.due_on is not None and assignment.due_on < today
    return Cell(
        status=status,
        lessons_done=min(done, total),
        lessons_total=total,
        quiz_percent=quiz.best_percent if quiz else None,
        overdue=overdue,
    )


def progress_rows(*, students: list, assigned: list[AssignedModule]) -> list[StudentRow]:
    """Cells for students × assigned modules in two queries, however many students."""
    ids = [student.pk for student in students]
    modules = [a.module for a in assigned if a.module is not None]
    lessons = course_selectors.lessons_done_counts(user_ids=ids, modules=modules)
    quizzes = quiz_selectors.quiz_standings(user_ids=ids, module_ids=[m.id for m in modules])
    today = timezone.localdate()
    columns = [
        (a, a.assignment.module_id, a.module is not None and get_quiz(a.module.id) is not None) for a in assigned
    ]
    rows = []
    for student in students:
        pk = student.pk
        cells = tuple(
            _cell(
                module=a.module,
                has_quiz=has_quiz,
                assignment=a.assignment,
                done=lessons.get((pk, module_id), 0),
                quiz=quizzes.get((pk, module_id)),
                today=today,
            )
            for a, module_id, has_quiz in columns
        )
        rows.append(StudentRow(id=pk, nickname=student.first_name, username=student.username, cells=cells))
    return rows


def assigned_modules(*, classroom: Classroom) -> list[AssignedModule]:
    course = get_course()
    return [AssignedModule(assignment=a, module=course.module(a.module_id)) for a in classroom.assignments.all()]


def class_students(*, classroom: Classroom) -> list:
    return list(
        User.objects.filter(enrolments__classroom=classroom, role=User.Role.STUDENT)
        .only("pk", "first_name", "username")
        .order_by("first_name", "username")
    )


def class_matrix(*, classroom: Classroom, sort: str = "name") -> ClassMatrix:
    """Students × assigned modules. The same number of queries for 30 students or 300."""
    assigned = assigned_modules(classroom=classroom)
    rows = progress_rows(students=class_students(classroom=classroom), assigned=assigned)
    sort = sort if sort in SORTS else "name"
    if sort.endswith("progress"):
        rows.sort(
            key=lambda row: (row.done_count, [cell.rank for cell in row.cells], row.nickname.lower()),
            reverse=sort.startswith("-"),
        )
    elif sort == "-name":
        rows.reverse()
    done_counts = [sum(row.cells[i].status == "done" for row in rows) for i in range(len(assigned))]
    return ClassMatrix(classroom=classroom, assigned=assigned, rows=rows, sort=sort, done_counts=done_counts)


def student_progress(*, classroom: Classroom, student) -> list[tuple[AssignedModule, Cell]]:
    assigned = assigned_modules(classroom=classroom)
    return list(zip(assigned, progress_rows(students=[student], assigned=assigned)[0].cells, strict=True))


@dataclass(frozen=True, slots=True)
class QuizReport:
    module: Module
    students: int
    questions: list[quiz_selectors.QuestionResult]
    min_shown: int = MIN_RESPONSES_SHOWN


def class_quiz_report(*, classroom: Classroom, module_id: str) -> QuizReport:
    if not classroom.assignments.filter(module_id=module_id).exists():
        raise Http404("That module is not assigned to this class.")
    module, quiz = quiz_selectors.quiz_get(module_id=module_id)
    ids = list(Enrolment.objects.filter(classroom=classroom).values_list("student_id", flat=True))
    return QuizReport(
        module=module, students=len(ids), questions=quiz_selectors.question_results(quiz=quiz, user_ids=ids)
    )


def teacher_overview(*, user) -> list[Classroom]:
    return list(
        classrooms_visible_to(user=user)
        .select_related("teacher")
        .annotate(
            student_count=Count("enrolments", distinct=True), assignment_count=Count("assignments", distinct=True)
        )
        .order_by("archived_at", "name", "pk")
    )


def school_staff(*, school: School) -> list:
    return list(
        User.objects.filter(staff_membership__school=school)
        .annotate(class_count=Count("classrooms", distinct=True))
        .order_by("first_name", "username")
    )


# --- a student's own page, and who is watching ---------------------------------------------


@dataclass(frozen=True, slots=True)
class MyAssignment:
    classroom_name: str
    teacher_name: str
    module: Module
    due_on: datetime.date | None
    note: str
    cell: Cell


@dataclass(frozen=True, slots=True)
class Watchers:
    teachers: list[tuple[str, str]]  # (teacher's name, class name)
    parents: list[FamilyLink]


def student_assignments(*, student) -> list[MyAssignment]:
    course = get_course()
    assignments = list(
        Assignment.objects.filter(classroom__enrolments__student=student, classroom__archived_at__isnull=True)
        .select_related("classroom__teacher")
        .order_by(F("due_on").asc(nulls_last=True), "assigned_at")  # undated last on every database
    )
    assigned = [AssignedModule(assignment=a, module=course.module(a.module_id)) for a in assignments]
    assigned = [a for a in assigned if a.module is not None]
    row = progress_rows(students=[student], assigned=assigned)[0] if assigned else None
    return [
        MyAssignment(
            classroom_name=a.assignment.classroom.name,
            teacher_name=a.assignment.classroom.teacher.first_name,
            module=a.module,
            due_on=a.assignment.due_on,
            note=a.assignment.note,
            cell=row.cells[i],
        )
        for i, a in enumerate(assigned)
    ]


def student_watchers(*, student) -> Watchers:
    classes = Classroom.objects.filter(enrolments__student=student).select_related("teacher").order_by("name")
    return Watchers(
        teachers=[(c.teacher.first_name, c.name) for c in classes],
        parents=list(FamilyLink.objects.filter(student=student).select_related("parent").order_by("linked_at")),
    )


def family_code_current(*, student) -> FamilyCode | None:
    return FamilyCode.objects.filter(student=student, expires_at__gt=timezone.now()).first()


# --- a parent's page ------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ModuleLine:
    module: Module
    lessons_done: int
    quiz_percent: int | None
    done: bool


@dataclass(frozen=True, slots=True)
class ChildSummary:
    link: FamilyLink
    nickname: str
    modules: list[ModuleLine]
    assignments: list[MyAssignment]


def family_children(*, parent) -> list[ChildSummary]:
    """Each linked child's modules done, quiz scores and assignments; never an answer or a reflection."""
    if not (parent.is_authenticated and parent.is_parent):
        return []
    links = list(FamilyLink.objects.filter(parent=parent).select_related("student").order_by("linked_at"))
    ids = [link.student_id for link in links]
    modules = list(get_course().modules)
    lessons = course_selectors.lessons_done_counts(user_ids=ids, modules=modules)
    quizzes = quiz_selectors.quiz_standings(user_ids=ids, module_ids=[m.id for m in modules])
    children = []
    for link in links:
        lines = []
        for module in modules:
            done = lessons.get((link.student_id, module.id), 0)
            quiz = quizzes.get((link.student_id, module.id))
            lines.append(
                ModuleLine(
                    module=module,
                    lessons_done=done,
                    quiz_percent=quiz.best_percent if quiz else None,
                    done=quiz_selectors.module_complete(module=module, lessons_done=done, quiz=quiz),
                )
            )
        children.append(
            ChildSummary(
                link=link,
                nickname=link.student.first_name,
                modules=lines,
                assignments=student_assignments(student=link.student),
            )
        )
    return children


# --- data rights ----------------------------------------------------------------------------


def student_export(*, student) -> dict:
    """Everything stored about a student, as the student could read it."""
    return {
        "format": "pause-student-export/1",
        "exported_at": timezone.now().isoformat(),
        "account": {
            "username": student.username,
            "nickname": student.first_name,
            "joined": student.date_joined.isoformat(),
            "last_sign_in": student.last_login.isoformat() if student.last_login else None,
        },
        "classes": [
            {"class": e.classroom.name, "teacher": e.classroom.teacher.first_name, "joined": e.joined_at.isoformat()}
            for e in Enrolment.objects.filter(student=student).select_related("classroom__teacher")
        ],
        "lessons_done": course_selectors.lesson_progress_export(user=student),
        "quiz_attempts": quiz_selectors.attempts_export(user=student),
        "family_links": [
            {"parent": link.parent.first_name, "linked_at": link.linked_at.isoformat()}
            for link in FamilyLink.objects.filter(student=student).select_related("parent")
        ],
        "reflections": "Never stored: reflections stay in your browser.",
    }

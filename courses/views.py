"""Pages of the reading path. Every one works for a visitor, without JavaScript."""

from __future__ import annotations

import logging

from django.conf import settings
from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from core import hooks
from core.hooks import ModuleVisit, module_links, module_prompts, teaching_links

from . import presenting, selectors, services
from .domain import CheckOption, Lesson, Module, PracticeCheck, Region
from .forms import HelpFinderForm, PracticeAnswerForm, RegionForm
from .registry import get_course
from .sessions import HELP_AGE_SESSION_KEY, REGION_SESSION_KEY

logger = logging.getLogger(__name__)


@require_safe
def home(request: HttpRequest) -> HttpResponse:
    context = {
        "course": get_course(),
        # Classes live in another app: its links come through core's hooks (none if it is not installed).
        "teacher_links": hooks.home_teacher_links(request),
        "student_links": hooks.home_student_links(request),
    }
    return render(request, "courses/home.html", context)


@require_safe
def catalogue(request: HttpRequest) -> HttpResponse:
    # Every module, each with the youngest age it is written for (review D22: an age-band filter hid
    # too little and needed a click). An old ``?age=`` address still shows the whole list.
    course = get_course()
    done = selectors.lessons_done(user=request.user, session=request.session)
    rows = [(m, selectors.module_progress(module=m, done=done)) for m in course.modules]
    return render(request, "courses/catalogue.html", {"course": course, "rows": rows})


@require_safe
def module_detail(request: HttpRequest, module_id: str) -> HttpResponse:
    module = selectors.module_get(module_id=module_id)
    done = selectors.lessons_done(user=request.user, session=request.session, module=module)
    context = {
        "module": module,
        "progress": selectors.module_progress(module=module, done=done),
        "parent_guide": get_course().guide(module.parent_guide_id) if module.parent_guide_id else None,
        "module_links": module_links(module),
        "module_prompts": module_prompts(ModuleVisit(request, module)),
    }
    return render(request, "courses/module.html", context)


@require_safe
def teacher_notes(request: HttpRequest, module_id: str) -> HttpResponse:
    module = selectors.module_get(module_id=module_id)
    if module.teacher_notes is None:
        return redirect("courses:module", module_id=module.id)
    context = {"module": module, "notes": module.teacher_notes, "pack_links": teaching_links(module)}
    return render(request, "courses/teacher_notes.html", context)


@require_safe
def lesson_detail(request: HttpRequest, module_id: str, lesson_id: str) -> HttpResponse:
    module, lesson = selectors.lesson_get(module_id=module_id, lesson_id=lesson_id)
    return _lesson_page(request, module, lesson, address=request.path)


# No CSRF token: an answer changes nothing anywhere (no row, no session key, no log line), and a token
# in the form would put one reader's value into the lesson fragment every reader is served from cache.
@csrf_exempt
@require_http_methods(["GET", "HEAD", "POST"])
def lesson_check(request: HttpRequest, module_id: str, lesson_id: str) -> HttpResponse:
    """A practice check answered without JavaScript: the lesson again, with the feedback at that check."""
    module, lesson = selectors.lesson_get(module_id=module_id, lesson_id=lesson_id)
    form = PracticeAnswerForm(request.POST if request.method == "POST" else None, lesson=lesson)
    if not form.is_valid():  # a bookmarked address, or a check this lesson does not have: the lesson as it is
        return redirect("courses:lesson", module_id=module.id, lesson_id=lesson.id)
    return _lesson_page(request, module, lesson, address=request.path.removesuffix("check/"), answered=form.chosen())


def _lesson_page(
    request: HttpRequest,
    module: Module,
    lesson: Lesson,
    *,
    address: str,
    answered: tuple[PracticeCheck, CheckOption | None] | None = None,
) -> HttpResponse:
    """The lesson for this reader. ``address`` is the lesson's own (the request's, less check/ for an answer).

    "Mark as done" posts to ``address`` + done/ (courses/urls.py): reverse() for it cost a twentieth of
    the page (``make bench``); tests/integration/test_reading_path.py holds the two together.
    """
    done = selectors.lessons_done(user=request.user, session=request.session, module=module)
    previous, following = module.neighbours(lesson)
    course = get_course()
    # Only a lesson that shows the law card varies with the reader's region.
    region = selectors.reader_region(session=request.session, course=course) if lesson.show_law_card else None
    check, option = answered if answered else (None, None)
    context = {
        "module": module,
        "lesson": lesson,
        "previous": previous,
        "next": following,
        "module_links": module_links(module) if following is None else [],
        "module_prompts": module_prompts(ModuleVisit(request, module)) if previous is None else [],
        "law_card": course.law_cards.get(region.id) if region else None,
        "law_region": region.id if region else "",  # part of the fragment's key (a plain string: cheap to read)
        # Read only inside the cached lesson fragment: callables, so a cached page never computes them.
        "law_cards": lambda: [course.law_cards[r.id] for r in course.regions if r.id in course.law_cards],
        "help_everywhere": lambda: selectors.help_everywhere(course=course),
        # A practice answer (ids from the course, never the reader's own words): part of the fragment's key.
        "answered_check": check.id if check else "",
        "answered_option": option.id if option else "",
        "is_done": lesson.key in done,
        "done_url": address + "done/",
        "progress": selectors.module_progress(module=module, done=done),
        # The lesson's own address (a practice answer is posted to another): the link sits in the
        # cached fragment that ends the page.
        "page_report_links": lambda: hooks.page_report_links(address),
    }
    return render(request, "courses/lesson.html", context)


@require_safe
def lesson_present(request: HttpRequest, module_id: str, lesson_id: str) -> HttpResponse:
    """The lesson as slides for the classroom screen; public, as the lesson and the teacher notes are."""
    module, lesson = selectors.lesson_get(module_id=module_id, lesson_id=lesson_id)
    slides = presenting.lesson_slides(lesson)
    context = {
        "module": module,
        "lesson": lesson,
        "slides": slides,
        "last": len(slides) + 1,  # the closing slide: where help is
        "notes": presenting.presenter_notes(module, lesson),
        "help_everywhere": lambda: selectors.help_everywhere(course=get_course()),
    }
    return render(request, "courses/present.html", context)


@require_safe
def lesson_present_notes(request: HttpRequest, module_id: str, lesson_id: str) -> HttpResponse:
    """The presenter notes on their own, for a second window or a second screen."""
    module, lesson = selectors.lesson_get(module_id=module_id, lesson_id=lesson_id)
    context = {"module": module, "lesson": lesson, "notes": presenting.presenter_notes(module, lesson)}
    return render(request, "courses/present_notes.html", context)


@require_http_methods(["GET", "HEAD", "POST"])
def lesson_mark_done(request: HttpRequest, module_id: str, lesson_id: str) -> HttpResponse:
    module, lesson = selectors.lesson_get(module_id=module_id, lesson_id=lesson_id)
    if request.method != "POST":  # a bookmarked or refreshed form address: show the lesson, change nothing
        return redirect("courses:lesson", module_id=module.id, lesson_id=lesson.id)
    services.lesson_progress_mark_done(user=request.user, session=request.session, lesson=lesson)
    messages.success(request, f"“{lesson.title}” is marked as done.")
    _, following = module.neighbours(lesson)
    if following is not None:
        return redirect("courses:lesson", module_id=module.id, lesson_id=following.id)
    # After the last lesson, where its "next" button leads: the first link another app gives the
    # module (the quiz, when there is one), else the module's page.
    after = module_links(module)
    return redirect(after[0].url if after else reverse("courses:module", args=[module.id]))


@require_safe
def guide_list(request: HttpRequest) -> HttpResponse:
    course = get_course()
    return render(
        request,
        "courses/guide_list.html",
        {"parents": course.guides_for("parents"), "teachers": course.guides_for("teachers")},
    )


@require_safe
def guide_detail(request: HttpRequest, guide_id: str) -> HttpResponse:
    guide = selectors.guide_get(guide_id=guide_id)
    course = get_course()
    modules = [course.module(module_id) for module_id in guide.module_ids]
    return render(request, "courses/guide.html", {"guide": guide, "modules": [m for m in modules if m]})


@require_http_methods(["GET", "HEAD", "POST"])
def help_page(request: HttpRequest) -> HttpResponse:
    course = get_course()
    if request.method == "POST":
        form = HelpFinderForm(request.POST, regions=course.regions)
        if form.is_valid():
            # The answers stay out of the address (and so out of the browser's history): the region is
            # remembered as before; the image's age only until the results page has been shown once.
            request.session[REGION_SESSION_KEY] = form.cleaned_data["region"]
            request.session[HELP_AGE_SESSION_KEY] = form.cleaned_data["image_age"] or "unsure"
            return redirect(f"{reverse('courses:help')}#services")
        logger.warning("refused the help finder: %s", ", ".join(sorted(form.errors)))
        context = {"form": form, "course": course, "help_everywhere": selectors.help_everywhere(course=course)}
        return render(request, "courses/help.html", context, status=400)

    # ?region= and ?image_age= still work for old bookmarks; no page of the site builds them any more.
    region = course.region(request.GET.get("region")) or selectors.reader_region(session=request.session, course=course)
    return _help_results(request, region=region, image_age=request.GET.get("image_age"))


@require_safe
def help_region(request: HttpRequest, region_id: str) -> HttpResponse:
    """Help in one region, from a plain link (lessons, law cards, quiz endings): nothing about the reader's
    situation in the address, so their history shows only that they looked at help for a place."""
    return _help_results(request, region=selectors.region_get(region_id=region_id), image_age=None)


def _help_results(request: HttpRequest, *, region: Region | None, image_age: str | None) -> HttpResponse:
    course = get_course()
    answered_age = request.session.pop(HELP_AGE_SESSION_KEY, None)
    image_age = image_age or answered_age
    image_age = image_age if image_age in selectors.IMAGE_AGES else None
    form = HelpFinderForm(
        initial={"region": region.id if region else "", "image_age": image_age or "unsure"}, regions=course.regions
    )
    directory = selectors.help_directory_get(region_id=region.id if region else None)
    context = {
        "form": form,
        "course": course,
        "region": region,
        "image_age": image_age,
        "image_age_label": selectors.IMAGE_AGES.get(image_age) if image_age else None,
        "directory": directory,
        "sections": directory.sections_for(image_age) if directory else (),
        "help_everywhere": selectors.help_everywhere(course=course),
        "law_card": course.law_cards.get(region.id) if region else None,
        "last_change": course.last_change_of(f"help/{region.id}.yaml") if directory and region else None,
    }
    return render(request, "courses/help.html", context)


@require_safe
def help_private(request: HttpRequest) -> HttpResponse:
    """Staying private on a shared device: what Quick exit does not do, private windows, history."""
    return render(request, "courses/help_private.html")


@require_safe
def law_list(request: HttpRequest) -> HttpResponse:
    course = get_course()
    region = selectors.reader_region(session=request.session, course=course)
    # No "next": choosing a region here opens its card (region_set), with a word that it is remembered.
    form = RegionForm(initial={"region": region.id if region else None}, regions=course.regions)
    cards = [course.law_cards[r.id] for r in course.regions if r.id in course.law_cards]
    return render(request, "courses/law_list.html", {"cards": cards, "region": region, "form": form})


@require_safe
def law_detail(request: HttpRequest, region_id: str) -> HttpResponse:
    card = selectors.law_card_get(region_id=region_id)
    last_change = get_course().last_change_of(f"law/{card.region.id}.yaml")
    return render(request, "courses/law.html", {"card": card, "last_change": last_change})


@require_safe
def changes(request: HttpRequest) -> HttpResponse:
    """What changed in what the course teaches, newest first; ?region= keeps a region's (and everyone's)."""
    course = get_course()
    asked = request.GET.get("region") or ""
    region = course.region(asked)
    if asked and region is None:
        messages.warning(request, "We don't have that region, so here are the changes for every region.")
    form = RegionForm(initial={"region": region.id if region else ""}, regions=course.regions)
    choices = [("", "Every region"), *form.fields["region"].choices]  # type: ignore[attr-defined]
    form.fields["region"].choices = choices  # type: ignore[attr-defined]
    form.fields["region"].label = "Show changes for"
    context = {"changes": course.changes_for(region.id if region else None), "region": region, "form": form}
    return render(request, "courses/changes.html", context)


@require_POST
def region_set(request: HttpRequest) -> HttpResponse:
    course = get_course()
    form = RegionForm(request.POST, regions=course.regions)
    if not form.is_valid():
        logger.warning("refused a region choice: %s", ", ".join(sorted(form.errors)))
        messages.error(request, "Please choose one of the regions listed.")
        return redirect("courses:law")
    request.session[REGION_SESSION_KEY] = form.cleaned_data["region"]
    chosen = course.region(form.cleaned_data["region"])
    if chosen is not None:  # the session cookie lasts until the browser closes (SESSION_EXPIRE_AT_BROWSER_CLOSE)
        messages.success(request, f"We’ll remember {chosen.name} on this device until you close the browser.")
    target = form.cleaned_data.get("next") or ""
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return redirect(target)
    if target:
        logger.warning("refused to send a reader to another site after choosing a region")
    if form.cleaned_data["region"] in course.law_cards:
        return redirect("courses:law-region", region_id=form.cleaned_data["region"])
    return redirect("courses:law")


@require_safe
def styleguide(request: HttpRequest) -> HttpResponse:
    """Every component, the palette, the module colours, icons and pictures (docs/design.md): development only."""
    if not settings.DEBUG:
        raise Http404("The style guide is only served in development.")
    course = get_course()
    diagrams = sorted(p.name for p in (settings.BASE_DIR / "static" / "img" / "diagrams").glob("*.svg"))
    context = {
        "course": course,
        "help_everywhere": selectors.help_everywhere(course=course),
        "diagrams": diagrams,
        "type_steps": ["4", "3", "2", "1", "0", "-1"],
        "tokens": STYLEGUIDE_TOKENS,
    }
    return render(request, "courses/styleguide.html", context)


# The page-wide colours of pause.css, shown on /styleguide/ (docs/design.md gives their contrast).
STYLEGUIDE_TOKENS = (
    ("--pause-ink", "Text"),
    ("--pause-paper", "Quiet background: footer, objectives"),
    ("--pause-accent", "Accent: word-mark, main buttons, highlights"),
    ("--pause-accent-tint", "Accent background: the crisis line"),
    ("--pause-calm", "Help: the help box's border"),
    ("--pause-calm-tint", "Help background"),
    ("--pause-key-tint", "Key points background"),
    ("--pause-note-bg", "Content note background"),
)

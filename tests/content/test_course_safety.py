"""What a safeguarding lead relies on: sources, help for every region, law cards, and safe stories and quizzes."""

import datetime
import re

import pytest

from courses import schemas
from quizzes.kinds.ordering import Ordering
from quizzes.kinds.scenario import Scenario
from tests.content.conftest import BRIEF_LOWER, CONTENT, FACT_BRIEF, MODULES, REGIONS, STALE_AFTER, content_files
from tools.text import fk_grade, plain_text


def test_every_region_has_a_law_card_and_help(course):
    assert [r.id for r in course.regions] == REGIONS
    assert set(course.law_cards) == set(REGIONS) == set(course.help_directories)


@pytest.mark.parametrize("region", REGIONS)
def test_each_law_card_answers_every_question_students_ask(course, region):
    card = course.law_cards[region]
    topics = [entry.topic for entry in card.entries]
    assert topics[: len(schemas.LAW_TOPICS_REQUIRED)] == list(schemas.LAW_TOPICS_REQUIRED), region
    assert "not legal advice" in card.summary_html
    assert all(entry.sources and all(source.url for source in entry.sources) for entry in card.entries)
    # "What this means for you": short, and readable at 13.
    # Counted as the loader counts (a hyphenated word is one word); the loader refuses more (content.E032).
    assert len(re.findall(r"\b\w[\w'’-]*\b", plain_text(card.for_you_html))) <= schemas.FOR_YOU_MAX_WORDS
    assert fk_grade(card.for_you_html) <= 7, f"{region}: Flesch–Kincaid grade {fk_grade(card.for_you_html):.1f}"
    # The two ages the image-law module is built on are stated, never declined.
    for topic in ("age-of-consent", "image-age"):
        text = plain_text(card.entry(topic).html)
        assert re.search(r"\b1[678]\b", text), f"{region}: {topic} states no age"
        assert not re.search(r"not (?:reliably )?confirm", text, re.IGNORECASE), f"{region}: {topic} declines"


# What each region's help page has, by kind (issue 10: every region has each of these).
@pytest.mark.parametrize("region", REGIONS)
def test_each_region_has_every_kind_of_help_a_reader_in_crisis_needs(course, region):
    directory = course.help_directories[region]
    present = {kind for service in directory.services for kind in service.kinds}
    for kind in schemas.HELP_KINDS_REQUIRED:
        assert kind in present, f"{region} has no {kind}"
    assert directory.emergency is not None and directory.emergency.phone
    assert any(s.phone or s.text_message for s in directory.of_kind("youth-line")), f"{region}: no youth line to call"
    assert any(s.phone or s.text_message for s in directory.of_kind("crisis-line")), f"{region}: no crisis line"
    assert "worried-about-own-behaviour" in present or "worried-about-own-behaviour" in directory.missing_html
    # Under 18: a number to call and a place to report, in the lessons' order (someone to talk to early).
    sections = [section.id for section in directory.sections_for("under-18")]
    assert sections[:3] == ["danger", "talk", "report"], f"{region}: {sections}"


def test_the_help_kinds_per_region_are_as_listed(course):
    """The table in the closing note: which kinds each region's help page has."""
    table = {
        region: sorted({kind for s in course.help_directories[region].services for kind in s.kinds})
        for region in REGIONS
    }
    for region, kinds in table.items():
        print(f"{region}: {', '.join(kinds)}")
    assert all(set(schemas.HELP_KINDS_REQUIRED) <= set(kinds) for kinds in table.values())


# --- sourced and current ------------------------------------------------------------------------


def test_every_law_card_guide_and_module_has_sources_and_a_recent_review(course):
    today = datetime.date.today()
    dated = [(f"law/{c.region.id}", c.reviewed, c.sources) for c in course.law_cards.values()]
    dated += [(f"guides/{g.id}", g.reviewed, g.sources) for g in course.guides]
    dated += [(f"modules/{m.id}", m.reviewed, m.sources) for m in course.modules]
    for name, reviewed, sources in dated:
        assert sources, f"{name} has no sources"
        assert reviewed <= today, f"{name} is reviewed in the future"
        assert today - reviewed <= STALE_AFTER, f"{name} was last reviewed {reviewed}: review it again"


def test_every_help_service_has_sources(course):
    for directory in course.help_directories.values():
        for service in directory.services:
            assert service.sources, f"{directory.region.id}/{service.id}"
            assert all(source.url and source.publisher for source in service.sources), service.id


def _section_8(brief: str) -> tuple[list[str], list[str]]:
    """The hosts and pages the fact brief says never to cite."""
    section = brief[brief.index("## 8. Sources never to cite") : brief.index("## Appendix")]
    hosts_part, pages_part = section.split("**Never cite these pages**", 1)
    pages_part = pages_part.split("**Replaced, not banned:**", 1)[0]
    hosts = [
        host.removeprefix("www.")
        for line in hosts_part.splitlines()
        if line.startswith("| ") and not line.startswith("| Host")
        # A host's labels after the first are two letters or more, so "e.g." in the prose is not one.
        for host in re.findall(r"[a-z0-9-]+(?:\.[a-z0-9-]{2,})+", line.split("|")[1].lower())
    ]
    pages = [
        match.group(0).rstrip("/")
        for line in pages_part.splitlines()
        if line.startswith("| ") and not line.startswith("| Page") and "FAQ and help pages" not in line
        if (match := re.match(r"[a-z0-9-]+(?:\.[a-z0-9-]+)+(?:/[^\s(]*)?", line.split("|")[1].strip()))
    ]
    return hosts, pages


def test_no_source_the_fact_brief_forbids_can_be_cited(course):
    hosts, pages = _section_8(FACT_BRIEF)
    assert len(hosts) > 50 and len(pages) >= 5
    for target in hosts + pages:
        assert course.publisher_of(f"https://{target}") is None, f"{target} is in the brief's section 8"
        assert course.publisher_of(f"https://www.{target}/any/page") is None, target


def test_every_accepted_publisher_is_one_the_fact_brief_uses(course):
    """Or, for a curriculum body, one whose framework content/standards/ maps (it is there for nothing else)."""
    framework_hosts = {getattr(course.publisher_of(f.url), "host", None) for f in course.standards.frameworks}
    for host, publisher in course.publishers.hosts.items():
        if publisher.kind == "curriculum":
            assert host in framework_hosts, f"{host} is a curriculum publisher but no file in standards/ links to it"
        else:
            assert host in BRIEF_LOWER, f"{host} is on publishers.yaml but the fact brief never cites it"


def test_no_reader_is_shown_a_secondary_label():
    for path in content_files():
        if path.name == "publishers.yaml":  # its refusals name what is never shown, and why
            continue
        text = path.read_text(encoding="utf-8")
        for label in (r"\(secondary\)", r"secondary source", r"as reproduced", r"low-quality"):
            assert not re.search(label, text, re.IGNORECASE), f"{path.relative_to(CONTENT)}: {label}"


# --- safe, in stories and quizzes ------------------------------------------------------------------

THREAT_WORDS = re.compile(r"\b(threat\w*|blackmail\w*|sextort\w*|or I'll|or I will|extort\w*)", re.IGNORECASE)


def _quiz_text(quiz) -> str:
    parts = [quiz.intro_html]
    for item in quiz.items:
        if isinstance(item, Scenario):
            parts += [item.intro_html] + [step.prompt_html for step in item.steps.values()]
            parts += [choice.text + choice.feedback_html for step in item.steps.values() for choice in step.choices]
            parts += [ending.summary_html + ending.next_steps_html for ending in item.endings.values()]
        else:
            parts += [getattr(item, "prompt_html", ""), getattr(item, "statement_html", "")]
    return " ".join(parts)


@pytest.mark.parametrize("module_id", MODULES)
def test_a_quiz_that_deals_with_threats_carries_a_content_note(course, quizzes, module_id):
    quiz, module = quizzes[module_id], course.module(module_id)
    if THREAT_WORDS.search(plain_text(_quiz_text(quiz))):
        assert quiz.content_note or module.content_note, f"{module_id}: the quiz deals with threats"


@pytest.mark.parametrize("module_id", MODULES)
def test_no_answer_that_copies_an_image_is_ever_right(quizzes, module_id):
    for item in quizzes[module_id].items:
        if item.kind == "single":
            assert not next(o for o in item.options if o.id == item.answer).copies_image, item.id
        if item.kind == "multiple":
            assert not any(o.copies_image for o in item.options if o.id in item.answers), item.id


@pytest.mark.parametrize("module_id", MODULES)
def test_telling_a_trusted_adult_is_never_the_last_step(quizzes, module_id):
    for item in quizzes[module_id].items:
        if isinstance(item, Ordering):
            assert "trusted adult" not in item.steps[-1].text.lower(), f"{module_id}/{item.id}"


FIRST_STEP_WORDS = {
    "stop": ("stop",),
    "tell": ("tell",),
    "save": ("evidence",),
    "report": ("report",),
    "take-down": ("taken down", "take it down", "take-down"),
    "look-after-yourself": ("look after",),
}


@pytest.mark.parametrize("key", ["after-a-leak/first-steps", "sextortion/what-to-do-if-it-happens"])
def test_the_first_aid_lessons_teach_the_first_steps_in_the_help_pages_order(course, key):
    module_id, lesson_id = key.split("/")
    headings = [h.text.lower() for h in course.module(module_id).lesson(lesson_id).headings]
    places = []
    for step in course.first_steps:
        place = next((i for i, text in enumerate(headings) if any(w in text for w in FIRST_STEP_WORDS[step.id])), None)
        assert place is not None, f"{key} has no heading for '{step.title}': {headings}"
        places.append(place)
    assert places == sorted(places), f"{key}: {headings}"

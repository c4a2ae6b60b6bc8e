"""The design system (issue 13, docs/design.md): module colours and icons, pictures with descriptions,
the word-mark, the style guide in development only, and the lesson page's weight budget."""

from __future__ import annotations

import gzip
import posixpath
import re
from functools import cache
from pathlib import Path
from typing import get_args

import pytest
from django.conf import settings as django_settings
from django.contrib.staticfiles import finders

from courses import schemas
from courses.loader import load_course
from courses.registry import get_course

STATIC = django_settings.BASE_DIR / "static"
CSS = (STATIC / "css" / "pause.css").read_text()
PALETTE = get_args(schemas.ModuleColour)
WEIGHT_BUDGET_KB = 100


def _module_yaml_with(valid_content: Path, extra: str) -> Path:
    path = valid_content / "modules/alpha/module.yaml"
    text = re.sub(r"(?m)^(colour|icon): .*\n", "", path.read_text())
    path.write_text(text + extra)
    return path


# --- every module has a colour and an icon, in one place: module.yaml ---------------------------


def test_every_module_has_a_palette_colour_and_an_icon_of_its_own():
    modules = get_course().modules
    assert len(modules) >= 8
    for module in modules:
        assert module.colour in PALETTE, module.id
        assert finders.find(module.icon_path), f"{module.id}: no static/{module.icon_path}"
    assert len({m.colour for m in modules}) == len(modules), "two modules share a colour"
    assert len({m.icon for m in modules}) == len(modules), "two modules share an icon"


def test_every_palette_colour_has_a_light_and_a_dark_rule_in_pause_css():
    light, _, dark = CSS.partition("@media (prefers-color-scheme: dark) {\n  .tone-teal")
    for colour in PALETTE:
        assert re.search(
            rf"\.tone-{colour} \{{ --module-colour: #[0-9a-f]{{6}}; --module-tint: #[0-9a-f]{{6}}; }}", light
        )
        assert f".tone-{colour} {{ --module-colour:" in "  .tone-teal" + dark, colour


def test_icons_draw_in_current_colour_so_the_module_colour_and_dark_mode_reach_them():
    for icon in sorted((STATIC / "img" / "modules").glob("*.svg")):
        svg = icon.read_text()
        assert 'stroke="currentColor"' in svg, icon.name
        assert "<script" not in svg, icon.name
        assert "style=" not in svg, icon.name


def test_a_module_naming_a_missing_icon_or_picture_is_a_content_error_with_its_line(valid_content):
    _module_yaml_with(
        valid_content, "colour: teal\nicon: no-such-icon\nillustration:\n  file: nowhere\n  alt: A picture.\n"
    )
    errors = [str(e) for e in load_course(valid_content).errors]
    assert any(
        "module.yaml:" in e and "icon: no picture 'static/img/modules/no-such-icon.svg' [content.E011]" in e
        for e in errors
    ), errors
    assert any(
        "illustration.file: no picture 'static/img/illustrations/nowhere.svg' [content.E011]" in e for e in errors
    ), errors


def test_a_colour_outside_the_palette_and_a_missing_icon_key_are_refused(valid_content):
    _module_yaml_with(valid_content, "colour: tartan\n")
    errors = [str(e) for e in load_course(valid_content).errors]
    assert any("colour:" in e and "[content.E008]" in e for e in errors), errors
    assert any("icon" in e and "[content.E006]" in e for e in errors), errors


def test_a_picture_without_its_description_is_refused(valid_content):
    _module_yaml_with(valid_content, "colour: teal\nicon: consent\nillustration:\n  file: consent\n")
    errors = [str(e) for e in load_course(valid_content).errors]
    assert any("illustration: missing required key 'alt' [content.E006]" in e for e in errors), errors


# --- illustrations: one per module, each described ----------------------------------------------


def test_every_module_has_an_illustration_with_a_description_on_its_page(client):
    for module in get_course().modules:
        assert module.illustration is not None, module.id
        assert len(module.illustration.alt.split()) >= 8, f"{module.id}: describe the picture in words"
        html = client.get(f"/modules/{module.id}/").content.decode()
        tag = re.search(rf'<img[^>]+src="/static/{re.escape(module.illustration.static_path)}"[^>]*>', html)
        assert tag, module.id
        assert f'alt="{module.illustration.alt}"' in tag.group(0).replace("&#x27;", "'")


def test_one_lesson_of_every_module_shows_its_illustration_and_every_picture_in_a_lesson_is_described():
    for module in get_course().modules:
        pictures = []
        for lesson in module.lessons:
            for tag in re.findall(r"<img[^>]*>", lesson.html):
                alt = re.search(r'alt="([^"]*)"', tag)
                assert alt, f"{lesson.key}: a picture without alt: {tag}"
                assert alt.group(1).strip(), f"{lesson.key}: a picture without a description: {tag}"
                pictures.append(tag)
        assert any(f"/static/img/illustrations/{module.illustration.file}.svg" in t for t in pictures), module.id


def test_every_drawing_is_used_and_carries_its_own_title():
    used = {m.illustration.file for m in get_course().modules if m.illustration}
    drawn = {p.stem for p in (STATIC / "img" / "illustrations").glob("*.svg")}
    assert drawn == used
    for folder in ("illustrations", "diagrams"):
        for svg in (STATIC / "img" / folder).glob("*.svg"):
            text = svg.read_text()
            assert re.search(r"<title[^>]*>[^<]{10,}</title>", text), svg.name
            assert "<script" not in text, svg.name
            assert "<image" not in text, svg.name


def test_diagrams_use_the_palette_and_the_same_type():
    allowed = {"#1f2a37", "#f6f8fb", "#ffffff"} | set(
        re.findall(r"--module-tint: (#[0-9a-f]{6})", CSS.split("@media")[0])
    )
    allowed |= set(re.findall(r"\.tone-\w+ \{ --module-colour: #[0-9a-f]{6}; --module-tint: (#[0-9a-f]{6})", CSS))
    for svg in (STATIC / "img" / "diagrams").glob("*.svg"):
        text = svg.read_text()
        assert set(re.findall(r'"(#[0-9a-fA-F]{6})"', text)) <= allowed, svg.name
        assert 'font-family="sans-serif"' not in text, svg.name
        assert "system-ui" in text, svg.name


# --- the word-mark, the help page (review D26) --------------------------------------------------


def test_the_header_links_home_with_the_word_mark_named_pause(client):
    html = client.get("/modules/").content.decode()
    brand = re.search(r'<a class="brand[^"]*" href="/">(.*?)</a>', html, re.S)
    assert brand, "no home link in the header"
    assert 'alt="Pause"' in brand.group(1)
    assert "img/wordmark.svg" in brand.group(1)
    assert "img/wordmark-dark.svg" in brand.group(1)
    assert "prefers-color-scheme: dark" in brand.group(1)


@pytest.mark.django_db
def test_the_crisis_line_is_highlighted_not_marked_as_an_error(client):
    response = client.post("/help/", {"region": "us", "image_age": "under-18"}, follow=True)
    html = response.content.decode()
    assert "Help in the United States" in html
    assert "Help in United States" not in html
    assert "border-danger" not in html
    assert "service-highlight" in html
    assert "Text: Text" not in html


# --- the style guide: development only -----------------------------------------------------------


def test_the_style_guide_shows_every_module_colour_icon_and_picture_in_development(client, settings):
    settings.DEBUG = True
    response = client.get("/styleguide/")
    assert response.status_code == 200
    html = response.content.decode()
    for module in get_course().modules:
        assert f"tone-{module.colour}" in html
        assert f"/static/img/illustrations/{module.illustration.file}.svg" in html
    for component in (
        "content-note",
        "key-points",
        "help-box",
        "module-card",
        "guide-list",
        "btn-primary",
        "service-highlight",
    ):
        assert component in html, component


def test_the_style_guide_is_not_found_in_production(client, settings):
    settings.DEBUG = False
    assert client.get("/styleguide/").status_code == 404


# --- the lesson page stays under its weight budget ------------------------------------------------


@cache
def _gzipped_size(static_path: str) -> int:
    found = finders.find(static_path)
    assert found, static_path
    body = Path(str(found)).read_bytes()
    size = len(gzip.compress(body, 9))
    if static_path.endswith(".css"):  # what a stylesheet itself loads (fonts, pictures)
        for ref in re.findall(r"url\(['\"]?([^'\")]+)['\"]?\)", body.decode()):
            if not ref.startswith(("data:", "http")):
                size += _gzipped_size(posixpath.normpath(posixpath.join(posixpath.dirname(static_path), ref)))
    return size


@pytest.mark.parametrize("reading_font", [False, True])
def test_every_lesson_page_with_its_css_js_fonts_and_pictures_stays_under_100_kb(client, reading_font):
    """Counted the way bench/run.py counts it (HTML gzipped at 9, each local asset compressed), plus the
    fonts a stylesheet can load: all of them, so the easier-to-read font fits even when chosen."""
    heaviest = (0, "")
    for module in get_course().modules:
        for lesson in module.lessons:
            html = client.get(f"/modules/{module.id}/{lesson.id}/").content
            total = len(gzip.compress(html, 9))
            refs = {
                r.decode() for r in re.findall(rb'<(?:link|script|img|source)[^>]+(?:href|src|srcset)="([^"]+)"', html)
            }
            for ref in sorted(refs):
                assert not ref.startswith(("http:", "https:", "//")), ref
                if ref.startswith("/static/"):
                    path = ref.removeprefix("/static/")
                    total += (
                        _gzipped_size(path)
                        if reading_font or not path.endswith(".css")
                        else len(gzip.compress(Path(str(finders.find(path))).read_bytes(), 9))
                    )
            heaviest = max(heaviest, (total, lesson.key))
    assert heaviest[0] / 1024 < WEIGHT_BUDGET_KB, f"{heaviest[1]}: {heaviest[0] / 1024:.1f} KB"


def test_the_easier_to_read_font_is_vendored_with_its_licence_and_swaps_in():
    css = CSS.split("i13-design")[1]
    faces = re.findall(r"@font-face \{(.*?)\}", css, re.S)
    assert len(faces) == 2
    for face in faces:
        assert "font-display: swap" in face
        assert 'format("woff2")' in face
        ref = re.search(r'url\("([^"]+)"\)', face).group(1)
        assert finders.find(posixpath.normpath(posixpath.join("css", ref))), ref
    assert (STATIC / "vendor" / "atkinson-hyperlegible" / "LICENSE").read_text().count("SIL Open Font License") >= 1
    # Only the reading setting names the font, so nobody else downloads it.
    uses = [line for line in CSS.splitlines() if "Atkinson Hyperlegible" in line and "font-family:" in line]
    assert all(
        line.startswith(':root[data-reading-font="1"]')
        or "@font-face" in line
        or line.strip().startswith('font-family: "Atkinson')
        for line in uses
    ), uses

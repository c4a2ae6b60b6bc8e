"""The design system seen in a browser (issue 13): the word-mark is named "Pause", the module colours
and pictures hold up in light and dark (axe: no serious or critical problem), and nothing scrolls
sideways on a 390 px phone."""

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import serious_axe_violations

pytestmark = pytest.mark.django_db(transaction=True)

PAGES = {
    "home": "/",
    "catalogue": "/modules/",
    "module": "/modules/sextortion/",
    "lesson with its illustration": "/modules/consent/what-consent-is/",
    "lesson with a diagram": "/modules/digital-permanence/where-a-photo-goes/",
    "guides": "/guides/",
    "help": "/help/",
    "style guide": "/styleguide/",
}
PHONE = {"width": 390, "height": 844}


@pytest.fixture
def styleguide_on(settings):
    settings.DEBUG = True  # the style guide is served in development only


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_serious_problem_in_light_and_dark(site, new_page, styleguide_on, scheme):
    page = new_page(color_scheme=scheme)
    problems = {}
    for path in PAGES.values():
        assert page.goto(site.url + path).status == 200, path
        problems[path] = serious_axe_violations(page)
    # The help results, with the crisis line highlighted (review D26).
    page.goto(site.url + "/help/")
    page.get_by_label("Where are you?").select_option("us")
    page.get_by_role("button", name="Show help").click()
    expect(page.get_by_role("heading", name="Help in the United States")).to_be_visible()
    problems["help results"] = serious_axe_violations(page)
    assert {path: found for path, found in problems.items() if found} == {}


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_word_mark_is_a_link_home_named_pause(site, new_page, scheme):
    page = new_page(color_scheme=scheme)
    page.goto(site.url + "/guides/")
    home = page.get_by_role("navigation", name="Main").get_by_role("link", name="Pause", exact=True)
    expect(home).to_be_visible()
    image = home.get_by_role("img", name="Pause")
    expect(image).to_be_visible()
    expected = "wordmark-dark.svg" if scheme == "dark" else "wordmark.svg"
    assert image.evaluate("img => img.currentSrc").endswith("/" + expected)
    assert image.evaluate("img => img.naturalWidth") > 0, "the word-mark did not load"
    home.click()
    expect(page).to_have_url(site.url + "/")


def test_module_pages_show_the_module_colour_icon_and_a_described_picture(site, page):
    page.goto(site.url + "/modules/")
    first_card = page.locator(".module-card").first
    border = first_card.evaluate("e => getComputedStyle(e).borderTopColor")
    assert border == "rgb(11, 107, 107)", border  # consent: teal
    expect(first_card.locator("svg.module-icon")).to_have_attribute("aria-hidden", "true")
    page.goto(site.url + "/modules/consent/")
    picture = page.locator(".module-header").get_by_role("img")
    expect(picture).to_have_attribute(
        "alt", "Two phones: one asks a question, the other answers; a yes or a no is the other person's choice."
    )
    assert picture.evaluate("img => img.naturalWidth") > 0
    page.goto(site.url + "/modules/consent/what-consent-is/")
    expect(page.locator(".lesson-body").get_by_role("img", name="Two phones: one asks a question")).to_be_visible()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_nothing_scrolls_sideways_on_a_phone(site, new_page, styleguide_on, scheme):
    page = new_page(viewport=PHONE, color_scheme=scheme)
    wide = {}
    for path in PAGES.values():
        page.goto(site.url + path)
        overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        if overflow > 0:
            wide[path] = overflow
    assert wide == {}


def test_the_style_guide_works_by_keyboard_and_without_javascript(site, new_page, styleguide_on):
    page = new_page(java_script_enabled=False)
    page.goto(site.url + "/styleguide/")
    expect(page.get_by_role("heading", name="Style guide", level=1)).to_be_visible()
    page.get_by_role("link", name="Module colours and icons").focus()
    page.keyboard.press("Enter")
    expect(page).to_have_url(site.url + "/styleguide/#modules")


def test_the_easier_to_read_font_loads_only_when_chosen(site, page):
    fonts = []
    page.on("request", lambda request: fonts.append(request.url) if request.url.endswith(".woff2") else None)
    page.goto(site.url + "/modules/consent/what-consent-is/")
    page.wait_for_load_state("networkidle")
    assert fonts == [], "the reading font was downloaded without being chosen"
    page.get_by_text("Reading settings").click()
    page.get_by_label("Easier-to-read font").check()
    # Waits in the page (a promise), not by polling: polling evaluates a string, which the CSP forbids.
    loaded = page.evaluate(
        """async () => {
            await document.fonts.load('1rem "Atkinson Hyperlegible"');
            await document.fonts.ready;
            return document.fonts.check('1rem "Atkinson Hyperlegible"');
        }"""
    )
    assert loaded, "the reading font did not load when chosen"
    assert "Atkinson Hyperlegible" in page.evaluate("getComputedStyle(document.body).fontFamily")
    assert any("atkinson-hyperlegible-latin-400-normal.woff2" in url for url in fonts)
    assert page.evaluate("[...document.fonts].some(f => f.family.includes('Atkinson') && f.status === 'loaded')"), (
        "the vendored font did not load"
    )

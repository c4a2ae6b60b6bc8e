"""Markdown is sanitised against an allowlist: OWASP's XSS filter-evasion vectors get nowhere."""

from html.parser import HTMLParser

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from courses.markdown import ALLOWED_ATTRIBUTES, ALLOWED_TAGS, is_allowed_url, render_markdown, sanitize

# From the OWASP XSS Filter Evasion Cheat Sheet, plus Markdown-specific forms of the same tricks.
OWASP_VECTORS = [
    "<SCRIPT SRC=https://xss.rocks/xss.js></SCRIPT>",
    "javascript:/*--></title></style></textarea></script></xmp><svg/onload='+/\"/+/onmouseover=1/+/[*/[]/+alert(1)//'>",
    "<IMG SRC=\"javascript:alert('XSS');\">",
    "<IMG SRC=javascript:alert('XSS')>",
    "<IMG SRC=JaVaScRiPt:alert('XSS')>",
    "<IMG SRC=javascript:alert(&quot;XSS&quot;)>",
    "<IMG SRC=`javascript:alert(\"RSnake says, 'XSS'\")`>",
    '<a onmouseover="alert(document.cookie)">xxs link</a>',
    "<a onmouseover=alert(document.cookie)>xxs link</a>",
    '<IMG """><SCRIPT>alert("XSS")</SCRIPT>"\\>',
    "<IMG SRC=javascript:alert(String.fromCharCode(88,83,83))>",
    "<IMG SRC=# onmouseover=\"alert('xxs')\">",
    "<IMG SRC= onmouseover=\"alert('xxs')\">",
    "<IMG onmouseover=\"alert('xxs')\">",
    '<IMG SRC=/ onerror="alert(String.fromCharCode(88,83,83))"></img>',
    '<img src=x onerror="&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058&#0000097&#0000108&#0000101&#0000114&#0000116&#0000040&#0000039&#0000088&#0000083&#0000083&#0000039&#0000041">',
    "<IMG SRC=&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;&#97;&#108;&#101;&#114;&#116;&#40;&#39;&#88;&#83;&#83;&#39;&#41;>",
    "<IMG SRC=&#x6A&#x61&#x76&#x61&#x73&#x63&#x72&#x69&#x70&#x74&#x3A&#x61&#x6C&#x65&#x72&#x74&#x28&#x27&#x58&#x53&#x53&#x27&#x29>",
    "<IMG SRC=\"jav\tascript:alert('XSS');\">",
    "<IMG SRC=\"jav&#x09;ascript:alert('XSS');\">",
    "<IMG SRC=\"jav&#x0A;ascript:alert('XSS');\">",
    "<IMG SRC=\" &#14;  javascript:alert('XSS');\">",
    '<SCRIPT/XSS SRC="https://xss.rocks/xss.js"></SCRIPT>',
    '<BODY onload!#$%&()*~+-_.,:;?@[/|\\]^`=alert("XSS")>',
    '<SCRIPT/SRC="https://xss.rocks/xss.js"></SCRIPT>',
    '<<SCRIPT>alert("XSS");//\\<</SCRIPT>',
    "<SCRIPT SRC=https://xss.rocks/xss.js?< B >",
    "<SCRIPT SRC=//xss.rocks/.j>",
    "<IMG SRC=\"`('XSS')\"",
    '</TITLE><SCRIPT>alert("XSS");</SCRIPT>',
    '<INPUT TYPE="IMAGE" SRC="javascript:alert(\'XSS\');">',
    "<BODY BACKGROUND=\"javascript:alert('XSS')\">",
    "<IMG DYNSRC=\"javascript:alert('XSS')\">",
    "<IMG LOWSRC=\"javascript:alert('XSS')\">",
    "<STYLE>li {list-style-image: url(\"javascript:alert('XSS')\");}</STYLE><UL><LI>XSS</br>",
    "<svg/onload=alert('XSS')>",
    "<BGSOUND SRC=\"javascript:alert('XSS');\">",
    "<BR SIZE=\"&{alert('XSS')}\">",
    '<LINK REL="stylesheet" HREF="javascript:alert(\'XSS\');">',
    "<STYLE>@import'https://xss.rocks/xss.css';</STYLE>",
    '<META HTTP-EQUIV="refresh" CONTENT="0;url=javascript:alert(\'XSS\');">',
    "<IFRAME SRC=\"javascript:alert('XSS');\"></IFRAME>",
    '<IFRAME SRC=# onmouseover="alert(document.cookie)"></IFRAME>',
    "<FRAMESET><FRAME SRC=\"javascript:alert('XSS');\"></FRAMESET>",
    "<TABLE BACKGROUND=\"javascript:alert('XSS')\">",
    "<TABLE><TD BACKGROUND=\"javascript:alert('XSS')\">",
    "<DIV STYLE=\"background-image: url(javascript:alert('XSS'))\">",
    "<DIV STYLE=\"width: expression(alert('XSS'));\">",
    "<BASE HREF=\"javascript:alert('XSS');//\">",
    '<OBJECT TYPE="text/x-scriptlet" DATA="https://xss.rocks/scriptlet.html"></OBJECT>',
    '<EMBED SRC="data:image/svg+xml;base64,PHN2ZyB4bWxuczpzdmc9Imh0dH A6Ly93d3cudzMub3JnLzIwMDAvc3ZnIiB4bWxucz0iaHR0cDovL3d3dy53My5vcmcv MjAwMC9zdmciIHhtbG5zOnhsaW5rPSJodHRwOi8vd3d3LnczLm9yZy8xOTk5L3hs aW5rIiB2ZXJzaW9uPSIxLjAiIHg9IjAiIHk9IjAiIHdpZHRoPSIxOTQiIGhlaWdodD0iMjAw IiBpZD0ieHNzIj48c2NyaXB0IHR5cGU9InRleHQvZWNtYXNjcmlwdCI+YWxlcnQoIlh TUyIpOzwvc2NyaXB0Pjwvc3ZnPg==" type="image/svg+xml" AllowScriptAccess="always"></EMBED>',
    '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">data</a>',
    '<a href="vbscript:msgbox(1)">vb</a>',
    '<A HREF="http://66.102.7.147/">XSS</A>',
    '<A HREF="//www.google.com/">XSS</A>',
    '<form action="javascript:alert(1)"><button>go</button></form>',
    "<input onfocus=alert(1) autofocus>",
    "<details open ontoggle=alert(1)>x</details>",
    '<math><mi xlink:href="javascript:alert(1)">x</mi></math>',
    "<xss id=x tabindex=1 onfocus=alert(1)></xss>",
    "[click](javascript:alert(1))",
    "[click](JaVaScRiPt:alert(1))",
    "[click](&#106;avascript:alert(1))",
    "[click]( javascript:alert(1) )",
    "[click](data:text/html,<script>alert(1)</script>)",
    "![img](javascript:alert(1))",
    "![img](https://tracker.example/pixel.png)",
    '[a](https://ok.example "title" onclick="alert(1)")',
    "<https://ok.example/?<script>alert(1)</script>>",
    "{: onclick=alert(1) }\n\nparagraph",
    'paragraph\n{: onmouseover="alert(1)" style="color:red" }',
    "```html\n<script>alert(1)</script>\n```",
]


class _Inspector(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag not in ALLOWED_TAGS:
            self.problems.append(f"tag <{tag}>")
        allowed = ALLOWED_ATTRIBUTES["*"] | ALLOWED_ATTRIBUTES.get(tag, set()) | ({"rel"} if tag == "a" else set())
        for name, value in attrs:
            if name not in allowed:
                self.problems.append(f"attribute {name} on <{tag}>")
            if name in ("href", "src") and value is not None and not is_allowed_url(value, for_image=name == "src"):
                self.problems.append(f"url {value!r} on <{tag}>")
            if value and "javascript:" in value.lower().replace(" ", ""):
                self.problems.append(f"javascript in {name}")

    handle_startendtag = handle_starttag


def _problems(html: str) -> list[str]:
    inspector = _Inspector()
    inspector.feed(html)
    inspector.close()
    return inspector.problems


@pytest.mark.parametrize("vector", OWASP_VECTORS)
def test_owasp_vectors_leave_only_allowed_tags_attributes_and_urls(vector):
    html = render_markdown(f"Before.\n\n{vector}\n\nAfter.").html
    assert _problems(html) == []
    assert "<script" not in html.lower()


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("<>\"'=/ :;&#()[]!{}`\n\tjavascriptonerrorimgahref")), max_size=120))
def test_random_markup_never_escapes_the_allowlist(text):
    assert _problems(render_markdown(text).html) == []


def test_allowed_links_survive():
    html = render_markdown("[a](https://example.org/x) [b](mailto:help@example.org) [c](/help/) [d](#top)").html
    for href in ('href="https://example.org/x"', 'href="mailto:help@example.org"', 'href="/help/"', 'href="#top"'):
        assert href in html


def test_rejected_urls_are_reported_for_authors():
    rendered = render_markdown("[x](javascript:alert(1)) ![y](https://e.example/p.png) [z](http://plain.example)")
    assert set(rendered.rejected_urls) == {"javascript:alert(1)", "https://e.example/p.png", "http://plain.example"}


def test_images_only_from_this_sites_static_files():
    assert 'src="/static/img/diagram.svg"' in render_markdown("![d](/static/img/diagram.svg)").html
    assert "src=" not in render_markdown("![d](https://example.org/d.svg)").html


def test_headings_are_collected_for_a_table_of_contents():
    rendered = render_markdown("## One\n\ntext\n\n### Two\n")
    assert [(h.id, h.level) for h in rendered.headings] == [("one", 2), ("two", 3)]


# --- a control character in a URL (security review F18) -----------------------------------------
# Browsers drop tabs and newlines from a URL, so "/<tab>/evil.example" is "//evil.example": off the site.


@pytest.mark.parametrize(
    "href", ["/&#9;/evil.example", "/&#10;/evil.example", "/&#13;/evil.example", "/&#x9;/evil.example"]
)
def test_a_tab_or_newline_cannot_smuggle_an_off_site_link(href):
    rendered = render_markdown(f'<a href="{href}">link</a>')
    assert "href" not in rendered.html
    assert "evil.example" not in rendered.html
    assert len(rendered.rejected_urls) == 1


@pytest.mark.parametrize("control", ["\t", "\n", "\r"])
def test_a_literal_tab_or_newline_is_refused_too(control):
    # Markdown turns a literal tab into spaces before the sanitiser sees it; the sanitiser refuses it anyway.
    assert not is_allowed_url(f"/{control}/evil.example")
    assert "href" not in sanitize(f'<a href="/{control}/evil.example">link</a>')


@given(
    before=st.sampled_from(["/", "/modules/", "https://example.org/", "#top", "page"]),
    control=st.characters(categories=["Cc"]),
    after=st.sampled_from(["", "/evil.example", "x"]),
)
@settings(max_examples=200)
def test_any_control_character_anywhere_refuses_the_url(before, control, after):
    assert not is_allowed_url(f"{before}{control}{after}x")


def test_ordinary_links_are_still_allowed():
    for url in ("/modules/", "#top", "https://example.org/a b", "mailto:help@example.org", "lesson-two/"):
        assert is_allowed_url(url), url

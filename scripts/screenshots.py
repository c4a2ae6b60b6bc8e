"""`make screenshots`: every page type (tools.pages.PAGE_TYPES) at 390 and 1280 px, light and dark, full page.

    python -m scripts.screenshots                 # into var/screenshots/
    python -m scripts.screenshots --only lesson   # some page types (repeat --only)

A throwaway SQLite database gets the demo school (`manage.py seed_demo`); `runserver` serves it on a free
loopback port with the site's own error pages (PAUSE_FRIENDLY_ERRORS); Playwright drives Debian's chromium.
Pages are opened as the demo's visitor, student (demo-student-1), teacher (demo-teacher) and parent
(demo-parent, linked to demo-student-1). Files are named ``<page type>-<width>-<scheme>.png``.
Nothing is fetched from another host: any such request is stopped and reported.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

from tools.pages import CHROMIUM, CHROMIUM_ARGS, PAGE_TYPES, SCHEMES, WIDTHS, PageType
from tools.servers import ROOT, free_port, manage

OUT = ROOT / "var" / "screenshots"
PEOPLE = {"student": "demo-student-1", "teacher": "demo-teacher", "parent": "demo-parent"}


def demo_env(database: Path) -> dict[str, str]:
    env = {**os.environ, "DJANGO_DEBUG": "true", "PAUSE_SQLITE_PATH": str(database), "PAUSE_FRIENDLY_ERRORS": "true"}
    for name in ("DATABASE_URL", "REDIS_URL", "DJANGO_ALLOW_ASYNC_UNSAFE"):
        env.pop(name, None)  # this throwaway SQLite database, sessions in it, never a developer's servers
    return env


def wait_until_serving(url: str, server: subprocess.Popen[bytes], seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit("runserver stopped before it served a page")
        try:
            with urllib.request.urlopen(url + "/healthz", timeout=2):  # noqa: S310 (loopback)
                return
        except (urllib.error.URLError, OSError):
            time.sleep(0.3)
    raise SystemExit(f"runserver did not answer at {url} within {seconds:.0f} s")


def prepare(database: Path) -> tuple[dict[str, str], dict[str, dict[str, str]]]:
    """The demo school in ``database``; the page types' placeholders and a signed-in cookie per person."""
    os.environ.update(demo_env(database))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django

    django.setup()
    from accounts.models import User
    from classrooms.models import Classroom
    from tools.pages import places, session_cookie

    users = {role: User.objects.get(username=username) for role, username in PEOPLE.items()}
    classroom = Classroom.objects.get(teacher=users["teacher"], enrolments__student=users["student"])
    where = places(student=users["student"], classroom=classroom)
    return where, {role: session_cookie(user) for role, user in users.items()}


def shoot(url: str, chosen: list[PageType], where: dict[str, str], cookies: dict[str, dict[str, str]]) -> list[Path]:
    from playwright.sync_api import Route, sync_playwright

    OUT.mkdir(parents=True, exist_ok=True)
    offsite: list[str] = []
    saved: list[Path] = []

    def keep_local(route: Route) -> None:
        if urlsplit(route.request.url).netloc == urlsplit(url).netloc:
            route.continue_()
        else:
            offsite.append(route.request.url)
            route.abort()

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        for role in ("visitor", "student", "teacher", "parent"):
            pages = [p for p in chosen if p.role == role]
            if not pages:
                continue
            context = browser.new_context()
            context.route("**/*", keep_local)
            if role in cookies:
                context.add_cookies([{"name": cookies[role]["name"], "value": cookies[role]["value"], "url": url}])
            page = context.new_page()
            for page_type in pages:
                for width in WIDTHS:
                    for scheme in SCHEMES:
                        page.set_viewport_size({"width": width, "height": 900})
                        page.emulate_media(color_scheme=scheme)
                        response = page.goto(url + page_type.url(where), wait_until="networkidle")
                        status = response.status if response else None
                        if status != page_type.status:
                            print(f"  {page_type.name}: answered {status}, expected {page_type.status}")
                        wider = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
                        if wider > 0:
                            print(f"  {page_type.name} at {width} px ({scheme}) scrolls sideways by {wider} px")
                        path = OUT / f"{page_type.name}-{width}-{scheme}.png"
                        page.screenshot(path=str(path), full_page=True)
                        saved.append(path)
            context.close()
        browser.close()
    if offsite:
        print("Stopped requests to other hosts:", *sorted(set(offsite)), sep="\n  ")
    return saved


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    names = [p.name for p in PAGE_TYPES]
    parser.add_argument("--only", action="append", choices=names, help="a page type (repeatable); default: all")
    args = parser.parse_args(argv)
    if CHROMIUM is None:
        print("chromium is not installed (apt-get install -y chromium): no screenshots", file=sys.stderr)
        return 2
    chosen = [p for p in PAGE_TYPES if not args.only or p.name in args.only]
    with tempfile.TemporaryDirectory(prefix="pause-screenshots-") as scratch:
        database = Path(scratch) / "demo.sqlite3"
        env = demo_env(database)
        manage(env, "migrate", "--noinput", "-v", "0")
        manage(env, "seed_demo", "--quiet")
        where, cookies = prepare(database)
        port = free_port()
        server = subprocess.Popen(  # noqa: S603 (this interpreter running manage.py)
            [sys.executable, "manage.py", "runserver", "--noreload", f"127.0.0.1:{port}"],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            url = f"http://127.0.0.1:{port}"
            wait_until_serving(url, server)
            saved = shoot(url, chosen, where, cookies)
        finally:
            server.terminate()
            server.wait(timeout=10)
    print(f"{len(saved)} screenshots in {OUT.relative_to(ROOT)}/ ({len(chosen)} page types × {WIDTHS} px × {SCHEMES})")
    return 0


if __name__ == "__main__":
    sys.exit(main())

from __future__ import annotations

from urllib.parse import urlencode

from django.urls import reverse

from core.hooks import Link


def report_link(path: str) -> list[Link]:
    return [Link("Report a problem with this page", f"{reverse('feedback:report')}?{urlencode({'page': path})}")]

"""/report/: tell the operator something is wrong with a page. Nothing about the reader is kept."""

from __future__ import annotations

import logging
from urllib.parse import urlencode

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_safe

from courses import selectors
from courses.registry import get_course

from . import services
from .forms import ProblemReportForm, site_path

logger = logging.getLogger(__name__)

CRISIS_MESSAGE = (
    "It sounds like you might be going through something hard. It is not your fault, and you do not have "
    "to deal with it alone. Here is help where you live. We have not kept or sent your message. "
    "If you meant to tell us about a mistake on a page, you can go back and send it without details about yourself."
)


@require_http_methods(["GET", "HEAD", "POST"])
def report(request: HttpRequest) -> HttpResponseBase:
    gate = services.ReportGate(request)
    status = 200
    if request.method == "POST":
        form = ProblemReportForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            if services.mentions_crisis(data["what"], words=get_course().crisis_words):
                region = selectors.reader_region(session=request.session)
                messages.info(request, CRISIS_MESSAGE)
                logger.info("a problem report read as a reader in crisis: shown help, nothing kept")
                target = reverse("courses:help-region", args=[region.id]) if region else reverse("courses:help")
                return gate.respond(redirect(f"{target}#services"))
            refusal = (
                "Please send the form again: we could not tell it came from this page."
                if not gate.had_token
                else gate.refusal()
            )
            if refusal is None:
                services.report_create(gate=gate, page=data["page"], what=data["what"], contact=data["contact"])
                return redirect(f"{reverse('feedback:sent')}?{urlencode({'page': data['page']})}")
            form.add_error(None, refusal)
            status = 429 if gate.had_token else 400
        else:
            logger.warning("refused a problem report: %s", ", ".join(sorted(form.errors)))
            status = 400
    else:
        form = ProblemReportForm(initial={"page": site_path(request.GET.get("page")) or "/"})
    page = site_path(form["page"].value()) or "/"
    return gate.respond(render(request, "feedback/report.html", {"form": form, "page": page}, status=status))


@require_safe
def sent(request: HttpRequest) -> HttpResponse:
    return render(request, "feedback/sent.html", {"page": site_path(request.GET.get("page")) or "/"})

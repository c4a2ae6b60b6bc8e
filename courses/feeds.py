"""/changes/feed/: the public changelog as an Atom feed a school can follow (one entry per change)."""

from __future__ import annotations

import datetime

from django.contrib.syndication.views import Feed
from django.http import HttpRequest
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed

from .domain import Change
from .registry import get_course


def _moment(day: datetime.date) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time(12, 0), tzinfo=datetime.UTC)


class ChangesFeed(Feed):
    feed_type = Atom1Feed
    title = "Pause: what changed in what the course teaches"
    author_name = "Pause"  # Atom wants an author for the feed when its entries name none
    subtitle = "Law cards revised, help numbers added, lessons corrected: every change, newest first."

    def get_object(self, request: HttpRequest, *args, **kwargs) -> str | None:
        region = get_course().region(request.GET.get("region"))
        return region.id if region else None

    def link(self, region_id: str | None) -> str:
        url = reverse("courses:changes")
        return f"{url}?region={region_id}" if region_id else url

    def items(self, region_id: str | None) -> tuple[Change, ...]:
        return get_course().changes_for(region_id)

    def item_title(self, item: Change) -> str:
        return f"{item.kind_label}: {item.title}"

    def item_description(self, item: Change) -> str:
        return item.summary_html

    def item_link(self, item: Change) -> str:
        return f"{reverse('courses:changes')}#{item.id}"

    def item_guid(self, item: Change) -> str:
        return f"{reverse('courses:changes')}#{item.id}"

    item_guid_is_permalink = True

    def item_pubdate(self, item: Change) -> datetime.datetime:
        return _moment(item.date)

    def item_updateddate(self, item: Change) -> datetime.datetime:
        return _moment(item.date)

    def item_categories(self, item: Change) -> list[str]:
        return [item.kind, *(region.id for region in item.regions)]

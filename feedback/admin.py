from django.contrib import admin

from .models import ProblemReport


@admin.register(ProblemReport)
class ProblemReportAdmin(admin.ModelAdmin):
    """The operator's queue: newest first, filter by status; mark each fixed or declined."""

    list_display = ("created_at", "page", "short_what", "has_contact", "status")
    list_filter = ("status",)
    search_fields = ("page", "what")
    readonly_fields = ("page", "what", "contact", "created_at")
    fields = ("page", "what", "contact", "created_at", "status", "note")
    actions = ["mark_fixed", "mark_declined"]

    def has_add_permission(self, request) -> bool:
        return False

    @admin.display(description="What is wrong")
    def short_what(self, report: ProblemReport) -> str:
        return report.what[:80]

    @admin.display(boolean=True, description="Contact given")
    def has_contact(self, report: ProblemReport) -> bool:
        return bool(report.contact)

    @admin.action(description="Mark as fixed")
    def mark_fixed(self, request, queryset) -> None:
        queryset.update(status=ProblemReport.Status.FIXED)

    @admin.action(description="Mark as declined")
    def mark_declined(self, request, queryset) -> None:
        queryset.update(status=ProblemReport.Status.DECLINED)

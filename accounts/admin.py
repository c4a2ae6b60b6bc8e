from django.contrib import admin
from django.contrib.auth.admin import UserAdmin

from .models import School, StaffMembership, User


@admin.register(User)
class PauseUserAdmin(UserAdmin):
    list_display = ("username", "role", "is_staff", "is_active")
    list_filter = ("role", "is_staff", "is_active")
    fieldsets = (
        *(UserAdmin.fieldsets or ()),
        ("Pause", {"fields": ("role", "email_verified_at", "pending_school_name", "pending_school")}),
    )


@admin.register(School)
class SchoolAdmin(admin.ModelAdmin):
    list_display = ("name", "created_at")
    search_fields = ("name",)


@admin.register(StaffMembership)
class StaffMembershipAdmin(admin.ModelAdmin):
    list_display = ("user", "school", "joined_at")

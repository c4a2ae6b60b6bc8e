from django.contrib import admin

from .models import Assignment, Classroom


@admin.register(Classroom)
class ClassroomAdmin(admin.ModelAdmin):
    list_display = ("name", "school", "teacher", "archived_at")
    list_filter = ("school",)


@admin.register(Assignment)
class AssignmentAdmin(admin.ModelAdmin):
    list_display = ("classroom", "module_id", "due_on")

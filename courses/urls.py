from django.urls import path

from . import feeds, views

app_name = "courses"

urlpatterns = [
    path("", views.home, name="home"),
    path("modules/", views.catalogue, name="catalogue"),
    path("modules/<slug:module_id>/", views.module_detail, name="module"),
    path("modules/<slug:module_id>/teacher-notes/", views.teacher_notes, name="teacher-notes"),
    path("modules/<slug:module_id>/<slug:lesson_id>/", views.lesson_detail, name="lesson"),
    path("modules/<slug:module_id>/<slug:lesson_id>/present/", views.lesson_present, name="present"),
    path("modules/<slug:module_id>/<slug:lesson_id>/present/notes/", views.lesson_present_notes, name="present-notes"),
    path("modules/<slug:module_id>/<slug:lesson_id>/done/", views.lesson_mark_done, name="lesson-done"),
    path("modules/<slug:module_id>/<slug:lesson_id>/check/", views.lesson_check, name="lesson-check"),
    path("guides/", views.guide_list, name="guides"),
    path("guides/<slug:guide_id>/", views.guide_detail, name="guide"),
    path("help/", views.help_page, name="help"),
    path("help/private/", views.help_private, name="help-private"),
    path("help/in/<slug:region_id>/", views.help_region, name="help-region"),
    path("law/", views.law_list, name="law"),
    path("law/<slug:region_id>/", views.law_detail, name="law-region"),
    path("region/", views.region_set, name="region"),
    path("changes/", views.changes, name="changes"),
    path("changes/feed/", feeds.ChangesFeed(), name="changes-feed"),
    path("styleguide/", views.styleguide, name="styleguide"),  # development only (404 unless DEBUG)
]

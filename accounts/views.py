from django.contrib.auth import views as auth_views


class LogoutView(auth_views.LogoutView):
    """Sign out, and ask the browser to forget this site's cache, cookies and storage.

    On a shared classroom computer the next pupil must not find the last one's
    pages in the back button or the cache (ASVS 14.3.1).
    """

    def post(self, request, *args, **kwargs):
        response = super().post(request, *args, **kwargs)
        response["Clear-Site-Data"] = '"cache", "cookies", "storage"'
        return response

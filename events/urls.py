from django.urls import path  # noqa: F401  (public event pages are added by the public-site issue)

app_name = "events"

urlpatterns = []

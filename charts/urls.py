from django.urls import path

from publishing.public_pages import cache_public_page

from . import views

app_name = "charts"

urlpatterns = [
    path("charts/", cache_public_page(views.charts), name="charts"),
]

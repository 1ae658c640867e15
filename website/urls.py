from django.urls import path

from publishing.public_pages import EVERYTHING, cache_public_page

from . import views

app_name = "website"
urlpatterns = [
    path("", cache_public_page(views.home), name="home"),
    path("search/", cache_public_page(views.search, by=EVERYTHING), name="search"),
]

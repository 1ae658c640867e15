from django.urls import path

from publishing.public_pages import cache_public_page

from . import views

app_name = "maps"

urlpatterns = [
    path("map/", cache_public_page(views.world_map), name="world_map"),
]

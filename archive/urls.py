from django.urls import path

from . import feeds, views
from .page_cache import cache_public_page

app_name = "archive"

urlpatterns = [
    path("", cache_public_page(views.home), name="home"),
    path(
        "articles/",
        cache_public_page(views.ArticleListView.as_view()),
        name="article_list",
    ),
    path("articles/<slug:slug>/", cache_public_page(views.ArticleDetailView.as_view()), name="article_detail"),
    path("figures/", cache_public_page(views.FigureListView.as_view()), name="figure_list"),
    path(
        "figures/<slug:slug>/",
        cache_public_page(views.FigureKindDetailView.as_view()),
        name="figure_kind_detail",
    ),
    path("search/", cache_public_page(views.search), name="search"),
    path("feeds/articles/rss/", cache_public_page(feeds.ArticleFeed()), name="article_feed_rss"),
    path("feeds/articles/atom/", cache_public_page(feeds.AtomArticleFeed()), name="article_feed_atom"),
]

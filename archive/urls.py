from django.urls import path

from publishing.public_pages import DETAIL, cache_public_page

from . import feeds, views

app_name = "archive"

urlpatterns = [
    path(
        "articles/",
        cache_public_page(views.ArticleListView.as_view()),
        name="article_list",
    ),
    path(
        "articles/<slug:slug>/",
        cache_public_page(views.ArticleDetailView.as_view(), by=DETAIL),
        name="article_detail",
    ),
    path("figures/", cache_public_page(views.FigureListView.as_view()), name="figure_list"),
    path(
        "figures/<slug:slug>/",
        cache_public_page(views.FigureKindDetailView.as_view()),
        name="figure_kind_detail",
    ),
    path("feeds/articles/rss/", cache_public_page(feeds.ArticleFeed()), name="article_feed_rss"),
    path("feeds/articles/atom/", cache_public_page(feeds.AtomArticleFeed()), name="article_feed_atom"),
]

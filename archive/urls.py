from django.urls import path

from . import feeds, views

app_name = "archive"

urlpatterns = [
    path("", views.home, name="home"),
    path("articles/", views.ArticleListView.as_view(), name="article_list"),
    path("articles/<slug:slug>/", views.ArticleDetailView.as_view(), name="article_detail"),
    path("figures/", views.FigureListView.as_view(), name="figure_list"),
    path("figures/<slug:slug>/", views.FigureKindDetailView.as_view(), name="figure_kind_detail"),
    path("search/", views.search, name="search"),
    path("feeds/articles/rss/", feeds.ArticleFeed(), name="article_feed_rss"),
    path("feeds/articles/atom/", feeds.AtomArticleFeed(), name="article_feed_atom"),
]

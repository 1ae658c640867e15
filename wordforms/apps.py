from django.apps import AppConfig


class WordformsConfig(AppConfig):
    """The language foundation: word forms, lemmas and spelling-independent name keys, in plain functions."""

    name = "wordforms"

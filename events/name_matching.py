"""Finding a person, organization or venue by a name spelled the way some document spells it.

Transliterations of one name differ ("Rizvan Huseynov", "Rizvan Guseinov"), so on PostgreSQL names
match by trigram similarity (pg_trgm's `%` operator, similarity of at least 0.3) on each name field,
best match first. Each field is searched on its own GIN index (events/migrations/
0003_trigram_name_indexes.py) and the matches are combined with UNION: with the fields OR-ed in one
WHERE clause the planner chooses a sequential scan, 650 ms instead of 14 ms at 30,000 people (see
bench/RESULTS.md). SQLite has no pg_trgm: there the documented fallback is a case-insensitive
substring match on the same fields, in the model's order.
"""

from django.contrib.postgres.search import TrigramSimilarity
from django.db import connections, models
from django.db.models.functions import Greatest


class NameMatchingQuerySet(models.QuerySet):
    """Adds `named_like(text)`; the model lists its name fields in `name_matching_fields`."""

    def named_like(self, text):
        fields = self.model.name_matching_fields
        text = text.strip()
        if not text:
            return self.none()
        if connections[self.db].vendor != "postgresql":
            query = models.Q()
            for field in fields:
                query |= models.Q(**{f"{field}__icontains": text})
            return self.filter(query)
        everyone = self.model._default_manager.using(self.db).order_by()
        per_field = [everyone.filter(**{f"{field}__trigram_similar": text}).values("pk") for field in fields]
        scores = [TrigramSimilarity(field, text) for field in fields]
        return (
            self.filter(pk__in=per_field[0].union(*per_field[1:]))
            .annotate(name_similarity=Greatest(*scores) if len(scores) > 1 else scores[0])
            .order_by("-name_similarity", "pk")
        )

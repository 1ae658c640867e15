"""Finding a person, organization or venue by a name spelled the way some document spells it.

Transliterations of one name differ ("Rizvan Huseynov", "Rizvan Guseinov"), so on PostgreSQL names
match by trigrams (pg_trgm): a whole name whose similarity reaches 0.3 (the `%` operator), or a
query that resembles one word run of the name at 0.6 (the `%>` operator, for a surname alone). Both
operators use the GIN indexes of events/migrations/0003_trigram_name_indexes.py; the best match comes
first. SQLite has no pg_trgm: there the documented fallback is a case-insensitive substring match on
the same fields, in the model's order.
"""

from django.contrib.postgres.search import TrigramSimilarity, TrigramWordSimilarity
from django.db import connections, models
from django.db.models.functions import Greatest


class NameMatchingQuerySet(models.QuerySet):
    """Adds `named_like(text)`; the model lists its name fields in `name_matching_fields`."""

    def named_like(self, text):
        fields = self.model.name_matching_fields
        text = text.strip()
        if not text:
            return self.none()
        query = models.Q()
        if connections[self.db].vendor != "postgresql":
            for field in fields:
                query |= models.Q(**{f"{field}__icontains": text})
            return self.filter(query)
        scores = []
        for field in fields:
            query |= models.Q(**{f"{field}__trigram_similar": text}) | models.Q(
                **{f"{field}__trigram_word_similar": text}
            )
            scores += [TrigramSimilarity(field, text), TrigramWordSimilarity(text, field)]
        return self.filter(query).annotate(name_similarity=Greatest(*scores)).order_by("-name_similarity", "pk")

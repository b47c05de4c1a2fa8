"""The news search source: visible posts only, per person (audience and publication window)."""

from django.apps import apps

from hrsocial.search import SearchSource


class NewsSearchSource(SearchSource):
    def queryset(self, user):
        if not self.visible(user):
            return None
        return apps.get_model(self.model).objects.visible_to(user)

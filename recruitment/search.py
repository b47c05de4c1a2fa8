"""The vacancy search source: open vacancies the searcher may see (public ones for everyone
signed in; internal ones for employees only, `Vacancy.objects.visible_to`)."""

from django.apps import apps

from hrsocial.search import SearchSource


class VacancySearchSource(SearchSource):
    def queryset(self, user):
        if not self.visible(user):
            return None
        # The department is in the snippet: one query for the hits, however many.
        return (
            apps.get_model(self.model).objects.open().visible_to(user).select_related("department")
        )

"""HR's queue: the questions a person may handle, filtered, searched, sorted, counted.

The counts per status must not cost a scan of every question on each page view (a helpdesk
keeps years of questions). They are computed once for everyone — for all questions and for
the non-confidential ones — and cached until a question changes status (`counts_changed`);
per person we add what only they see (confidential questions assigned to them) and remove
their own questions, with one small query on indexed columns, cached the same way.
"""

from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.utils import timezone, translation
from django.utils.functional import cached_property

from helpdesk.anonymity import mailboxes_of
from helpdesk.models import Question
from helpdesk.models.questions import OPEN_STATUSES, REFERENCE_LENGTH, Status, reports_of
from hrsocial.caching import CachedValue, Generation
from hrsocial.paging import UncountedPage
from hrsocial.search import clean_query, search

PAGE_SIZE = 25
# What a row of the queue shows, read as values: model instances for 25 questions with their
# category and two people cost more than the query that finds them.
ROW_VALUES = (
    "pk", "reference", "subject", "status", "is_anonymous", "is_confidential", "created_at",
    "response_warn_at", "response_due_at", "first_responded_at",
    "category_id", "category__name", "category__name_en",
    "assignee_id", "assignee__full_name", "assignee__email",
    "asker__full_name", "asker__email",
)  # fmt: skip
# Every cached count names this generation: a change of questions forgets them all.
COUNTS = Generation("helpdesk:queue-counts")
# Searched on PostgreSQL through the stored, GIN-indexed vector (migration 0002).
SEARCH_FIELDS = ("subject", "body")


def counts_changed() -> None:
    """Call when questions change in bulk (a save or delete forgets by itself, helpdesk.apps)."""
    COUNTS.forget()


def _shared_counts() -> dict:
    totals = Question.objects.aggregate(
        **{f"all_{s}": Count("pk", filter=Q(status=s)) for s in Status.values},
        **{
            f"public_{s}": Count("pk", filter=Q(status=s, is_confidential=False))
            for s in Status.values
        },
    )
    return {
        scope: {s: totals[f"{scope}_{s}"] or 0 for s in Status.values}
        for scope in ("all", "public")
    }


# {"all": {status: n}, "public": {status: n}} for every question.
SHARED_COUNTS = CachedValue("helpdesk:queue-counts", _shared_counts, timeout=300, generation=COUNTS)


def shared_counts() -> dict:
    return SHARED_COUNTS.get()


def counts_for(user) -> dict:
    """{status: n} of the questions `user` may handle (visible_to_staff). The person's own
    corrections are cached with the shared counts, so a repeated view costs no query."""
    return COUNTS_FOR.get(user)


def _counts_for(user) -> dict:
    # What visible_to_staff leaves out: one's own questions and one's reports'.
    own = Q(asker=user) | Q(asker_mailbox__in=mailboxes_of(user))
    reports = reports_of(user)
    if reports:
        own |= Q(asker_id__in=reports)
    extra = Q(is_confidential=True, assignee=user) & ~own
    if user.is_hr_lead:
        base, add, remove = shared_counts()["all"], None, own
    else:
        base = shared_counts()["public"]
        add, remove = extra, own & Q(is_confidential=False)
    conditions = {f"remove_{s}": Count("pk", filter=remove & Q(status=s)) for s in Status.values}
    if add is not None:
        conditions |= {f"add_{s}": Count("pk", filter=add & Q(status=s)) for s in Status.values}
    relevant = own | Q(is_confidential=True, assignee=user)
    totals = Question.objects.filter(relevant).aggregate(**conditions)
    return {
        s: base[s] - (totals[f"remove_{s}"] or 0) + (totals.get(f"add_{s}") or 0)
        for s in Status.values
    }


COUNTS_FOR = CachedValue(
    "helpdesk:queue-counts-for",
    _counts_for,
    timeout=300,
    generation=COUNTS,
    key_parts=lambda user: [user.pk, int(user.is_hr_lead)],
)


class CountedPaginator(Paginator):
    """A paginator that is told its count instead of asking the database."""

    def __init__(self, *args, known_count=None, **kwargs):
        super().__init__(*args, **kwargs)
        self._known_count = known_count

    @cached_property
    def count(self):
        if self._known_count is not None:
            return self._known_count
        return super().count


def filtered(user, values: dict):
    """The questions `user` may handle, with the queue's filters applied (unsorted)."""
    questions = Question.objects.visible_to_staff(user)
    status = values.get("status")
    if status == "active":
        questions = questions.filter(status__in=OPEN_STATUSES)
    elif status:
        questions = questions.filter(status=status)
    if values.get("category"):
        questions = questions.filter(category_id=values["category"])
    assignee = values.get("assignee")
    if assignee == "me":
        questions = questions.filter(assignee=user)
    elif assignee == "none":
        questions = questions.filter(assignee__isnull=True)
    elif assignee:
        questions = questions.filter(assignee_id=assignee)
    if values.get("sla"):
        questions = questions.in_sla_state(values["sla"], timezone.now())
    if values.get("anonymous") == "yes":
        questions = questions.filter(is_anonymous=True)
    elif values.get("anonymous") == "no":
        questions = questions.filter(is_anonymous=False)
    return questions


def searched(questions, query: str):
    """The questions matching the search box: a reference ("#K7Q2M9XD4P") opens that
    question; words are searched in subject and text (on PostgreSQL through the indexed
    search vector)."""
    query = clean_query(query)
    if query.startswith("#") and len(query) == REFERENCE_LENGTH + 1:
        return questions.filter(reference=query[1:].upper())
    if query:
        return search(
            questions, query, SEARCH_FIELDS, trigram_fields=("subject",), vector="search_vector"
        )
    return questions


def only_status_filtered(values: dict) -> bool:
    return not any(values.get(k) for k in ("q", "category", "assignee", "sla", "anonymous"))


def queue_questions(user, values: dict):
    """The queue's questions for these filters, in the chosen order, with what a row shows."""
    from helpdesk.forms import QueueFilterForm

    questions = searched(filtered(user, values), values.get("q"))
    # Newest first unless asked otherwise, also when searching: ordering a common word's
    # thousands of matches by relevance would rank every one of them; newest first lets the
    # database stop after one page. "Best match" is there for when it matters.
    sort = values.get("sort") or "newest"
    if sort in QueueFilterForm.SORTS:
        questions = questions.order_by(*QueueFilterForm.SORTS[sort])
    return questions.values(*ROW_VALUES)


class QueueRow:
    """One question as a row of the queue shows it (from `ROW_VALUES`), with the question's
    own rules for its response target."""

    sla_state = Question.sla_state
    is_closed = Question.is_closed

    def __init__(self, values: dict):
        for name, value in values.items():
            setattr(self, name.replace("__", "_"), value)

    @property
    def category_label(self) -> str:
        english = translation.get_language() == "en" and self.category_name_en
        return english or self.category_name

    @property
    def asker_label(self) -> str:
        return self.asker_full_name or self.asker_email or ""

    @property
    def assignee_label(self) -> str:
        return self.assignee_full_name or self.assignee_email or ""


def queue_page(user, values: dict, page_number, *, counts: dict):
    """One page of the queue. Its total comes from `counts` when only the status is filtered;
    a search is paged without a total."""
    if clean_query(values.get("q")) and values.get("sort") == "relevance":
        # Rank the matches on the question table alone, then load the page's rows with their
        # people: joining first would join every match before the ranking picks 25.
        ranked = searched(filtered(user, values), values.get("q")).values_list("pk", flat=True)
        return UncountedPage(ranked, page_number, per_page=PAGE_SIZE, rows=_rows_in_order)
    questions = queue_questions(user, values)
    if clean_query(values.get("q")):
        # Counting every match of a common word would cost more than finding the page.
        return UncountedPage(questions, page_number, per_page=PAGE_SIZE)
    known = None
    if only_status_filtered(values):
        status = values.get("status")
        if status == "active":
            known = sum(counts[s] for s in OPEN_STATUSES)
        elif status:
            known = counts[status]
        else:
            known = sum(counts.values())
    paginator = CountedPaginator(questions, PAGE_SIZE, known_count=known)
    return paginator.get_page(page_number)


def _rows_in_order(pks: list) -> list:
    found = {row["pk"]: row for row in Question.objects.filter(pk__in=pks).values(*ROW_VALUES)}
    return [found[pk] for pk in pks if pk in found]

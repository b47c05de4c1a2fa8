"""Who may do what in practice 1, in one place.

Employees (managers and HR included) read and acknowledge the tips and use the checker; HR
writes tips, maintains the checker's rules and sees who acknowledged what. Alumni and
freelancers have no part in it. A draft tip exists only for HR: anyone else gets a 404.
"""

from django.http import Http404
from django.shortcuts import get_object_or_404

from guidelines.models import Guideline, Rule, Term
from people.permissions import is_employee, is_hr, role_required

can_read_tips = is_employee
can_manage_tips = is_hr

reader_required = role_required(can_read_tips)
manager_of_tips_required = role_required(can_manage_tips)


def get_guideline_for_user(request, pk) -> Guideline:
    """The tip at `pk` if this user may read it (404 otherwise, drafts included)."""
    return get_object_or_404(
        Guideline.objects.visible_to(request.user).select_related("category"), pk=pk
    )


def get_rule_for_user(request, kind) -> Rule:
    """A checker rule, for HR only (404 for anyone else)."""
    if not can_manage_tips(request.user):
        raise Http404
    return get_object_or_404(Rule.objects.select_related("guideline"), kind=kind)


def get_term_for_user(request, pk) -> Term:
    """A term of a word list, for HR only (404 for anyone else)."""
    if not can_manage_tips(request.user):
        raise Http404
    return get_object_or_404(Term.objects.select_related("rule"), pk=pk)

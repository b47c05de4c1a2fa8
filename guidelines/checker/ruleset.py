"""The compiled rule set, built once per change and shared by every check in a process.

Compiling 5,000 terms takes far longer than checking a draft, so each process keeps the
compiled set in memory together with the token of the rules it was built from. The current
token lives in the database (`RuleSetState`) and, for speed, in the shared cache: a check
costs one cache read, and only after a change does a process rebuild. Writers set the new
token in the cache after their transaction commits; readers only *add* a token they read from
the database, so a slow reader can never put back an older token over a newer one.
"""

from django.core.cache import cache
from django.db import transaction

from guidelines.checker.defaults import DEFAULT_RULES
from guidelines.checker.engine import CompiledRuleSet, RuleInfo
from guidelines.checker.matcher import TermMatcher
from guidelines.checker.text import normalize_term
from guidelines.models.rules import Rule, RuleSetState, Term

CACHE_KEY = "guidelines:ruleset-token"
# Bounds how long a process that cannot see the shared cache (the local-memory cache in a
# multi-process setup) may use old rules.
CACHE_SECONDS = 30

_compiled: CompiledRuleSet | None = None


def current_ruleset() -> CompiledRuleSet:
    """The compiled rules, rebuilt only when they changed since this process compiled them."""
    global _compiled
    token = cache.get(CACHE_KEY)
    if token is None:
        token = RuleSetState.current()
        cache.add(CACHE_KEY, token, CACHE_SECONDS)
    if _compiled is None or _compiled.token != token:
        _compiled = build_ruleset(token)
    return _compiled


def ruleset_changed() -> None:
    """Call inside the transaction that changes rules, terms or tips."""
    token = RuleSetState.bump()
    transaction.on_commit(lambda: cache.set(CACHE_KEY, token, CACHE_SECONDS))


def build_ruleset(token: str) -> CompiledRuleSet:
    """Read the rules and terms (three queries) and compile them. A kind without a rule row
    works with its built-in defaults."""
    rows = {rule.kind: rule for rule in Rule.objects.select_related("guideline")}
    rules: dict[str, RuleInfo] = {}
    for kind in Rule.Kind.values:
        row = rows.get(kind)
        if row is None:
            default = DEFAULT_RULES[kind]
            rules[kind] = RuleInfo(kind, default.severity, default.tip, default.tip_en)
        elif row.is_active:
            guideline = row.guideline if row.guideline and row.guideline.is_published else None
            rules[kind] = RuleInfo(
                kind=kind,
                severity=row.severity,
                tip=row.tip,
                tip_en=row.tip_en,
                guideline_title=guideline.title if guideline else "",
                guideline_title_en=guideline.title_en if guideline else "",
                guideline_url=guideline.get_absolute_url() if guideline else "",
            )
    terms: dict[str, dict[str, str]] = {kind: {} for kind in Rule.TERM_KINDS}
    for kind in Rule.TERM_KINDS:
        if kind not in rows:
            terms[kind] = {normalize_term(t): "" for t in DEFAULT_RULES[kind].terms}
    # Only the public explanation goes into the checker: HR's internal note never leaves
    # HR's pages (the checker's answer goes to any employee and to the JSON API).
    for kind, normalized, explanation in Term.objects.filter(
        rule__kind__in=[k for k in Rule.TERM_KINDS if k in rows]
    ).values_list("rule__kind", "normalized", "explanation"):
        terms[kind][normalized] = explanation
    matchers = {kind: TermMatcher(found) for kind, found in terms.items() if kind in rules}
    return CompiledRuleSet(token=token, rules=rules, matchers=matchers)

"""Checking a draft against a compiled rule set: the findings and the verdict.

`check(text, network, ruleset)` does no database work; `guidelines.checker.ruleset` supplies
the compiled rules and `guidelines.services.draft_check` joins the two.
"""

from dataclasses import dataclass, field

from django.db import models
from django.utils import translation
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext_lazy as _

from guidelines.checker.matcher import TermMatcher
from guidelines.checker.personal import find_personal_data
from guidelines.checker.text import normalize_text, original_span
from guidelines.models.rules import Rule, Severity

MAX_DRAFT_LENGTH = 5000


class Network(models.TextChoices):
    LINKEDIN = "linkedin", "LinkedIn"
    X = "x", "X"
    INSTAGRAM = "instagram", "Instagram"
    FACEBOOK = "facebook", "Facebook"
    TIKTOK = "tiktok", "TikTok"
    BLUESKY = "bluesky", "Bluesky"
    MASTODON = "mastodon", "Mastodon"


# The most characters a post may have (as the networks count them, roughly).
NETWORK_LIMITS = {
    Network.LINKEDIN: 3000,
    Network.X: 280,
    Network.INSTAGRAM: 2200,
    Network.FACEBOOK: 63206,
    Network.TIKTOK: 4000,
    Network.BLUESKY: 300,
    Network.MASTODON: 500,
}

VERDICTS = {
    Severity.FINE: _(
        "Nothing stands out. Use your common sense: would you also say this out loud at a "
        "client's reception?"
    ),
    Severity.THINK: _("Think twice before you post this: read the findings below."),
    Severity.STOP: _("Better not post this as it is: change what is marked first."),
}


@dataclass(frozen=True)
class RuleInfo:
    """What the checker needs of one rule, compiled; no database object."""

    kind: str
    severity: str
    tip: str
    tip_en: str = ""
    guideline_title: str = ""
    guideline_title_en: str = ""
    guideline_url: str = ""


@dataclass
class CompiledRuleSet:
    token: str
    rules: dict[str, RuleInfo]  # the active rules by kind
    matchers: dict[str, TermMatcher]  # the word-list rules; a match carries the term's explanation

    @property
    def term_count(self) -> int:
        return sum(len(m.terms) for m in self.matchers.values())


def _pick(dutch: str, english: str) -> str:
    return english if english and translation.get_language() == "en" else dutch


@dataclass
class Finding:
    """One thing in the draft worth a second look: where it is, how serious, and why."""

    kind: str
    severity: str
    start: int
    end: int
    text: str
    tip: str
    explanation: str = ""  # the term's public explanation, never HR's internal note
    guideline_title: str = ""
    guideline_url: str = ""

    @property
    def label(self) -> str:
        return str(Rule.Kind(self.kind).label)

    @property
    def severity_label(self) -> str:
        return str(Severity(self.severity).label)

    def as_dict(self) -> dict:
        return {
            "rule": self.kind,
            "label": self.label,
            "severity": self.severity,
            "severity_label": self.severity_label,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "tip": self.tip,
            "explanation": self.explanation,
            "guideline": (
                {"title": self.guideline_title, "url": self.guideline_url}
                if self.guideline_url
                else None
            ),
        }


@dataclass
class CheckResult:
    """The answer for one draft. Iterating gives the findings, in the order of the text; the
    result itself is always true, also when there are no findings (use `.findings`)."""

    text: str
    network: str = ""
    findings: list[Finding] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def __iter__(self):
        return iter(self.findings)

    @property
    def verdict(self) -> str:
        if not self.findings:
            return Severity.FINE
        return max((f.severity for f in self.findings), key=Severity.rank)

    @property
    def verdict_label(self) -> str:
        return str(Severity(self.verdict).label)

    @property
    def verdict_message(self) -> str:
        return str(VERDICTS[self.verdict])

    def grouped(self) -> list[dict]:
        """One entry per distinct finding (the same client name three times is one entry),
        the most serious first."""
        groups: dict[tuple, dict] = {}
        for finding in self.findings:
            key = (finding.kind, " ".join(finding.text.casefold().split()))
            if key in groups:
                groups[key]["count"] += 1
            else:
                groups[key] = {"finding": finding, "count": 1}
        return sorted(groups.values(), key=lambda g: -Severity.rank(g["finding"].severity))

    def highlighted(self) -> SafeString:
        """The draft as escaped HTML with each finding marked; overlapping findings merge and
        take the most serious severity. Severity shows in the mark's style and in words for
        screen readers, never in colour alone."""
        spans: list[list] = []
        for finding in sorted(self.findings, key=lambda f: (f.start, f.end)):
            if spans and finding.start < spans[-1][1]:
                last = spans[-1]
                last[1] = max(last[1], finding.end)
                last[2] = max(last[2], finding.severity, key=Severity.rank)
            else:
                spans.append([finding.start, finding.end, finding.severity])
        parts, position = [], 0
        for start, end, severity in spans:
            parts.append(escape(self.text[position:start]))
            parts.append(
                f'<mark class="check-mark check-{severity}">'
                f'<span class="visually-hidden">{escape(Severity(severity).label)}: </span>'
                f"{escape(self.text[start:end])}</mark>"
            )
            position = end
        parts.append(escape(self.text[position:]))
        return mark_safe("".join(parts))

    def as_dict(self) -> dict:
        return {
            "verdict": self.verdict,
            "verdict_label": self.verdict_label,
            "message": self.verdict_message,
            "network": self.network or None,
            "length": len(self.text),
            "findings": [f.as_dict() for f in self.findings],
            "notes": self.notes,
        }


def _finding(rule: RuleInfo, text: str, start: int, end: int, explanation: str = "") -> Finding:
    return Finding(
        kind=rule.kind,
        severity=rule.severity,
        start=start,
        end=end,
        text=text[start:end],
        tip=_pick(rule.tip, rule.tip_en),
        explanation=explanation or "",
        guideline_title=_pick(rule.guideline_title, rule.guideline_title_en),
        guideline_url=rule.guideline_url,
    )


def check(text: str, network: str | None, ruleset: CompiledRuleSet) -> CheckResult:
    """Every finding in `text` under `ruleset`; `network` adds its length limit."""
    result = CheckResult(text=text, network=network or "")
    rules = ruleset.rules
    folded, index_map = normalize_text(text)
    for kind, matcher in ruleset.matchers.items():
        if kind in rules:
            for start, end, explanation in matcher.find(folded):
                start, end = original_span(index_map, start, end)
                result.findings.append(_finding(rules[kind], text, start, end, explanation))
    for kind, start, end in find_personal_data(text):
        if kind in rules:
            result.findings.append(_finding(rules[kind], text, start, end))
    limit = NETWORK_LIMITS.get(network)
    if limit and len(text) > limit and Rule.Kind.LENGTH in rules:
        result.findings.append(_finding(rules[Rule.Kind.LENGTH], text, limit, len(text)))
        result.notes.append(
            str(
                _("%(network)s shows about %(limit)s characters; your text has %(length)s.")
                % {"network": Network(network).label, "limit": limit, "length": len(text)}
            )
        )
    if text and not any(char.isalnum() for char in text):
        result.notes.append(
            str(_("Your draft has no words or numbers, so there was little to check."))
        )
    result.findings.sort(key=lambda f: (f.start, -Severity.rank(f.severity)))
    return result

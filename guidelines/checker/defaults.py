"""The checker's rules as they come out of the box. HR changes them in the portal; these are
also what the checker uses for a kind whose rule row is missing, so it never stops working.

Tips are content HR owns (not interface text), hence a Dutch and an English version here
rather than gettext.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class DefaultRule:
    severity: str
    tip: str
    tip_en: str
    terms: tuple[str, ...] = ()


DEFAULT_RULES: dict[str, DefaultRule] = {
    "confidential": DefaultRule(
        "stop",
        "Dit is vertrouwelijk: een klant onder geheimhouding, een projectnaam of een product "
        "dat nog niet bekend is. Laat het weg of vraag het eerst na.",
        "This is confidential: a client under NDA, a project code name or a product that has "
        "not been announced. Leave it out or check first.",
    ),
    "email": DefaultRule(
        "think",
        "Een e-mailadres is persoonsgegeven. Deel alleen je eigen zakelijke adres, nooit dat "
        "van een klant of collega zonder hun toestemming.",
        "An e-mail address is personal data. Only share your own work address, never a client's "
        "or colleague's without their consent.",
    ),
    "phone": DefaultRule(
        "think",
        "Een telefoonnummer is persoonsgegeven. Verwijs liever naar het algemene nummer of de "
        "website.",
        "A phone number is personal data. Point to the general number or the website instead.",
    ),
    "iban": DefaultRule(
        "stop",
        "Een rekeningnummer hoort niet in een post. Haal het weg.",
        "A bank account number does not belong in a post. Take it out.",
    ),
    "bsn": DefaultRule(
        "stop",
        "Dit lijkt een burgerservicenummer (BSN). Dat deel je nooit, ook niet van jezelf.",
        "This looks like a citizen service number (BSN). Never share one, not even your own.",
    ),
    "address": DefaultRule(
        "think",
        "Een postcode met huisnummer wijst één adres aan. Noem liever alleen de plaats.",
        "A postcode with a house number points to one address. Mention only the town instead.",
    ),
    "internal": DefaultRule(
        "stop",
        "Deze tekst is als intern of vertrouwelijk gemarkeerd. Wat intern is, blijft intern.",
        "This text is marked internal or confidential. What is internal stays internal.",
        (
            "intern",
            "alleen intern",
            "intern gebruik",
            "vertrouwelijk",
            "vertrouwelijke",
            "strikt vertrouwelijk",
            "niet delen",
            "niet extern delen",
            "onder embargo",
            "internal only",
            "internal use only",
            "confidential",
            "do not share",
            "not for distribution",
            "under embargo",
        ),
    ),  # fmt: skip
    "financial": DefaultRule(
        "think",
        "Financiële en koersgevoelige onderwerpen laat je aan de woordvoerder. Deel alleen wat "
        "al officieel bekend is gemaakt, en link daarnaar.",
        "Leave financial and price-sensitive topics to the spokesperson. Only share what has "
        "been announced officially, and link to it.",
        (
            "omzet",
            "winst",
            "winstcijfers",
            "overname*",
            "beursgang",
            "reorganisatie*",
            "fusie",
            "faillissement",
            "kwartaalcijfers",
            "jaarcijfers",
            "ontslagronde",
            "bezuiniging*",
            "koersgevoelig*",
            "dividend",
            "revenue",
            "profit",
            "profits",
            "acquisition*",
            "takeover",
            "merger",
            "ipo",
            "layoffs",
            "restructuring",
            "bankruptcy",
            "quarterly results",
            "annual results",
            "price-sensitive",
        ),
    ),  # fmt: skip
    "negative": DefaultRule(
        "think",
        "Dit klinkt negatief over een klant of collega. Kritiek bespreek je binnen, niet online: "
        "zou je dit ook hardop zeggen waar zij bij zijn?",
        "This sounds negative about a client or colleague. Discuss criticism inside, not online: "
        "would you say this out loud with them in the room?",
        (
            "waardeloos",
            "waardeloze",
            "idioot",
            "idioten",
            "sukkel*",
            "incompetent*",
            "prutser*",
            "amateurs",
            "belachelijk*",
            "lastige klant",
            "irritante klant",
            "vreselijke klant",
            "hekel aan",
            "stomme klant",
            "luie collega",
            "stupid",
            "idiot*",
            "useless",
            "clueless",
            "moron*",
            "pathetic",
            "terrible client",
            "worst client",
            "lazy colleague",
            "hate my job",
        ),
    ),  # fmt: skip
    "length": DefaultRule(
        "think",
        "Je tekst is langer dan dit netwerk toont of toestaat. Kort hem in of maak er een "
        "reeks berichten van.",
        "Your text is longer than this network shows or allows. Shorten it or split it into "
        "several posts.",
    ),
}

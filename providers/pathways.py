"""The resettlement pathways: the directory's taxonomy (DOMAIN.md). Identifiers are fixed so the
Open Referral UK API publishes the same term ids on every installation."""

import uuid


def _(words: str) -> str:
    """Marks words for the Welsh catalogue (makemessages reads `_`); they are translated when
    shown, by plain_words(). This module imports no Django, as matching's pure scoring uses it."""
    return words


NAMESPACE = uuid.UUID("6f1c1f52-93a4-4c59-9a51-6b0d7a3f2e10")

TAXONOMY = {
    "slug": "resettlement-pathways",
    "name": "Resettlement pathways",
    "description": (
        "The areas of a person's life that support on leaving prison works on: the seven "
        "reducing-reoffending pathways and two further pathways for women."
    ),
    "version": "1",
}

# (code, name, description)
PATHWAYS = [
    ("accommodation", "Accommodation", "Finding and keeping somewhere safe to live."),
    (
        "education-training-employment",
        "Education, training and employment",
        "Learning, qualifications, volunteering and getting or keeping a job.",
    ),
    (
        "health",
        "Health, including mental health",
        "Registering with a GP, looking after physical and mental health.",
    ),
    ("drugs-alcohol", "Drugs and alcohol", "Support with drug or alcohol use and recovery."),
    (
        "finance-benefit-debt",
        "Finance, benefit and debt",
        "Bank accounts, benefit claims, budgeting and dealing with debt.",
    ),
    (
        "children-families",
        "Children and families",
        "Keeping in touch with and rebuilding relationships with children and family.",
    ),
    (
        "attitudes-thinking-behaviour",
        "Attitudes, thinking and behaviour",
        "Motivation, decision-making and moving away from offending.",
    ),
    (
        "women-abuse-survivors",
        "Women who have experienced domestic abuse, rape or sexual violence",
        "Specialist support for women who have experienced abuse or sexual violence.",
    ),
    (
        "women-sex-work",
        "Women who have been involved in prostitution",
        "Specialist support for women who have been involved in selling sex.",
    ),
]

# Short everyday words for each pathway, for sentences people read at about age 11
# ("helps with somewhere to live").
PLAIN_WORDS = {
    "accommodation": _("somewhere to live"),
    "education-training-employment": _("work and training"),
    "health": _("health and mental health"),
    "drugs-alcohol": _("drugs and alcohol"),
    "finance-benefit-debt": _("money, benefits and debt"),
    "children-families": _("children and family"),
    "attitudes-thinking-behaviour": _("staying out of trouble"),
    "women-abuse-survivors": _("women who have been abused or raped"),
    "women-sex-work": _("women who have sold sex"),
}


def plain_words(term) -> str:
    from django.utils.translation import gettext  # Django stays out of the module's imports.

    plain = PLAIN_WORDS.get(term.code)
    return gettext(plain) if plain else term.name.lower()


def term_id(code: str) -> uuid.UUID:
    return uuid.uuid5(NAMESPACE, code)


def taxonomy_id() -> uuid.UUID:
    return uuid.uuid5(NAMESPACE, TAXONOMY["slug"])


def load_pathways(taxonomy_model, term_model) -> None:
    """Create or update the taxonomy and its terms. Takes the models so the data migration can
    pass its historical ones; idempotent."""
    taxonomy, _ = taxonomy_model.objects.update_or_create(id=taxonomy_id(), defaults=TAXONOMY)
    for position, (code, name, description) in enumerate(PATHWAYS):
        term_model.objects.update_or_create(
            id=term_id(code),
            defaults={
                "taxonomy": taxonomy,
                "code": code,
                "name": name,
                "description": description,
                "position": position,
            },
        )

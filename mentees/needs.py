"""Which resettlement pathways a needs assessment asks about for one person."""

from providers.models import TaxonomyTerm

WOMEN_ONLY_PATHWAYS = ("women-abuse-survivors", "women-sex-work")


def pathways_for(mentee) -> tuple[list, set[str]]:
    """The pathways that apply to this person, and the codes of those they asked for help with.

    The two pathways for women apply to someone held in the women's estate, or who asked for
    one of them, or was rated on one before; for anyone else they are left out."""
    asked = set(mentee.referral.needs.values_list("code", flat=True)) if mentee.referral else set()
    rated_before = set(
        mentee.assessments.values_list("ratings__pathway__code", flat=True).exclude(
            ratings__pathway__code=None
        )
    )
    women = bool(mentee.prison and mentee.prison.womens_estate) or bool(
        (asked | rated_before) & set(WOMEN_ONLY_PATHWAYS)
    )
    terms = [
        term
        for term in TaxonomyTerm.objects.pathways()
        if women or term.code not in WOMEN_ONLY_PATHWAYS
    ]
    return terms, asked

"""The name of the person a notification is about, for the notifications page only.

A notification's title names a mentee or referral by reference, because the same words are
emailed and a name there would tell whoever reads the inbox that someone has a criminal
record. On the page the name is read from the record at the time the page is shown, and only
where the reader may see that record now: staff of the record's organisation, or the mentor of
one of its relationships; and only for the organisation the notification belongs to. An erased
record, a record they no longer may see, or one of another organisation keeps its reference.
"""

from mentees.models import Mentee, Referral

from .models import Match, Notification


def _visible_mentees(user, ids) -> dict:
    staff = Mentee.objects.visible_to(user).filter(pk__in=ids)
    mentored = Mentee.objects.filter(
        pk__in=Match.objects.of_mentor_user(user).filter(mentee__in=ids).values("mentee")
    )
    return {
        mentee.pk: mentee for mentee in (staff | mentored).filter(erased_at__isnull=True).distinct()
    }


def _visible_referrals(user, ids) -> dict:
    referrals = Referral.objects.visible_to(user).filter(pk__in=ids, erased_at__isnull=True)
    return {referral.pk: referral for referral in referrals}


def _named(title: str, record) -> str:
    if record is None or not record.full_name or record.reference not in title:
        return title
    return title.replace(record.reference, f"{record.full_name} ({record.reference})", 1)


def with_names(user, notifications) -> list[Notification]:
    """The notifications, each with `shown_title`: its title as this user should read it. Two
    queries for a page, whatever its length."""
    notifications = list(notifications)
    mentees = _visible_mentees(user, {n.mentee_id for n in notifications if n.mentee_id})
    referrals = _visible_referrals(user, {n.referral_id for n in notifications if n.referral_id})
    for notification in notifications:
        record = mentees.get(notification.mentee_id) or referrals.get(notification.referral_id)
        if record is not None and record.organisation_id != notification.organisation_id:
            record = None
        notification.shown_title = _named(notification.title, record)
    return notifications

from hrsocial.celery import periodic_task


@periodic_task
def send_newsletter() -> int:
    """Monthly: the newsletter to members who consented (once per member and month)."""
    from alumni.newsletter import newsletter_send

    return newsletter_send()


@periodic_task
def send_departure_invitations() -> int:
    """Daily: people whose last day of employment has come are invited to the network."""
    from alumni.invitations import invitations_send_due

    return invitations_send_due()


@periodic_task
def sweep_members_who_left() -> int:
    """Daily: who left the network (account closed, rejected, employed again) drops out of
    every list and the newsletter."""
    from alumni.sweep import members_left_sweep

    return members_left_sweep()

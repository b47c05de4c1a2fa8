from hrsocial.celery import periodic_task


@periodic_task
def publish_scheduled():
    from news.services import posts_publish_scheduled

    return posts_publish_scheduled()


@periodic_task
def send_must_read_reminders():
    from news.services import must_read_reminders_send

    return must_read_reminders_send()


@periodic_task
def send_weekly_digest():
    from news.services.digest import weekly_digest_send

    return weekly_digest_send()

"""Storing an attachment that `helpdesk.attachments.check_upload` accepted."""

import uuid

from django.core.files.base import ContentFile

from helpdesk.attachments import CheckedFile, neutral_name, strip_metadata
from helpdesk.models import Attachment


def attachment_store(*, question, upload: CheckedFile, message=None) -> Attachment:
    """Keep the file in private storage under a random name. With an anonymous question it gets
    a neutral name and loses the author details we can remove."""
    content, name = upload.content, upload.name
    if question.is_anonymous:
        content = strip_metadata(upload.kind, content)
        name = neutral_name(upload.kind, question.attachments.count() + 1)
    attachment = Attachment(
        question=question, message=message, name=name, kind=upload.kind, size=len(content)
    )
    if question.is_anonymous:
        # No moment of its own: the question's day part, or the message it came with.
        attachment.created_at = message.created_at if message else question.created_at
    extension = name.rsplit(".", 1)[-1]
    attachment.file.save(f"{uuid.uuid4().hex}.{extension}", ContentFile(content), save=False)
    attachment.save()
    return attachment


def attachment_file_delete(sender, instance, **kwargs) -> None:
    """A deleted attachment (or question) takes its file along once the deletion commits: a
    question deleted on request (GDPR) leaves nothing behind in storage."""
    from django.db import transaction

    name, storage = instance.file.name, instance.file.storage
    if name:
        transaction.on_commit(lambda: storage.delete(name), robust=True)

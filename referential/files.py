"""Uploaded source files are personal data: kept where no public URL reaches them."""

import uuid


def import_file_path(instance, filename):
    # The analyst's file name is kept in ImportBatch.original_filename, never in the path.
    return f"referential/imports/{uuid.uuid4().hex}"


def private_storage():
    """The project's private storage (outside MEDIA_ROOT, no URL), served by permission-checked views."""
    from community.spaces.models.spaces import private_storage as storage

    return storage

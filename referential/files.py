"""Uploaded source files are personal data: kept where no public URL reaches them."""

import uuid


def import_file_path(instance, filename):
    # The analyst's file name is kept in ImportBatch.original_filename, never in the path.
    return f"referential/imports/{uuid.uuid4().hex}"

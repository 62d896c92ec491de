"""The content types documents are served with (``WAGTAILDOCS_CONTENT_TYPES``): a known type for
each extension editors may upload, and ``application/octet-stream`` for anything else.

Wagtail serves a document with the type guessed from its file name, so an ``.html`` or ``.svg``
file would go out as ``text/html`` or ``image/svg+xml``. Uploads are limited to
``WAGTAILDOCS_EXTENSIONS`` (none of those), but a document stored another way (a shell, data
carried over from an older portal) is still served: as bytes to download, never as a page of the
portal's origin. Together with ``WAGTAILDOCS_INLINE_CONTENT_TYPES = []`` (every document
``Content-Disposition: attachment``), ``WAGTAILDOCS_SERVE_METHOD = "serve_view"`` (always through
Wagtail's view, which adds ``X-Content-Type-Options: nosniff`` and
``Content-Security-Policy: default-src 'none'``) — ``cms/settings/base.py``, docs/deployment.md,
"Uploads".

This module is read by the settings: it imports nothing of Django's.
"""

#: The type of each extension editors may upload (``WAGTAILDOCS_EXTENSIONS``).
DOCUMENT_CONTENT_TYPES = {
    "pdf": "application/pdf",
    "doc": "application/msword",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "odt": "application/vnd.oasis.opendocument.text",
    "rtf": "application/rtf",
    "txt": "text/plain",
    "xls": "application/vnd.ms-excel",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "ods": "application/vnd.oasis.opendocument.spreadsheet",
    "zip": "application/zip",
}

#: What any other extension is served as.
UNKNOWN_CONTENT_TYPE = "application/octet-stream"


class SafeContentTypes(dict):
    """``WAGTAILDOCS_CONTENT_TYPES``: Wagtail asks ``.get(extension)`` and, when that is empty, guesses
    from the file name; here every extension has an answer, ``UNKNOWN_CONTENT_TYPE`` for those not
    listed, so nothing is guessed."""

    def get(self, key, default=None):
        return super().get(str(key).lower(), UNKNOWN_CONTENT_TYPE)

    def __missing__(self, key):
        return UNKNOWN_CONTENT_TYPE


def document_content_types() -> SafeContentTypes:
    return SafeContentTypes(DOCUMENT_CONTENT_TYPES)

"""Upload size limits enforced while the request is read, not after.

`LimitedUploadHandler` comes first in settings.FILE_UPLOAD_HANDLERS. It counts each file's bytes as
they arrive and, once one passes the limit of the view being called (set with `upload_limit`, or
settings.UPLOAD_MAX_BYTES), stops reading the request there: the rest is never read, stored or
parsed. The fields sent before the file (the form's security token, its title) are kept, and the
view's form is handed a stand-in for the file that is too large, so the person sees "The file
must be 10 MB or smaller" next to the field rather than an error page. Forms put the file input
last so that nothing else is lost.
"""

import functools
from io import BytesIO

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.core.files.uploadhandler import FileUploadHandler, StopUpload

REFUSED = "_upload_refused"


def upload_limit(max_bytes: int):
    """Decorate a view that takes files: no file bigger than `max_bytes` is read in full."""

    def decorator(view):
        @functools.wraps(view)
        def wrapped(request, *args, **kwargs):
            if request.method == "POST":
                request.FILES  # noqa: B018 (read the request now if nothing has yet)
                refused = getattr(request, REFUSED, None)
                if refused is not None:
                    field_name, file_name, size = refused
                    request.FILES.setlist(field_name, [TooLargeUpload(file_name, size)])
            return view(request, *args, **kwargs)

        wrapped.upload_max_bytes = max_bytes
        return wrapped

    return decorator


def limit_for(request) -> int:
    match = getattr(request, "resolver_match", None)
    view = match.func if match is not None else None
    return getattr(view, "upload_max_bytes", settings.UPLOAD_MAX_BYTES)


class LimitedUploadHandler(FileUploadHandler):
    def __init__(self, request=None):
        super().__init__(request)
        self.max_bytes = limit_for(request) if request is not None else settings.UPLOAD_MAX_BYTES

    def receive_data_chunk(self, raw_data, start):
        received = start + len(raw_data)
        if received > self.max_bytes:
            if self.request is not None:
                setattr(self.request, REFUSED, (self.field_name, self.file_name, received))
            # Stop here: the rest of the request is neither read nor kept.
            raise StopUpload(connection_reset=True)
        return raw_data

    def file_complete(self, file_size):
        return None  # The next handler keeps the file.


class TooLargeUpload(UploadedFile):
    """What the form sees of a file that was refused part way: its name and that it is too big
    (`size` is how much arrived before reading stopped, more than the limit)."""

    def __init__(self, name: str, size: int):
        super().__init__(BytesIO(b""), name=name or "file", size=size)

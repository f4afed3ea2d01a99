"""The printable directory for a prison or area (HTML and PDF)."""

urlpatterns: list = []

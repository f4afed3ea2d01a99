"""The printable directory for a prison or area (HTML and PDF)."""

from django.urls import path

from .views.printing import print_directory

urlpatterns = [
    path("services/print/", print_directory, name="print_directory"),
]

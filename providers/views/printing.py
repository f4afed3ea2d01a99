"""The printable directory: staff and commissioners choose a prison or area and get the
directory as a PDF or as a light, self-contained web page for a prison's screened content."""

from django.http import HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.http import content_disposition_header

from ..forms.printing import PrintDirectoryForm
from ..permissions import staff_or_commissioner_required
from ..printing.directory import printable_directory
from ..printing.pdf import directory_pdf


@staff_or_commissioner_required
def print_directory(request):
    form = PrintDirectoryForm(request.GET or None)
    if not form.is_bound or not form.is_valid():
        return render(
            request,
            "providers/printing/form.html",
            {"form": form},
            status=400 if form.is_bound else 200,
        )
    directory = printable_directory(
        form.place,
        made_on=timezone.localdate(),
        check_online_at=request.get_host() + reverse("providers:directory"),
        language=form.cleaned_data["language"],
    )
    if form.cleaned_data["format"] == "pdf":
        response = HttpResponse(directory_pdf(directory), content_type="application/pdf")
        filename = directory.filename("pdf")
    else:
        html = render_to_string(
            "providers/printing/directory.html", {"directory": directory}, request=request
        )
        response = HttpResponse(html, content_type="text/html; charset=utf-8")
        filename = directory.filename("html")
    response["Content-Disposition"] = content_disposition_header(
        as_attachment=not form.cleaned_data["show"], filename=filename
    )
    response["Cache-Control"] = "private, no-cache"
    return response

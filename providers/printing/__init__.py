"""The printable directory for a prison or area: one data builder (directory.py) and two
renderers, the light HTML page (a template) and the PDF (pdf.py)."""

"""A web process loads its views and freezes what it loaded (config/startup.py)."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_the_wsgi_application_starts_with_its_views_loaded_and_frozen():
    script = (
        "import gc, sys; import config.wsgi; "
        "print(gc.get_freeze_count() > 10_000, 'matching.views.coordinator' in sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert result.stdout.split() == ["True", "True"]

"""Static files as production collects them: every file a page loads has a content hash in its
name, so WhiteNoise can tell browsers to keep it for a year (issue 15)."""

import re

from django.core.management import call_command
from django.test import override_settings

from config.storage import StaticFilesStorage

HASHED = re.compile(r"\.[0-9a-f]{12}\.m?js$")
IMPORT = re.compile(
    r"""(?:import|export)\b[^;]*?from\s*["']([^"']+)["']|import\s*["']([^"']+)["']"""
)


def test_javascript_modules_import_each_other_by_hashed_names(tmp_path):
    storages = {
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
        "staticfiles": {"BACKEND": "config.storage.StaticFilesStorage"},
    }
    with override_settings(STATIC_ROOT=tmp_path, STORAGES=storages):
        call_command("collectstatic", interactive=False, verbosity=0)
        manifest = StaticFilesStorage()
        entry_points = [manifest.stored_name(name) for name in ("js/app.mjs", "js/public.mjs")]
    assert all(HASHED.search(name) for name in entry_points), entry_points
    seen, checked = set(), []
    waiting = [tmp_path / name for name in entry_points]
    while waiting:
        module = waiting.pop()
        if module in seen:
            continue
        seen.add(module)
        imports = [a or b for a, b in IMPORT.findall(module.read_text())]
        for target in imports:
            assert HASHED.search(target), f"{module.name} imports {target} by a plain name"
            waiting.append((module.parent / target).resolve())
        checked.append(module.name)
    assert len(checked) >= 4, checked  # app, public, their own modules and the vendor bundles

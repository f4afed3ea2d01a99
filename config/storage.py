from whitenoise.storage import CompressedManifestStaticFilesStorage


class StaticFilesStorage(CompressedManifestStaticFilesStorage):
    """WhiteNoise's hashed, compressed files, with ES module imports rewritten to hashed names."""

    support_js_module_import_aggregation = True

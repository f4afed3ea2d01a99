from whitenoise.storage import CompressedManifestStaticFilesStorage


class StaticFilesStorage(CompressedManifestStaticFilesStorage):
    """WhiteNoise's hashed, compressed files, with ES module imports rewritten to hashed names.

    Django rewrites `import … from "./x.js"` only in files named *.js; our modules are *.mjs, so
    the same rules are given for them too. Without it a hashed app.<hash>.mjs imported plain
    print.mjs, which browsers could keep for a minute only and which a release could change
    under a cached page; with it every file a page loads has a hashed name, kept for a year.
    """

    support_js_module_import_aggregation = True

    def __init__(self, *args, **kwargs):
        _glob, rules = self._js_module_import_aggregation_patterns
        self.patterns = (*self.patterns, ("*.mjs", rules))
        super().__init__(*args, **kwargs)

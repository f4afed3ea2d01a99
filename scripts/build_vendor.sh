#!/usr/bin/env bash
# Builds static/vendor/ (never committed) from the npm packages pinned in package-lock.json:
# our Sass build of GOV.UK Frontend and MoJ Frontend, their JavaScript, and the images the CSS uses.
set -euo pipefail
cd "$(dirname "$0")/.."
out=static/vendor
rm -rf "$out"
mkdir -p "$out/images"
node_modules/.bin/sass --load-path=node_modules --load-path=. --style=compressed --no-source-map \
  --quiet-deps --silence-deprecation=import --silence-deprecation=global-builtin \
  static/scss/main.scss "$out/main.css"
# Public pages get a smaller stylesheet: only the components they use (static/scss/public.scss).
node_modules/.bin/sass --load-path=node_modules --load-path=. --load-path=static/scss \
  --style=compressed --no-source-map --quiet-deps --silence-deprecation=import \
  --silence-deprecation=global-builtin static/scss/public.scss "$out/public.css"
sed -i "s/\"GDS Transport\",//g" "$out/main.css" "$out/public.css"
cp node_modules/govuk-frontend/dist/govuk/govuk-frontend.min.js "$out/govuk-frontend.min.js"
cp node_modules/@ministryofjustice/frontend/moj/moj-frontend.min.js "$out/moj-frontend.min.js"
# Finding a council or prison in the service form's long lists (static/js/find-in-list.mjs).
# With its source map: the manifest storage follows the sourceMappingURL at the end of the file.
cp node_modules/accessible-autocomplete/dist/accessible-autocomplete.min.js{,.map} "$out/"
cp node_modules/govuk-frontend/dist/govuk/assets/images/*.svg "$out/images/"
cp node_modules/@ministryofjustice/frontend/moj/assets/images/*.svg "$out/images/"
# Every url() in the CSS must resolve to a file we ship, or the manifest storage refuses it.
cat "$out/main.css" "$out/public.css" | grep -o 'url([^)]*)' | sort -u | sed -E 's/url\(["'"'"']?\.?\/?([^"'"'"')]*)["'"'"']?\)/\1/' |
  while read -r ref; do
    case "$ref" in data:*) continue ;; esac
    [ -f "$out/$ref" ] || { echo "static/vendor/main.css refers to missing $ref" >&2; exit 1; }
  done
# Gzip and Brotli copies beside each file, for WhiteNoise to serve in `make demo` (production
# compresses again in collectstatic). Needs the virtualenv's WhiteNoise and Brotli.
if [ -x .venv/bin/python ]; then .venv/bin/python -m whitenoise.compress --quiet "$out"; fi
echo "Built $out"

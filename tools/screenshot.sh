#!/usr/bin/env bash
# Screenshot a page of the rendered docs site with headless Chromium (offline).
#   tools/screenshot.sh SITE_DIR OUT.png [PAGE.html] [WIDTHxHEIGHT]
# PAGE defaults to index.html, the size to 1280x1600.
# Needs Debian's chromium: apt-get update && apt-get install -y chromium
set -euo pipefail
if [ $# -lt 2 ]; then echo "usage: $0 SITE_DIR OUT.png [PAGE.html] [WIDTHxHEIGHT]" >&2; exit 2; fi
site=$1; out=$2; page=${3:-index.html}; size=${4:-1280x1600}
f="$(cd "$site" && pwd)/$page"
[ -f "$f" ] || { echo "no page $f (render the site first: carlora docs --out SITE_DIR)" >&2; exit 1; }
chrome=$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)
[ -n "$chrome" ] || { echo "chromium not found: apt-get update && apt-get install -y chromium" >&2; exit 1; }
case "$out" in /*) ;; *) out="$(pwd)/$out" ;; esac
mkdir -p "$(dirname "$out")"
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
"$chrome" --headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update \
  --disable-sync --no-first-run --user-data-dir="$profile" --hide-scrollbars \
  --screenshot="$out" --window-size="${size/x/,}" "file://$f" >/dev/null 2>&1 || true
[ -s "$out" ] || { echo "screenshot failed: $out not written" >&2; exit 1; }
echo "$out"

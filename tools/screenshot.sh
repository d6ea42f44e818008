#!/usr/bin/env bash
# Screenshot a page of the rendered docs site with headless Chromium (offline).
#   tools/screenshot.sh SITE_DIR OUT.png [PAGE.html] [WIDTHxHEIGHT] [ANCHOR]
# PAGE defaults to index.html (a query is kept: index.html?q=nf4 shows the search results), the size to 1280x2000. With ANCHOR (an element id, e.g. a heading's), the shot starts
# just above that element: headless Chromium draws a blank page when it scrolls (to a #fragment or by script), so the
# page is drawn in a taller window and cropped. Cropping needs Pillow ($PYTHON, default .venv/bin/python).
# Needs Debian's chromium: apt-get update && apt-get install -y chromium
set -euo pipefail
if [ $# -lt 2 ]; then echo "usage: $0 SITE_DIR OUT.png [PAGE.html] [WIDTHxHEIGHT] [ANCHOR]" >&2; exit 2; fi
site=$1; out=$2; page=${3:-index.html}; size=${4:-1280x2000}; anchor=${5:-}
w=${size%x*}; h=${size#*x}
query=""; case "$page" in *\?*) query="?${page#*\?}"; page=${page%%\?*} ;; esac
f="$(cd "$site" && pwd)/$page"
[ -f "$f" ] || { echo "no page $f (render the site first: carlora docs --out SITE_DIR)" >&2; exit 1; }
chrome=$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)
[ -n "$chrome" ] || { echo "chromium not found: apt-get update && apt-get install -y chromium" >&2; exit 1; }
case "$out" in /*) ;; *) out="$(pwd)/$out" ;; esac
mkdir -p "$(dirname "$out")"
profile=$(mktemp -d); probe=""
trap 'rm -rf "$profile"; [ -z "$probe" ] || rm -f "$probe"' EXIT
run() { "$chrome" --headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update \
  --disable-sync --no-first-run --user-data-dir="$profile" --hide-scrollbars "$@" 2>/dev/null; }
top=0
if [ -n "$anchor" ]; then
  # a copy of the page beside it (same relative links) that writes the anchor's offset into the DOM
  probe="$(dirname "$f")/.probe-$$.html"
  sed "s#</body>#<script>addEventListener('load', () => { const e = document.getElementById('$anchor'); document.body.dataset.top = e ? Math.max(0, Math.round(e.getBoundingClientRect().top + scrollY) - 16) : -1; });</script></body>#" "$f" > "$probe"
  top=$(run --virtual-time-budget=3000 --window-size="$w,$h" --dump-dom "file://$probe" | sed -n 's/.*data-top="\(-\{0,1\}[0-9]*\)".*/\1/p' | head -1)
  [ "${top:--1}" -ge 0 ] || { echo "no element with id '$anchor' in $page" >&2; exit 1; }
fi
run --screenshot="$out" --virtual-time-budget=3000 --window-size="$w,$((h + top))" "file://$f$query" >/dev/null || true
[ -s "$out" ] || { echo "screenshot failed: $out not written" >&2; exit 1; }
if [ "$top" -gt 0 ]; then
  "${PYTHON:-.venv/bin/python}" -c "import sys; from PIL import Image; im = Image.open(sys.argv[1]); t = int(sys.argv[2])
im.crop((0, t, im.width, t + int(sys.argv[3]))).save(sys.argv[1])" "$out" "$top" "$h"
fi
echo "$out"

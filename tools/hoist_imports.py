#!/usr/bin/env python
"""Move the top-level import lines of a notebook's test and demo cells into its `#| hide` imports cell.

nbdev's docs processing executes every cell that contains an import (ignoring `#| slow`), so a test cell that mixes an
import with variables from earlier test cells fails there, and a slow cell with an import runs at every docs build.
    python tools/hoist_imports.py nbs/03_skip.ipynb ...
"""
import json, re, sys
from pathlib import Path

IMP = re.compile(r'^(import \S|from \S+ import )')

def hoist(path):
    nb = json.loads(Path(path).read_text())
    cells = nb['cells']
    src = lambda c: ''.join(c['source']) if isinstance(c['source'], list) else c['source']
    hide = next((c for c in cells if c['cell_type'] == 'code' and src(c).lstrip().startswith('#| hide') and 'import' in src(c)), None)
    if hide is None: print(f'{path}: no #| hide imports cell, skipped'); return
    moved, keep = [], []
    for c in cells:
        s = src(c)
        if c is hide or c['cell_type'] != 'code' or re.search(r'^#\|\s*(export|exports|exporti)\b', s, re.M) or 'nbdev_export' in s:
            keep.append(c); continue
        lines = s.split('\n'); imp = [l for l in lines if IMP.match(l) and ';' not in l and not l.rstrip().endswith(('(', '\\'))]
        if not imp: keep.append(c); continue
        moved += [l for l in imp if l not in moved]
        rest = [l for l in lines if l not in imp]
        if any(l.strip() and not l.strip().startswith('#|') for l in rest):
            c['source'] = '\n'.join(rest).splitlines(keepends=True); keep.append(c)
    if not moved: return
    hs = src(hide).rstrip('\n').split('\n')
    hide['source'] = '\n'.join(hs + [l for l in moved if l not in hs]).splitlines(keepends=True)
    nb['cells'] = keep
    Path(path).write_text(json.dumps(nb, indent=1, ensure_ascii=False) + '\n')
    print(f'{path}: moved {len(moved)} import line(s)')

if __name__ == '__main__':
    for p in sys.argv[1:]: hoist(p)

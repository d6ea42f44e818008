#!/usr/bin/env python
"""Convert between notebooks and percent-format scripts, for editing notebooks without Jupyter.

    python tools/nbpy.py py2nb src.py nbs/01_x.ipynb   # `# %%` code cells, `# %% [markdown]` markdown cells
    python tools/nbpy.py nb2py nbs/01_x.ipynb out.py    # the reverse (outputs dropped)
`# %% tags=[parameters]` gives a code cell tags (papermill's parameters cell).
py2nb keeps the ids of cells whose type and source are unchanged, so the exported modules' cell markers stay put.
"""
import json, re, sys
from pathlib import Path

MD = '# %% [markdown]'

def py2nb(src, dst):
    "Write notebook `dst` from the percent-format script `src`."
    text = Path(src).read_text()
    cells, cur, kind, tags = [], [], None, []
    def flush():
        if kind is None: return
        lines = cur[:]
        while lines and not lines[-1].strip(): lines.pop()
        while lines and not lines[0].strip(): lines.pop(0)
        if kind == 'markdown': lines = [re.sub(r'^# ?', '', l) for l in lines]
        body = '\n'.join(lines)
        c = dict(cell_type=kind, metadata=dict(tags=tags) if tags else {}, source=body.splitlines(keepends=True))
        if kind == 'code': c.update(execution_count=None, outputs=[])
        cells.append(c)
    for line in text.splitlines():
        if line.startswith(MD): flush(); cur, kind, tags = [], 'markdown', []
        elif line.startswith('# %%'):
            flush(); cur, kind = [], 'code'
            m = re.search(r'tags=\[?([\w,\s"\']+)\]?', line)
            tags = [t.strip(' "\'') for t in m.group(1).split(',')] if m else []
        elif kind is not None: cur.append(line)
    flush()
    if Path(dst).exists():   # keep the ids of unchanged cells (nbdev_clean gives the others new ones)
        old = {}
        for c in json.loads(Path(dst).read_text())['cells']:
            if 'id' in c: old.setdefault((c['cell_type'], ''.join(c['source'])), []).append(c['id'])
        for c in cells:
            ids = old.get((c['cell_type'], ''.join(c['source'])))
            if ids: c['id'] = ids.pop(0)
    nb = dict(cells=cells, metadata=dict(kernelspec=dict(display_name='python3', language='python', name='python3')),
              nbformat=4, nbformat_minor=5)
    Path(dst).write_text(json.dumps(nb, indent=1, ensure_ascii=False) + '\n')

def nb2py(src, dst):
    "Write the percent-format script `dst` from notebook `src`."
    nb = json.loads(Path(src).read_text())
    out = []
    for c in nb['cells']:
        s = ''.join(c['source'])
        if c['cell_type'] == 'markdown': out += [MD] + ['# ' + l if l else '#' for l in s.splitlines()]
        else:
            tags = c.get('metadata', {}).get('tags', [])
            out += ['# %%' + (f' tags=[{",".join(tags)}]' if tags else '')] + s.splitlines()
        out.append('')
    Path(dst).write_text('\n'.join(out))

if __name__ == '__main__':
    cmd, a, b = sys.argv[1:4]
    {'py2nb': py2nb, 'nb2py': nb2py}[cmd](a, b)

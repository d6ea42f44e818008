"""Check papers/*/*.csv against papers/index.yaml.

Run: python papers/validate.py   (needs PyYAML; uses only the csv module for the tables)

For every table/figure entry with a `file`, it checks that the CSV parses, that every row has the
same number of fields as the header, that the header names are unique, that the shape matches
`shape` in the index, and that the empty cells are exactly the ones listed under `missing_cells`.
"""
import csv
import sys
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent


def load(path):
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.reader(f))


def check(entry):
    errs = []
    rows = load(HERE / entry["file"])
    header, body = rows[0], rows[1:]
    if len(set(header)) != len(header):
        errs.append(f"duplicate header names: {header}")
    for i, r in enumerate(body, 2):
        if len(r) != len(header):
            errs.append(f"line {i}: {len(r)} fields, header has {len(header)}")
    shape = [len(body), len(header)]
    if "shape" in entry and list(entry["shape"]) != shape:
        errs.append(f"shape {shape} != index {entry['shape']}")
    # empty cells vs declared missing cells (flag-style tables use empty for 'off')
    if entry.get("row_label_column", "") is not None and "missing_cells" in entry:
        declared = {(m["row"], c) for m in entry["missing_cells"] for c in m["columns"]}
        found = {(r[0], header[j]) for r in body for j, v in enumerate(r) if v == "" and j > 0}
        if declared != found:
            errs.append(f"empty cells {sorted(found)} != declared {sorted(declared)}")
    return shape, errs


def main():
    index = yaml.safe_load(open(HERE / "index.yaml", encoding="utf-8"))
    bad = 0
    for entry in index["tables"] + [f for f in index["figures"] if "file" in f]:
        key = f"{entry['paper']}/{entry.get('table') or entry.get('figure')}"
        shape, errs = check(entry)
        print(f"{key:22s} {entry['file']:26s} {shape[0]:3d} x {shape[1]:2d}  {'OK' if not errs else 'FAIL'}")
        for e in errs:
            print("    -", e)
        bad += bool(errs)
    listed = {e["file"] for e in index["tables"] + index["figures"] if "file" in e}
    for p in sorted(HERE.glob("*/*.csv")):
        rel = p.relative_to(HERE).as_posix()
        if rel not in listed:
            print(f"not in index: {rel}")
            bad += 1
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()

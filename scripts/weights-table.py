#!/usr/bin/env python3
"""Print a Markdown table of the worst-case weight of every benchmarked function.

Reads the generated weight files `pallets/*/src/weights.rs` (only the
`impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T>` block, not the
`impl WeightInfo for ()` that follows it) and the runtime's `runtime/src/weights/pallet_*.rs` of the
FRAME pallets it measures (`impl<T: frame_system::Config> pallet_x::WeightInfo for WeightInfo<T>`) and evaluates each function with every
component at the maximum of its benchmarked range:

    ref time = base + sum(per-component ref time * max)
             + reads * READ + writes * WRITE

(proof size is ignored). The result is shown in ms and as a share of a block's compute.

Usage: scripts/weights-table.py [--read-us 8] [--write-us 50] [--block-ms 2000]

The defaults are ParityDB's reference weights (8 µs a read, 50 µs a write) and a block of
2 s of compute; pass `--read-us 25 --write-us 100` for RocksDB's. Standard library only.
"""

import argparse
import re
import sys
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

IMPL_START = re.compile(
    r"^\s*impl\s*<\s*T\s*:\s*frame_system::Config\s*>\s*"
    r"(?:WeightInfo\s+for\s+SubstrateWeight|\w+::WeightInfo\s+for\s+WeightInfo)\s*<\s*T\s*>"
)
RANGE = re.compile(r"^\s*///\s*The range of component `(\w+)` is `\[\s*(\d+)\s*,\s*(\d+)\s*\]`")
FN = re.compile(r"^\s*fn\s+(\w+)\s*\(([^)]*)\)\s*->\s*Weight\s*\{")
# `Weight::from_parts(REF, PROOF)` optionally `.saturating_mul(c.into())`.
PARTS = re.compile(
    r"Weight::from_parts\(\s*([\d_]+)\s*,\s*([\d_]+)\s*\)"
    r"(?:\s*\.saturating_mul\(\s*(\w+)\.into\(\)\s*\))?"
)
# `T::DbWeight::get().reads(N_u64)` or `.reads((N_u64).saturating_mul(c.into()))`, same for writes.
DB = re.compile(
    r"T::DbWeight::get\(\)\s*\.(reads|writes)\(\s*"
    r"(?:\(\s*([\d_]+)(?:_u64)?\s*\)\s*\.saturating_mul\(\s*(\w+)\.into\(\)\s*\)|([\d_]+)(?:_u64)?)\s*\)"
)
DB_BOTH = re.compile(r"T::DbWeight::get\(\)\s*\.reads_writes\(")


def fail(path, msg):
    sys.exit(f"weights-table: {path.relative_to(ROOT)}: {msg}")


def code_part(line):
    """The line without its `//` comment (weight files contain no string literals)."""
    i = line.find("//")
    return line if i < 0 else line[:i]


def parse(path):
    """[(name, [(component, max)], ref_time_ps, reads, writes)] in file order."""
    lines = path.read_text().splitlines()
    start = next((i for i, l in enumerate(lines) if IMPL_START.match(l)), None)
    if start is None:
        fail(path, "no `impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T>`")

    functions = []
    ranges = {}  # component -> max, from the doc comments before the next fn
    depth = 0
    i = start
    while True:
        if i >= len(lines):
            fail(path, "unterminated SubstrateWeight impl")
        line = lines[i]
        m_range = RANGE.match(line)
        m_fn = FN.match(line)
        if m_range:
            ranges[m_range.group(1)] = int(m_range.group(3))
        if m_fn and depth == 1:
            # Collect the body up to the matching closing brace.
            body, fdepth, j = [], 0, i
            while True:
                if j >= len(lines):
                    fail(path, f"unterminated fn {m_fn.group(1)}")
                code = code_part(lines[j])
                body.append(code)
                fdepth += code.count("{") - code.count("}")
                if fdepth == 0:
                    break
                j += 1
            functions.append(evaluate(path, m_fn.group(1), m_fn.group(2), ranges, "\n".join(body)))
            ranges = {}
            i = j + 1
            continue
        code = code_part(line)
        depth += code.count("{") - code.count("}")
        if depth == 0 and i > start:
            break
        i += 1
    return functions


def evaluate(path, name, params, ranges, body):
    # An unused component is named `_x` by the generator.
    args = [p.split(":")[0].strip().lstrip("_") for p in params.split(",") if p.strip()]
    for a in args:
        if a not in ranges:
            fail(path, f"fn {name}: no range given for component `{a}`")
    maxima = {a: ranges[a] for a in args}

    def times(comp):
        if not comp:  # findall gives "" for a term without `.saturating_mul`
            return 1
        if comp not in maxima:
            fail(path, f"fn {name}: unknown component `{comp}`")
        return maxima[comp]

    if DB_BOTH.search(body):
        fail(path, f"fn {name}: `reads_writes` is not supported")
    ref_time = 0
    terms = 0
    parts = PARTS.findall(body)
    if not parts:
        fail(path, f"fn {name}: no Weight::from_parts")
    for ref, _proof, comp in parts:
        ref_time += int(ref.replace("_", "")) * times(comp)
        terms += 1
    reads = writes = 0
    for kind, n_mul, comp, n in DB.findall(body):
        count = int(n_mul.replace("_", "")) * times(comp) if n_mul else int(n.replace("_", ""))
        if kind == "reads":
            reads += count
        else:
            writes += count
        terms += 1
    # The body must be exactly `BASE.saturating_add(TERM)...`: anything else is a term this
    # script does not understand, whose weight would silently be miscounted.
    shape = re.sub(r"\s+", "", DB.sub("X", PARTS.sub("X", body.split("{", 1)[1])))
    if shape != "X" + ".saturating_add(X)" * (terms - 1) + "}":
        fail(path, f"fn {name}: unrecognised weight expression")
    return name, list(maxima.items()), ref_time, reads, writes


def two_places(x):
    return Decimal(x).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def main():
    ap = argparse.ArgumentParser(
        description="Markdown table of the worst-case weight of every benchmarked function."
    )
    ap.add_argument("--read-us", type=Decimal, default=Decimal(8),
                    help="weight of a database read in µs (default 8, ParityDB)")
    ap.add_argument("--write-us", type=Decimal, default=Decimal(50),
                    help="weight of a database write in µs (default 50, ParityDB)")
    ap.add_argument("--block-ms", type=Decimal, default=Decimal(2000),
                    help="compute of a block in ms (default 2000)")
    opts = ap.parse_args()
    if opts.block_ms <= 0:
        ap.error("--block-ms must be positive")

    files = [(p.parent.parent.name, p) for p in ROOT.glob("pallets/*/src/weights.rs")]
    if not files:
        sys.exit(f"weights-table: no pallets/*/src/weights.rs under {ROOT}")
    files += [(p.stem.removeprefix("pallet_"), p) for p in ROOT.glob("runtime/src/weights/pallet_*.rs")]
    files.sort()

    # Build every row before printing, so that a parse error leaves no partial table.
    rows = [
        "| pallet | call / path | components at their maximum | weight | share of a block |",
        "|---|---|---|---|---|",
    ]
    for pallet, path in files:
        for name, comps, ref_time, reads, writes in parse(path):
            # picoseconds -> ms: 1 ms = 10^9 ps; 1 µs = 10^6 ps.
            ps = Decimal(ref_time) + reads * opts.read_us * 10**6 + writes * opts.write_us * 10**6
            ms = ps / 10**9
            share = ms / opts.block_ms * 100
            components = ", ".join(f"{c} = {m}" for c, m in comps) or "–"
            rows.append(f"| {pallet} | `{name}` | {components} | {two_places(ms)} ms | {two_places(share)}% |")
    print("\n".join(rows))


if __name__ == "__main__":
    main()

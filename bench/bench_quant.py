"""NF4 fake-quant speed against bitsandbytes quantize+dequantize and a plain copy (4096x4096 fp32, one process).

    python bench/bench_quant.py [--n 4096] [--repeats 9] [--blocksize 64]
"""
import argparse, time, statistics, torch
import bitsandbytes.functional as bnbF
from carlora_nb.quant import QuantSpec, fake_quant

def med_ms(f, repeats, warmup=2):
    "Median wall time of `f()` in ms after `warmup` untimed calls."
    for _ in range(warmup): f()
    ts = []
    for _ in range(repeats):
        t0 = time.perf_counter(); f(); ts.append(time.perf_counter() - t0)
    return statistics.median(ts) * 1e3

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--n', type=int, default=4096); ap.add_argument('--repeats', type=int, default=9)
    ap.add_argument('--blocksize', type=int, default=64)
    a = ap.parse_args()
    torch.manual_seed(0)
    w = torch.randn(a.n, a.n) * 0.02
    spec = QuantSpec('nf4', group=a.blocksize)
    def bnb():
        q, st = bnbF.quantize_4bit(w, blocksize=a.blocksize, quant_type='nf4')
        return bnbF.dequantize_4bit(q, st)
    assert torch.equal(fake_quant(w, spec), bnb()), "nf4 fake-quant differs from bitsandbytes"
    # interleave the three so a busy machine slows them alike
    res = {'copy': [], 'nf4_fake_quant': [], 'bnb_quant_dequant': []}
    fs = {'copy': w.clone, 'nf4_fake_quant': lambda: fake_quant(w, spec), 'bnb_quant_dequant': bnb}
    for _ in range(3):
        for k, f in fs.items(): res[k].append(med_ms(f, a.repeats))
    t = {k: min(v) for k, v in res.items()}  # best of 3 medians
    print(f"{a.n}x{a.n} fp32, blocksize {a.blocksize}, torch threads {torch.get_num_threads()}")
    for k in fs: print(f"{k:>18}: {t[k]:8.1f} ms   {t[k]/t['copy']:5.2f}x copy")
    print(f"nf4 fake-quant is {t['bnb_quant_dequant']/t['nf4_fake_quant']:.1f}x faster than bnb quantize+dequantize")

if __name__ == '__main__': main()

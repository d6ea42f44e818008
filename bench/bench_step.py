#!/usr/bin/env python
"""Step-time ratios of CAR-LoRA and QLoRA against plain LoRA, same process, same model and batch.

    python bench/bench_step.py                      # tiny random Llama (seconds)
    python bench/bench_step.py --model default      # SmolLM2-135M-Instruct, batch 8 x 128 tokens
    python bench/bench_step.py --threads 0          # all CPU threads (default 1: steadier on a shared machine)

CAR-LoRA time per step is averaged over whole outer iterations: for every operator of the set, the
compression is computed once (`Operator.compress`), swapped in (`compressed`), `--inner` optimizer steps run on
the compressed base and the base is restored; all of that is timed and spread over the inner steps, as in
training. LoRA and CAR-LoRA outer iterations alternate (`--rounds` sweeps over the operator set) so that load
from other processes on a shared machine hits both alike; the ratio is that of the summed times. Prints the
ratios (target: CAR-LoRA / LoRA <= 1.05).
"""
import argparse, copy, time, sys, statistics
import torch

def _steps(pm, batch, n, opt):
    t = time.perf_counter()
    for _ in range(n):
        loss = pm(**batch).loss; loss.backward(); opt.step(); opt.zero_grad(set_to_none=True)
    return time.perf_counter() - t

def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument('--model', default='tiny', help="'tiny' (random tiny Llama), 'default' (SmolLM2-135M) or a path/hub id")
    p.add_argument('--batch', type=int, default=8); p.add_argument('--seq', type=int, default=128)
    p.add_argument('--inner', type=int, default=4, help='inner steps per outer iteration (k)')
    p.add_argument('--ops', default='nf4,fp4,int8,sp:0.3,ls:0.25', help='operators, one outer iteration each')
    p.add_argument('--r', type=int, default=8)
    p.add_argument('--no-qlora', action='store_true')
    p.add_argument('--qlora-rounds', type=int, default=2, help='interleaved LoRA/QLoRA rounds of --inner steps')
    p.add_argument('--rounds', type=int, default=2, help='sweeps over the operator set')
    p.add_argument('--threads', type=int, default=1, help='torch CPU threads (1: steadier timings on a shared CPU; 0: torch default)')
    a = p.parse_args(argv)
    if a.threads: torch.set_num_threads(a.threads)
    from carlora_nb.core import tiny_model, load_base
    from carlora_nb.lora import make_lora, compressed
    from carlora_nb.trainer import load_qlora_base
    from carlora_nb import ops
    torch.manual_seed(0)
    if a.model == 'tiny': base, tok = tiny_model(n_layers=4, hidden=128, inter=256)
    else: base, tok = load_base(None if a.model == 'default' else a.model)
    ids = torch.randint(0, base.config.vocab_size, (a.batch, a.seq))
    batch = dict(input_ids=ids, attention_mask=torch.ones_like(ids), labels=ids)
    def lora_model(m):
        pm = make_lora(m, r=a.r, alpha=2*a.r, seed=0); pm.train()
        return pm, torch.optim.AdamW([q for q in pm.parameters() if q.requires_grad], lr=1e-4)
    res = {}
    pm, opt = lora_model(copy.deepcopy(base))
    _steps(pm, batch, 2, opt)                                  # warm-up
    # interleave: for every operator, k LoRA steps then one CAR-LoRA outer iteration (compress once + k steps),
    # so that drift of the shared machine hits both alike
    lora_t, car_t = [], []
    for rnd in range(a.rounds):
        for spec in a.ops.split(','):
            op = ops.parse_op(spec)
            lora_t.append(_steps(pm, batch, a.inner, opt) / a.inner)
            t = time.perf_counter()
            comp = op.compress(pm, seed=rnd)
            tc = time.perf_counter() - t
            with compressed(pm, comp): ts = _steps(pm, batch, a.inner, opt)
            car_t.append((time.perf_counter() - t) / a.inner)
            print(f"LoRA {lora_t[-1]:.3f} s/step | CAR-LoRA {spec}: compress {tc:.3f} s + {a.inner} steps {ts:.3f} s "
                  f"(+ swap in/out) -> {car_t[-1]:.3f} s/step", flush=True)
    res['lora'], res['carlora'] = statistics.mean(lora_t), statistics.mean(car_t)
    res['ratio_median'] = statistics.median(c/l for c, l in zip(car_t, lora_t))
    print(f"\nCAR-LoRA / LoRA step time: {res['carlora']/res['lora']:.3f}  (target <= 1.05; "
          f"median of per-iteration ratios {res['ratio_median']:.3f})", flush=True)
    if not a.no_qlora:
        qpm, qopt = lora_model(load_qlora_base(copy.deepcopy(base), kind='nf4'))
        _steps(qpm, batch, 2, qopt)
        lt, qt = [], []
        for _ in range(a.qlora_rounds):
            lt.append(_steps(pm, batch, a.inner, opt) / a.inner)
            qt.append(_steps(qpm, batch, a.inner, qopt) / a.inner)
            print(f"LoRA {lt[-1]:.3f} s/step | QLoRA-nf4 {qt[-1]:.3f} s/step", flush=True)
        res['lora_q'], res['qlora'] = statistics.mean(lt), statistics.mean(qt)
        print(f"QLoRA-nf4 / LoRA step time: {res['qlora']/res['lora_q']:.3f}")
    return res

if __name__ == '__main__': main()

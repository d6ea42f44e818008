#!/usr/bin/env python
"""Multiple-choice scoring: ours (carlora_nb.evaluation) against lm-eval-harness on the same model, data and batch size.

    python bench/bench_mc.py --n 100 --batch-size 8            # default model, ARC-Easy test subset
    python bench/bench_mc.py --tiny --n 8                       # smoke run on tiny_model()

Both sides score the same seeded subset of ARC-Easy test (lm-eval through a local task config identical to its
`arc_easy` task, with `dataset_path: json` on a file holding the subset). Prints acc / acc_norm of each, the
largest per-choice log-likelihood difference, examples per second of each and the ratio ours/theirs.

On a machine whose cores are oversubscribed (here: 2 cores, several jobs) pass `--threads 1`: with more torch
threads than free cores every operator's thread barrier spins, which costs most for the many small operators of
our shared-context path (measured here: 1.5x lm-eval's speed at 1 thread, 0.67x at 2 threads under load).
"""
import argparse, json, tempfile, time, sys
from pathlib import Path

YAML = """task: {name}
dataset_path: json
dataset_kwargs:
  data_files:
    test: {path}
test_split: test
output_type: multiple_choice
doc_to_text: "Question: {{{{question}}}}\\nAnswer:"
doc_to_target: "{{{{gold}}}}"
doc_to_choice: "{{{{choices}}}}"
target_delimiter: " "
metric_list:
  - metric: acc
    aggregation: mean
    higher_is_better: true
  - metric: acc_norm
    aggregation: mean
    higher_is_better: true
"""

def lmeval_task_dir(records, folder, name='arc_easy_local'):
    "Write `records` as a json-lines file and an lm-eval task config (lm-eval's arc_easy prompt) into `folder`."
    folder = Path(folder); folder.mkdir(parents=True, exist_ok=True)
    with open(folder/'docs.jsonl', 'w') as f:
        for r in records:
            assert r['query'].startswith('Question: ') and r['query'].endswith('\nAnswer:')
            f.write(json.dumps(dict(question=r['query'][len('Question: '):-len('\nAnswer:')], choices=r['choices'], gold=r['gold'])) + '\n')
    (folder/f'{name}.yaml').write_text(YAML.format(name=name, path=folder/'docs.jsonl'))
    return folder, name

def run_lmeval(model, tok, records, batch_size=8):
    "lm-eval-harness scores of `records` (acc, acc_norm, per-choice loglikelihoods, seconds)."
    from lm_eval import simple_evaluate
    from lm_eval.tasks import TaskManager
    from lm_eval.models.huggingface import HFLM
    td = tempfile.mkdtemp()
    folder, name = lmeval_task_dir(records, td)
    lm = HFLM(pretrained=model, tokenizer=tok, batch_size=batch_size, device=str(next(model.parameters()).device))
    t0 = time.time()
    out = simple_evaluate(model=lm, tasks=[name], num_fewshot=0, task_manager=TaskManager(include_path=str(folder)),
                          log_samples=True, bootstrap_iters=0)
    secs = time.time() - t0
    res = out['results'][name]
    samples = sorted(out['samples'][name], key=lambda s: s['doc_id'])
    lls = [[float(r[0]) for r in s['filtered_resps']] for s in samples]
    return dict(acc=res['acc,none'], acc_norm=res['acc_norm,none'], lls=lls, seconds=secs, n=len(samples))

def run_ours(model, tok, records, batch_size=8, share_prefix=True):
    "Our scores of `records` (acc, acc_norm, per-choice loglikelihoods, seconds)."
    from carlora_nb.evaluation import evaluate
    t0 = time.time()
    r = evaluate(model, tok, 'arc_easy', records=records, batch_size=batch_size, share_prefix=share_prefix, return_preds=True)
    return dict(acc=r['acc'], acc_norm=r['acc_norm'], lls=[p['lls'] for p in r['preds']], seconds=time.time() - t0, n=r['n'])

def throughput(model, tok, records, batch_size=8, share_prefix=True, chunks=4):
    """Seconds spent scoring all (context, continuation) pairs of `records`: lm-eval's `HFLM.loglikelihood` vs ours.

    The records are split into `chunks` pieces and the two sides alternate piece by piece, so that a change in
    the machine's load (the cores here are shared) hits both sides alike. Wall-clock seconds give the examples/s
    and the ratio; the process CPU seconds of each side are reported beside them (less sensitive to other load)."""
    from lm_eval.api.instance import Instance
    from lm_eval.models.huggingface import HFLM
    from carlora_nb.evaluation import loglikelihoods
    lm = HFLM(pretrained=model, tokenizer=tok, batch_size=batch_size, device=str(next(model.parameters()).device))
    reqs = lambda rs: [(r['query'], r['delim'] + c) for r in rs for c in r['choices']]
    loglikelihoods(model, tok, reqs(records[:1]), batch_size, share_prefix, progress=False)   # warm up both
    lm.loglikelihood([Instance('loglikelihood', {}, x, i) for i, x in enumerate(reqs(records[:1]))], disable_tqdm=True)
    t_ours = t_theirs = c_ours = c_theirs = 0.
    k = max(1, -(-len(records) // chunks))
    for s in range(0, len(records), k):
        rq = reqs(records[s:s+k])
        t0, c0 = time.time(), time.process_time()
        lm.loglikelihood([Instance('loglikelihood', {}, x, i) for i, x in enumerate(rq)], disable_tqdm=True)
        t_theirs += time.time() - t0; c_theirs += time.process_time() - c0
        t0, c0 = time.time(), time.process_time()
        loglikelihoods(model, tok, rq, batch_size, share_prefix, progress=False)
        t_ours += time.time() - t0; c_ours += time.process_time() - c0
    return dict(ours_s=t_ours, theirs_s=t_theirs, ours_eps=len(records)/t_ours, theirs_eps=len(records)/t_theirs,
                ratio=t_theirs/t_ours, ours_cpu_s=c_ours, theirs_cpu_s=c_theirs, cpu_ratio=c_theirs/c_ours)

def compare(model, tok, records, batch_size=8, share_prefix=True, warmup=True):
    "Run both on the same records; return both results and the largest log-likelihood difference."
    if warmup: run_ours(model, tok, records[:1], batch_size)   # first-call overheads out of the timing
    theirs = run_lmeval(model, tok, records, batch_size)
    ours = run_ours(model, tok, records, batch_size, share_prefix)
    diff = max(abs(a - b) for x, y in zip(ours['lls'], theirs['lls']) for a, b in zip(x, y))
    return dict(ours={k: v for k, v in ours.items() if k != 'lls'}, theirs={k: v for k, v in theirs.items() if k != 'lls'},
                max_ll_diff=diff, speedup=theirs['seconds'] / ours['seconds'])

def main():
    p = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    p.add_argument('--n', type=int, default=100, help='ARC-Easy test examples (seeded subset; 0 = all 2376)')
    p.add_argument('--seed', type=int, default=0)
    p.add_argument('--batch-size', type=int, default=8)
    p.add_argument('--model', default=None, help='model for load_base (default SmolLM2-135M-Instruct)')
    p.add_argument('--tiny', action='store_true', help='use tiny_model() (smoke test)')
    p.add_argument('--no-share-prefix', action='store_true', help='ours without context-cache reuse')
    p.add_argument('--json', default=None, help='also write the results to this file')
    p.add_argument('--chunks', type=int, default=4, help='pieces the timing alternates over')
    p.add_argument('--speed-only', action='store_true', help='skip the full-pipeline accuracy comparison')
    p.add_argument('--threads', type=int, default=None, help='torch intra-op threads for both sides (default: torch\'s)')
    a = p.parse_args()
    import torch
    if a.threads: torch.set_num_threads(a.threads)
    from carlora_nb.core import load_base, tiny_model
    from carlora_nb.data import load_task
    model, tok = tiny_model() if a.tiny else load_base(a.model)
    recs = load_task('arc_easy', 'test', n=a.n or None, seed=a.seed)
    r = compare(model, tok, recs, a.batch_size, not a.no_share_prefix) if not a.speed_only else {}
    r['throughput'] = th = throughput(model, tok, recs, a.batch_size, not a.no_share_prefix, a.chunks)
    r.update(n=len(recs), seed=a.seed, batch_size=a.batch_size, threads=torch.get_num_threads(), model='tiny_model' if a.tiny else (a.model or 'smollm2-135m'))
    print(f"ARC-Easy test, n={len(recs)} (seed {a.seed}), batch size {a.batch_size}, model {r['model']}, {r['threads']} torch threads")
    if 'ours' in r:
        o, t = r['ours'], r['theirs']
        print(f"  full pipelines (simple_evaluate vs evaluate), run one after the other:")
        print(f"  lm-eval-harness: acc {t['acc']:.4f}  acc_norm {t['acc_norm']:.4f}  {t['n']/t['seconds']:.2f} examples/s")
        print(f"  carlora_nb     : acc {o['acc']:.4f}  acc_norm {o['acc_norm']:.4f}  {o['n']/o['seconds']:.2f} examples/s")
        print(f"  max |loglik difference| {r['max_ll_diff']:.2e}; ratio ours/lm-eval {r['speedup']:.2f}x")
    print(f"  scoring only, interleaved in {a.chunks} chunks: lm-eval {th['theirs_eps']:.2f} examples/s, "
          f"ours {th['ours_eps']:.2f} examples/s; ratio ours/lm-eval {th['ratio']:.2f}x "
          f"(CPU seconds: lm-eval {th['theirs_cpu_s']:.1f}, ours {th['ours_cpu_s']:.1f}; ratio {th['cpu_ratio']:.2f}x)")
    if a.json: Path(a.json).write_text(json.dumps(r, indent=1))
    return r

if __name__ == '__main__': main()

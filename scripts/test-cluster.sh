#!/bin/bash
# npm run test:cluster — Parley on a real Slurm scheduler (docs/cluster.md, "Tested on Slurm").
#
# Installs Debian's slurm-wlm and munge when absent (needs root and apt), starts a one-node
# cluster on this machine (munged, slurmctld, slurmd; no systemd), and through
# deploy/slurm/submit.sh:
#   1. a 4-task array of the 60-day draft (batch) and its dependent merge job: the merged summary
#      must equal the unsharded run byte for byte;
#   2. a larger 4-task array; one task is cancelled mid-run (SIGTERM): its shard is left partial,
#      merge names it, submit.sh --retry re-runs it and re-merges: equal to the unsharded run again;
#   3. a 4-task Sobol explore and its merge: equal to the unsharded study;
#   4. a sharded SMC calibration through deploy/slurm/calibrate.sh (3 shards a step, each merge
#      job submitting the next step); a task of step 1 is cancelled, `calibrate --merge` names it,
#      calibrate.sh --step 1 --retry re-runs it and the chain goes on: the final summary and report
#      equal the unsharded calibration byte for byte;
#   5. the issue's "done when": a 20-task Sobol array, one task lost (cancelled before it ran, as
#      a preempted task), re-run from the command `merge` prints, merged equal to the unsharded
#      study, and the merged summary read as the lab's import reads it.
# Stops every daemon it started and removes its files, also on failure. Arguments run only the
# parts named (batch_array cancel_and_retry explore_array calibrate_steps done_when).
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
cd "$repo"
started=$(date +%s)
work=$(mktemp -d /tmp/parley-cluster.XXXXXX)
export SLURM_CONF=$work/slurm.conf
export PARLEY="node $repo/bin/parley.mjs"
scenario=scenarios/doha-60-day-draft.yaml
say() { printf 'test-cluster: %s\n' "$*"; }
fail() {
  say "FAILED: $*"
  exit 1
}

cleanup() {
  status=$?
  if command -v scancel > /dev/null && [ -f "$SLURM_CONF" ]; then scancel --user=root 2> /dev/null || true; fi
  for pidfile in "$work/slurmd.pid" "$work/slurmctld.pid" "$work/munge/munged.pid"; do
    if [ -f "$pidfile" ]; then kill "$(cat "$pidfile")" 2> /dev/null || true; fi
  done
  sleep 3
  if [ $status -ne 0 ]; then
    for log in "$work"/*.log "$work"/munge/*.log "$work"/*/logs/*; do
      [ -f "$log" ] && { echo "--- $log (last lines)"; tail -n 20 "$log"; }
    done
  fi
  rm -rf "$work"
  say "wall time $(($(date +%s) - started)) s"
  exit $status
}
trap cleanup EXIT

install_slurm() {
  if command -v slurmctld > /dev/null && command -v slurmd > /dev/null && command -v munged > /dev/null; then return; fi
  [ "$(id -u)" -eq 0 ] || fail "slurm-wlm and munge are not installed and this is not root: apt-get install slurm-wlm munge"
  say "installing slurm-wlm and munge (apt-get)"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq slurm-wlm munge > "$work/apt.log"
}

start_cluster() {
  local host cpus
  host=$(hostname -s)
  cpus=$(nproc)
  [ -f /etc/munge/munge.key ] || { /usr/sbin/mungekey --create 2> /dev/null || /usr/sbin/create-munge-key -f; }
  chown munge:munge /etc/munge/munge.key && chmod 400 /etc/munge/munge.key
  mkdir -p /run/munge /var/log/munge /var/lib/munge
  chown munge:munge /run/munge /var/log/munge /var/lib/munge
  chmod 755 /run/munge
  # Our own munged socket and files, so a munged already running on the machine is left alone.
  chmod 755 "$work"
  mkdir -p "$work/munge" && chown munge:munge "$work/munge"
  runuser -u munge -- /usr/sbin/munged --socket=/run/munge/parley-test.socket --pid-file="$work/munge/munged.pid" --log-file="$work/munge/munged.log" --seed-file="$work/munge/munged.seed"
  mkdir -p "$work/spool" "$work/state"
  cat > "$SLURM_CONF" << CONF
ClusterName=parleytest
SlurmctldHost=$host
SlurmctldPort=16817
SlurmdPort=16818
AuthType=auth/munge
AuthInfo=socket=/run/munge/parley-test.socket,cred_expire=10
CredType=cred/munge
SlurmUser=root
SlurmdUser=root
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
MpiDefault=none
SchedulerType=sched/backfill
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
AccountingStorageType=accounting_storage/none
JobAcctGatherType=jobacct_gather/none
JobCompType=jobcomp/none
ReturnToService=2
KillWait=30
MinJobAge=600
SlurmctldPidFile=$work/slurmctld.pid
SlurmdPidFile=$work/slurmd.pid
SlurmdSpoolDir=$work/spool
StateSaveLocation=$work/state
SlurmctldLogFile=$work/slurmctld.log
SlurmdLogFile=$work/slurmd.log
NodeName=$host CPUs=$cpus State=UNKNOWN
PartitionName=parley Nodes=$host Default=YES MaxTime=INFINITE State=UP
CONF
  /usr/sbin/slurmctld -f "$SLURM_CONF" -i
  /usr/sbin/slurmd -f "$SLURM_CONF"
  for _ in $(seq 1 60); do
    if sinfo -h -o '%t' 2> /dev/null | grep -qE '^(idle|mix|alloc)'; then
      say "one-node cluster up: $host, $cpus CPUs"
      return
    fi
    sleep 3
  done
  sinfo || true
  fail "the node did not come up in 60 s"
}

# Waits until job $1 (and, for an array, all its tasks) has left the queue.
wait_gone() {
  for _ in $(seq 1 "${2:-900}"); do
    if [ -z "$(squeue -h -j "$1" 2> /dev/null)" ]; then return; fi
    sleep 3
  done
  squeue
  fail "job $1 still queued"
}

# True once Parley in job $1 is past its start-up: its node process has used a second and a half of
# CPU (its SIGTERM handler is installed before the first run). Not "catches SIGTERM" (SigCgt):
# node itself catches SIGTERM from its first instant, to reset the terminal, and then dies of it,
# so under load a cancel at that point ended the task with nothing written.
parley_busy() {
  local job pid ticks
  job=$(squeue -h -j "$1" -o %A 2> /dev/null) || return 1
  [ -n "$job" ] || return 1
  for pid in $(scontrol listpids "$job" 2> /dev/null | awk 'NR > 1 { print $1 }'); do
    [ "$(cat "/proc/$pid/comm" 2> /dev/null)" = node ] || continue
    ticks=$(awk '{ print $14 + $15 }' "/proc/$pid/stat" 2> /dev/null) || continue
    [ -n "$ticks" ] && [ "$ticks" -ge $((3 * $(getconf CLK_TCK) / 2)) ] && return 0
  done
  return 1
}

job_state() { scontrol show job "$1" 2> /dev/null | grep -oE 'JobState=[A-Z_]+' | head -1 | cut -d= -f2; }

submit() { deploy/slurm/submit.sh --sbatch "--cpus-per-task=1" "$@"; }
ids_of() { sed -E 's/^array job ([0-9]+) .*merge job ([0-9]+) .*/\1 \2/' <<< "$1"; }

same_file() {
  cmp -s "$1" "$2" || fail "$1 differs from $2"
  say "  $1 equals $2 byte for byte ($(wc -c < "$1") bytes)"
}

# Waits for array job $1 and its merge job $2, which must complete; then OUT ($3)/merged.json must
# equal the unsharded run of the study (the rest of the arguments), written to OUT-whole.json.
merged_equals_whole() {
  local array=$1 merge=$2 out=$3
  shift 3
  wait_gone "$array"
  wait_gone "$merge"
  [ "$(job_state "$merge")" = COMPLETED ] || fail "merge job $merge is $(job_state "$merge"): $(cat "$out/merge.log" 2> /dev/null)"
  $PARLEY "$@" --summary "$out-whole.json" > /dev/null 2>&1
  same_file "$out/merged.json" "$out-whole.json"
}

batch_array() {
  say "1. a 4-task array of $scenario, 4,000 runs, and its merge job"
  local out=$work/batch line array merge
  line=$(submit --shards 4 --out "$out" -- batch "$scenario" --runs 4000 --sweep clash-rate=0,0.05)
  say "  $line"
  read -r array merge <<< "$(ids_of "$line")"
  merged_equals_whole "$array" "$merge" "$out" batch "$scenario" --runs 4000 --sweep clash-rate=0,0.05
}

cancel_and_retry() {
  say "2. a larger 4-task array; task 3 is cancelled mid-run, re-submitted with --retry 3, merged again"
  local out=$work/retry line array merge retry_line retry_merge study=(batch "$scenario" --runs 600000)
  line=$(submit --shards 4 --out "$out" -- "${study[@]}")
  say "  $line"
  read -r array merge <<< "$(ids_of "$line")"
  # Cancel task 3 once Parley in it is running (before that, a signal would end it with nothing
  # written, as it would any program still starting): its 150,000 runs take about 4 s of CPU.
  # With 50,000 (about 1.7 s of CPU once the engine got faster) the task was seen running past
  # 1.5 s of CPU too rarely, polled every 0.5 s: it finished in between.
  for _ in $(seq 1 1500); do
    parley_busy "${array}_3" && break
    sleep 0.2
  done
  parley_busy "${array}_3" || fail "task ${array}_3 did not start Parley in 300 s"
  [ "$(job_state "${array}_3")" = RUNNING ] || fail "task ${array}_3 is $(job_state "${array}_3"), not running: make the study larger"
  scancel "${array}_3"
  wait_gone "$array"
  grep -q '"partial": *true' "$out/shard-3.json" || fail "the cancelled shard did not leave a partial summary"
  grep -q 'stopped by SIGTERM' "$out/shard-3.json" || fail "the partial summary does not say it was stopped by SIGTERM"
  say "  task 3 cancelled: $(node -e 'const c = require(process.argv[1]).coverage; console.log(c.runs + " runs of its " + c.of / 4)' "$out/shard-3.json"), partial, stopped by SIGTERM; merge job $merge is $(job_state "$merge") ($(squeue -h -j "$merge" -o %r))"
  $PARLEY merge "$out"/shard-{1,2,3,4}.json > /dev/null 2> "$work/merge-incomplete.txt"
  grep -q 'missing: shard 3/4 .* is partial: stopped by SIGTERM' "$work/merge-incomplete.txt" || fail "merge did not name shard 3: $(cat "$work/merge-incomplete.txt")"
  grep -q -- '--retry 3' "$work/merge-incomplete.txt" || fail "merge did not print the retry"
  retry_line=$(submit --shards 4 --out "$out" --retry 3 -- "${study[@]}")
  say "  $retry_line"
  read -r array retry_merge <<< "$(ids_of "$retry_line")"
  wait_gone "$array"
  wait_gone "$retry_merge"
  [ -z "$(squeue -h -j "$merge" 2> /dev/null)" ] || fail "the old merge job $merge is still queued"
  [ "$(job_state "$retry_merge")" = COMPLETED ] || fail "merge job $retry_merge is $(job_state "$retry_merge"): $(cat "$out/merge.log" 2> /dev/null)"
  $PARLEY "${study[@]}" --summary "$work/retry-whole.json" > /dev/null 2>&1
  same_file "$out/merged.json" "$work/retry-whole.json"
}

explore_array() {
  say "3. a 4-task Sobol explore and its merge job"
  local out=$work/explore line array merge study=(explore "$scenario" --method sobol --vary clash-rate=0:0.1 reciprocity=0:0.5 --samples 16 --runs 20)
  line=$(submit --shards 4 --out "$out" -- "${study[@]}")
  say "  $line"
  read -r array merge <<< "$(ids_of "$line")"
  merged_equals_whole "$array" "$merge" "$out" "${study[@]}"
}

# Waits until the sharded calibration in $1 has written calibration.txt; fails when a merge job failed.
wait_calibration() {
  local out=$1 merge state
  for _ in $(seq 1 400); do
    [ -f "$out/calibration.txt" ] && return
    merge=$(cat "$out/merge-job" 2> /dev/null) || true
    state=$(job_state "$merge")
    case $state in FAILED | CANCELLED | TIMEOUT | NODE_FAIL | OUT_OF_MEMORY) fail "merge job $merge is $state: $(cat "$out"/step-*/merge.log 2> /dev/null | tail -n 5)" ;; esac
    sleep 1
  done
  fail "the calibration in $out did not finish in 400 s"
}

# After a task was lost, the merge job $1 either waits forever (a task cancelled while running:
# PENDING, DependencyNeverSatisfied) or — a task cancelled before it ran, on Slurm 22.05 — runs
# anyway and fails, its log ($2) naming what is missing ($3). Says which.
lost_task_merge() {
  local state
  for _ in $(seq 1 100); do
    state=$(job_state "$1")
    case $state in
      PENDING) [ "$(squeue -h -j "$1" -o %r)" = DependencyNeverSatisfied ] && { echo "PENDING (DependencyNeverSatisfied)"; return; } ;;
      FAILED) grep -q -- "$3" "$2" && { echo "FAILED, its log naming the lost shard"; return; }
        echo "merge job $1 failed without naming the lost task: $(cat "$2")" >&2; return 1 ;;
      COMPLETED) echo "merge job $1 completed although a task was lost" >&2; return 1 ;;
    esac
    sleep 1
  done
  echo "merge job $1 is $(job_state "$1") ($(squeue -h -j "$1" -o %r))" >&2
  return 1
}

calibrate_steps() {
  # Seed cl-c: generation 0, then 2 generations of 6 batches in all: 7 steps.
  say "4. a sharded SMC calibration through deploy/slurm/calibrate.sh: 3 shards a step, each merge job submits the next step"
  local out=$work/calibrate line array merge retry_line how study=(calibrate "$scenario" --free clash-rate reciprocity --targets "docs/base-rates.targets.yaml#cf-fixed-gt30-collapse" --population 6 --runs 24 --seed cl-c)
  line=$(deploy/slurm/calibrate.sh --sbatch "--cpus-per-task=1" --shards 3 --out "$out" -- "${study[@]}")
  say "  $line"
  read -r array merge <<< "$(sed -E 's/^step 1: array job ([0-9]+) .*merge job ([0-9]+) .*/\1 \2/' <<< "$line")"
  # Task 3 of step 1 is lost before it runs (2 CPUs run tasks 1 and 2 first), as a preempted task.
  [ "$(job_state "${array}_3")" = PENDING ] || fail "task ${array}_3 is $(job_state "${array}_3"), not pending"
  scancel "${array}_3"
  wait_gone "$array"
  how=$(lost_task_merge "$merge" "$out/step-1/merge.log" 'missing: shard 3/3') || fail "the merge job after the lost task"
  say "  task 3 cancelled; merge job $merge is $how"
  $PARLEY "${study[@]}" --merge "$out"/step-1/shard-*.json --next "$out/state-2.json" > /dev/null 2> "$work/calibrate-incomplete.txt" && fail "merge of an incomplete step succeeded"
  grep -q 'missing: shard 3/3 is in none of these files' "$work/calibrate-incomplete.txt" || fail "calibrate --merge did not name shard 3: $(cat "$work/calibrate-incomplete.txt")"
  grep -q -- '--step 1 --retry 3' "$work/calibrate-incomplete.txt" || fail "calibrate --merge did not print the retry"
  [ ! -f "$out/state-2.json" ] || fail "an incomplete merge wrote the next state"
  retry_line=$(deploy/slurm/calibrate.sh --sbatch "--cpus-per-task=1" --shards 3 --out "$out" --step 1 --retry 3 -- "${study[@]}")
  say "  $retry_line"
  wait_calibration "$out"
  wait_gone "$(cat "$out/merge-job")"
  [ -z "$(squeue -h -j "$merge" 2> /dev/null)" ] || fail "the old merge job $merge is still queued"
  say "  finished after $(find "$out" -maxdepth 1 -name 'step-*' | wc -l) steps ($(find "$out"/logs -name 'merge-*' | wc -l) merge jobs)"
  $PARLEY "${study[@]}" --summary "$work/calibrate-whole.json" > "$work/calibrate-whole.txt" 2> /dev/null
  same_file "$out/calibration.json" "$work/calibrate-whole.json"
  same_file "$out/calibration.txt" "$work/calibrate-whole.txt"
}

done_when() {
  say "5. done when: a 20-task Sobol array, one task lost, re-run from merge's command, opened as the lab imports it"
  local out=$work/sobol line array merge retry_line how study=(explore "$scenario" --method sobol --vary clash-rate=0:0.1 reciprocity=0:0.5 hamas-base-comply=0.5:1 --samples 32 --runs 20)
  line=$(submit --shards 20 --out "$out" -- "${study[@]}")
  say "  $line"
  read -r array merge <<< "$(ids_of "$line")"
  [ "$(job_state "${array}_17")" = PENDING ] || fail "task ${array}_17 is $(job_state "${array}_17"), not pending"
  scancel "${array}_17"
  wait_gone "$array"
  [ ! -f "$out/shard-17.json" ] || fail "the cancelled task wrote its shard"
  how=$(lost_task_merge "$merge" "$out/merge.log" 'missing: shard 17/20') || fail "the merge job after the lost task"
  say "  task 17 lost; merge job $merge is $how"
  $PARLEY merge "$out"/shard-*.json --summary "$out/merged.json" > /dev/null 2> "$work/sobol-incomplete.txt"
  grep -q 'missing: shard 17/20 is in none of these files' "$work/sobol-incomplete.txt" || fail "merge did not name shard 17: $(cat "$work/sobol-incomplete.txt")"
  grep -q -- '--retry 17 ' "$work/sobol-incomplete.txt" || fail "merge did not print --retry 17: $(cat "$work/sobol-incomplete.txt")"
  grep -q -- "--shard 17/20 --summary $out/shard-17.json" "$work/sobol-incomplete.txt" || fail "merge did not print the shard's command"
  retry_line=$(submit --shards 20 --out "$out" --retry 17 -- "${study[@]}")
  say "  $retry_line"
  read -r array merge <<< "$(ids_of "$retry_line")"
  merged_equals_whole "$array" "$merge" "$out" "${study[@]}"
  # The lab's import (src/ui/components/LabResults.tsx, importShown) reads an explore summary with
  # isExploreSummaryText and parseExploreSummary, which check it; then it shows the estimates.
  cat > "$work/lab-import.ts" << TS
import { readFileSync } from 'node:fs';
import { isExploreSummaryText, parseExploreSummary } from '$repo/src/batch/index.ts';
const text = readFileSync('$out/merged.json', 'utf8');
if (!isExploreSummaryText(text)) throw new Error('the lab would not take it for an explore summary');
const s = parseExploreSummary(text, 'merged.json');
const st = s.estimates?.[0]?.sobol?.indices?.map((i) => i.name + ' ST ' + i.total.toFixed(2)).join(', ');
if (s.partial || !st) throw new Error('partial, or no Sobol indices to show');
console.log(s.coverage.runs + ' runs, ' + st);
TS
  say "  the lab's import reads it: $(node_modules/.bin/tsx "$work/lab-import.ts")"
}

install_slurm
node scripts/build-cli.mjs > /dev/null
start_cluster
# Arguments name the parts to run (e.g. `calibrate_steps done_when`); none: all of them.
parts=("$@")
[ ${#parts[@]} -gt 0 ] || parts=(batch_array cancel_and_retry explore_array calibrate_steps done_when)
for part in "${parts[@]}"; do
  part_started=$(date +%s)
  case $part in batch_array | cancel_and_retry | explore_array | calibrate_steps | done_when) "$part" ;; *) fail "no part $part" ;; esac
  say "  ($part: $(($(date +%s) - part_started)) s)"
done
say "all passed"

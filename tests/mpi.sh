#!/usr/bin/env bash
# Tests of training on several processes (Chapter "Many machines"): the
# same model as one process, runs that repeat exactly, checkpoints that
# resume on any number of processes, bad batches refused, and failed
# processes that end the job instead of hanging it.
# Usage: tests/mpi.sh path/to/rnn path/to/rnn-mpi
set -u
RNN=$(realpath "${1:-./rnn}")
MPI=$(realpath "${2:-./rnn-mpi}")
here=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$tmp" || exit 1
export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1
# More processes than cores (mpirun --oversubscribe), and shared memory
# without the cross-memory attach that containers often forbid.
export OMPI_MCA_rmaps_base_oversubscribe=1
export OMPI_MCA_btl_vader_single_copy_mechanism=none
passed=0
failed=0
fail() { echo "FAIL: $*"; sed 's/^/    /' err 2> /dev/null | head -20; failed=$((failed + 1)); }
ok() { passed=$((passed + 1)); }

# A small model: two LSTM layers, 6 streams (which 1, 2 and 3 divide).
t=(--data "$here/data/tiny.txt" --layers 2 --hidden 24 --batch 6 --seq 16
   --threads 1 --sample-length 0 --sample-every 0 --print-every 1
   --val-every 50)
# run P NAME STEPS [ARGS]: train on P processes (0: the plain rnn) to
# STEPS, saving NAME.ckpt and logging every step to NAME.csv.
run() {
    local p=$1 name=$2 steps=$3
    shift 3
    if [ "$p" = 0 ]; then
        timeout 120 "$RNN" train "${t[@]}" --steps "$steps" --save "$name.ckpt" \
            --log "$name.csv" "$@" > "$name.out" 2> err
    else
        timeout 120 mpirun -np "$p" "$MPI" train "${t[@]}" --steps "$steps" \
            --save "$name.ckpt" --log "$name.csv" "$@" > "$name.out" 2> err
    fi
}
# close A.csv B.csv: every row's training and validation losses within 1e-4,
# and the same steps.
close() {
    [ "$(cut -d, -f1 "$1")" = "$(cut -d, -f1 "$2")" ] || return 1
    paste -d, "$1" "$2" | awk -F, 'NR > 1 {
        d = $2 - $8; if (d < 0) d = -d; if (d > 1e-4) bad++
        if (($3 == "") != ($9 == "")) bad++
        e = $3 - $9; if (e < 0) e = -e; if ($3 != "" && e > 1e-4) bad++
        if (d > m) m = d } END { exit bad > 0 }'
}
step_of() { "$RNN" dump --model "$1" 2> /dev/null | awk '$2 == "step" { print $3 }'; }

# 1. One process of rnn-mpi is the plain rnn, bit for bit.
run 0 plain 200 && run 1 one 200 && cmp -s plain.ckpt one.ckpt && ok \
    || fail "np=1 and the plain rnn differ"
# 2. Two and three processes train the same model: every step's loss
# within 1e-4 of one process's, over 200 steps; and their validations.
for p in 2 3; do
    run $p np$p 200 && [ "$(wc -l < np$p.csv)" = 201 ] \
        && grep -q '^processes: '$p', with '$((6 / p))' streams each' np$p.out \
        && close plain.csv np$p.csv && ok || fail "np=$p differs from np=1"
done
# agree NAME WHAT ARGS...: with ARGS, 2 and 3 processes log what one does.
agree() {
    local name=$1 what=$2 p
    shift 2
    run 0 plain-$name 200 "$@"
    for p in 2 3; do
        run $p $name$p 200 "$@" && close plain-$name.csv $name$p.csv && ok \
            || fail "np=$p differs from np=1 $what"
    done
}
# ... with plain SGD too, whose steps, unlike Adam's, scale with the
# gradient: a sum not divided by P would show; and with dropout, whose
# masks each process draws for its own streams as one process draws them.
agree sgd "with SGD" --optim sgd
agree drop "with dropout" --dropout 0.3
# 3. A run on P processes repeats exactly.
for p in 2 3; do
    run $p again$p 200 && cmp -s np$p.ckpt again$p.ckpt && ok \
        || fail "np=$p does not repeat"
done

# 4. A checkpoint of step 100 on 3 processes resumes on 3 exactly as the
# uninterrupted run went on, and on 2 and on the plain rnn to the same
# losses; one of 2 processes resumes on 2 exactly and on 3 closely.
after100() { awk -F, 'NR == 1 || $1 > 100' "$1"; }
for p in 3 2; do
    run $p half$p 100 || fail "np=$p: 100 steps"
    for q in 3 2 0; do
        cp half$p.ckpt from$p-$q.ckpt
        run $q from$p-$q 200 --resume from$p-$q.ckpt || fail "np=$p to $q"
    done
    cmp -s from$p-$p.ckpt np$p.ckpt && ok || fail "np=$p resumed on $p differs"
    after100 np$p.csv > want$p.csv
    for q in 3 2 0; do
        [ $q = $p ] && continue
        close want$p.csv from$p-$q.csv && [ "$(step_of from$p-$q.ckpt)" = 200 ] \
            && ok || fail "np=$p resumed on ${q/#0/the plain rnn} differs"
    done
done

# 5. A batch that the processes do not divide, or fewer streams than
# processes, is refused before anything starts: one line from
# rank 0, a usage error, no checkpoint.
refused() {
    local p=$1 pattern=$2
    shift 2
    timeout 60 mpirun -np $p "$MPI" train "${t[@]}" --save no.ckpt "$@" \
        > out 2> err
    local status=$?
    [ $status -ne 0 ] && [ $status -ne 124 ] && [ ! -e no.ckpt ] \
        && [ "$(grep -c '^rnn: ' err)" = 1 ] && grep -q "^rnn: .*$pattern" err
}
refused 2 "does not divide among 2" --batch 5 && ok || fail "batch 5 on 2"
refused 3 "does not divide among 3" --batch 2 && ok || fail "batch 2 on 3"
# The plain rnn takes any batch.
timeout 60 "$RNN" train "${t[@]}" --batch 5 --steps 2 --save five.ckpt \
    > out 2> err && ok || fail "the plain rnn refused batch 5"

# 6. A process that cannot read the text ends the job, with its message,
# and the others do not wait for it.
timeout 60 mpirun -np 1 "$MPI" train "${t[@]}" --steps 1000000 : \
    -np 1 "$MPI" train "${t[@]/tiny.txt/missing.txt}" --steps 1000000 \
    > out 2> err
status=$?
[ $status -ne 0 ] && [ $status -ne 124 ] && grep -q "^rnn: .*missing.txt" err \
    && ok || fail "an unreadable text on rank 1: status $status"

# The process of rank R of a job started in the background as JOB (mpirun,
# or a command that runs it), by the environment variable Open MPI gives it.
descendants() { local c; for c in $(pgrep -P "$1"); do echo $c; descendants $c; done; }
rank_pid() {
    for c in $(descendants "$1"); do
        tr '\0' '\n' < /proc/$c/environ 2> /dev/null \
            | grep -qx "OMPI_COMM_WORLD_RANK=$2" && echo $c && return
    done
}
await_line() {
    for i in $(seq 300); do grep -q "$2" "$1" 2> /dev/null && return 0; sleep 0.1; done
    return 1
}
# signal_job NP RANK SIGNAL NAME: start an endless job of NP processes that
# saves to NAME.ckpt, wait until it has taken 5 steps, send SIGNAL to the
# process of rank RANK, wait for the job, and set victim and status.
signal_job() {
    timeout 60 mpirun -np "$1" "$MPI" train "${t[@]}" --steps 100000000 \
        --val-every 0 --save "$4.ckpt" > "$4.out" 2> err &
    local job=$!
    await_line "$4.out" '^step 5/'
    victim=$(rank_pid $job "$2")
    [ -n "$victim" ] && kill -"$3" "$victim"
    wait $job
    status=$?
}
# 7. A process killed ends the job: no hang.
signal_job 2 1 KILL killed
[ -n "$victim" ] && [ $status -ne 0 ] && [ $status -ne 124 ] && ok \
    || fail "a killed process: status $status"

# 8. SIGINT to one process stops all of them at the same step, which the
# checkpoint holds; the job ends normally.
signal_job 3 2 INT int
at=$(sed -n 's/.*interrupted at step \([0-9]*\) by SIGINT.*/\1/p' int.out)
[ $status -eq 0 ] && [ -n "$at" ] && [ "$(step_of int.ckpt)" = "$at" ] \
    && grep -q "^done steps=$at " int.out && ok \
    || fail "SIGINT to rank 2: status $status, step '$at'"

# 9. --save-every saves every process's streams at the same step: a job
# killed at any moment leaves a checkpoint of a multiple of 20 steps, from
# which two processes go on, 40 steps more, to the checkpoint of a run not
# interrupted.
timeout 60 mpirun -np 2 "$MPI" train "${t[@]}" --steps 100000000 \
    --save-every 20 --save every.ckpt > every.out 2> err &
job=$!
await_line every.out '^step 150/'
ranks="$(rank_pid $job 0) $(rank_pid $job 1)"
kill -KILL $ranks 2> /dev/null
wait $job
at=$(step_of every.ckpt)
[ -n "$at" ] && [ $((at % 20)) = 0 ] && [ "$at" -ge 140 ] \
    && run 2 every $((at + 40)) --resume every.ckpt \
    && run 2 whole $((at + 40)) && cmp -s every.ckpt whole.ckpt \
    && ok || fail "--save-every on 2 processes: step '$at'"

echo "mpi: $passed passed, $failed failed"
[ $failed -eq 0 ]

#!/usr/bin/env bash
# Measurements for the chapter "Many machines", written to standard output
# as key=value lines (bench/machines.txt keeps the book's):
#  - the time of a training step of char-rnn's LSTM (2 layers of 128, 50
#    streams of 50 steps) on Tiny Shakespeare: one process on one thread,
#    two processes on one thread each, and one process on two threads,
#    REPS runs each, interleaved, each the speed of its training steps;
#  - the same for the LSTM of 2 layers of 512, on one process and on two,
#    one thread each;
#  - MPI_Allreduce of those two models' gradients on two processes;
#  - the losses of char-rnn's LSTM at steps 100, 200 and 300 on one and on
#    two processes.
# Usage: bench/machines.sh [REPS]   (after make rnn rnn-mpi; runs nice'd)
set -eu
cd "$(dirname "$0")/.."
reps=${1:-3}
export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p build/bench
mpicc -O2 -o build/bench/allreduce bench/allreduce.c
data=data/tinyshakespeare.txt
c=(--data $data --layers 2 --hidden 128 --batch 50 --seq 50 --sample-length 0
   --sample-every 0 --print-every 1000)
# ms P THREADS ARGS...: milliseconds per training step of 2500 characters.
ms() {
    local p=$1 th=$2
    shift 2
    local cmd=(nice -n 19 ./rnn)
    [ "$p" -gt 1 ] && cmd=(nice -n 19 mpirun -np "$p" ./rnn-mpi)
    "${cmd[@]}" train "$@" --threads "$th" --save "$tmp/s.ckpt" \
        | sed -n 's/.*chars_per_sec=\([0-9]*\).*/\1/p' \
        | awk '{ printf "%.1f", 2500 * 1000 / $1 }'
}
echo "machine=$(sed -n 's/^model name[^:]*: *//p' /proc/cpuinfo | head -1), $(nproc) cpus"
echo "date=$(date -u +%Y-%m-%d)"
echo "load_before=$(cut -d' ' -f1 /proc/loadavg)"
for r in $(seq "$reps"); do
    echo "small_np1_t1=$(ms 1 1 "${c[@]}" --steps 30 --val-frac 0)"
    echo "small_np2_t1=$(ms 2 1 "${c[@]}" --steps 30 --val-frac 0)"
    echo "small_np1_t2=$(ms 1 2 "${c[@]}" --steps 30 --val-frac 0)"
done
echo "large_np1_t1=$(ms 1 1 "${c[@]}" --hidden 512 --steps 4 --val-frac 0)"
echo "large_np2_t1=$(ms 2 1 "${c[@]}" --hidden 512 --steps 4 --val-frac 0)"
for n in 239297 3316289; do
    echo "allreduce_$n=$(nice -n 19 mpirun -np 2 build/bench/allreduce $n 50 \
        | sed -n 's/.*median_us=//p')"
done
for p in 1 2; do
    cmd=(nice -n 19 ./rnn)
    [ $p = 2 ] && cmd=(nice -n 19 mpirun -np 2 ./rnn-mpi)
    "${cmd[@]}" train "${c[@]}" --threads 1 --steps 300 --val-every 100 \
        --log "$tmp/np$p.csv" --save "$tmp/np$p.ckpt" > /dev/null
    awk -F, -v p=$p '$3 != "" && NR > 1 {
        printf "curve_np%d_%d=%s %s\n", p, $1, $2, $3 }' "$tmp/np$p.csv"
done
echo "load_after=$(cut -d' ' -f1 /proc/loadavg)"

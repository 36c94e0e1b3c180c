#!/bin/bash
# versus.sh: rnn against PyTorch's own starting point, step for step
# (Chapter "Three cells compared", make results). Each cell at char-rnn's
# shape (two layers of 128, 50 streams of 50, Adam at 0.002, clipped at 5,
# 2,000 steps, the last tenth of Tiny Shakespeare held out): rnn with its
# defaults, and bench/reference.py steps with nn's own initialisation
# (--init pytorch: every weight and both biases uniform, both biases
# trained), each validated every 100 steps, for each seed of SEEDS
# (default 1 2 3; a seed is a different draw for each program).
#
#   bash bench/versus.sh [OUT]     (from the repository root, ./rnn built)
#
# Appends to OUT (default results/versus.txt) one line per run, named
# rnn-CELL or pytorch-CELL for seed 1 and with -SEED after it for others:
#   name | options | processor | kernel | summary | load | curve
# (the form of bench/search.sh's lines, then the 1-minute load average
# before and after, and the validation curve as step:loss). The losses do not depend on the load or the
# threads; the runs use one thread each, two at a time.
set -eu
cd "$(dirname "$0")/.."
out=${1:-results/versus.txt}
cpu=$(sed -n 's/^model name[^:]*: //p' /proc/cpuinfo | head -n 1)
family=$(sed -n 's/^cpu family[^:]*: //p' /proc/cpuinfo | head -n 1)
cpu+=${family:+ (family $family)}
kernel=$(./rnn --version | sed 's/^rnn [^,]*, kernel \([a-z0-9_-]*\).*/\1/')
shape="--layers 2 --hidden 128 --batch 50 --seq 50 --lr 0.002 --clip 5"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export cpu kernel tmp out shape
# one WHO CELL SEED: a run and its line.
one() {
    local who=$1 cell=$2 seed=$3 name before after curve summary k
    name=$who-$cell$([ "$seed" = 1 ] || echo "-$seed")
    before=$(cut -d ' ' -f 1 /proc/loadavg)
    # shellcheck disable=SC2086
    if [ "$who" = rnn ]; then
        ./rnn --data data/tinyshakespeare.txt --cell "$cell" $shape \
            --seed "$seed" \
            --steps 2000 --val-every 100 --threads 1 --sample-length 0 \
            --save "$tmp/$name.ckpt" --log "$tmp/$name.csv" \
            > "$tmp/$name.out" < /dev/null
        curve=$(awk -F , 'NR > 1 && $3 != "" {
            printf "%s%d:%s", n++ ? " " : "", $1, $3 }' "$tmp/$name.csv")
        k=$kernel
    else
        OMP_WAIT_POLICY=PASSIVE OPENBLAS_NUM_THREADS=1 \
            /usr/bin/python3 bench/reference.py steps --cell "$cell" $shape \
            --seed "$seed" \
            --steps 2000 --val-every 100 --threads 1 --init pytorch \
            --data data/tinyshakespeare.txt > "$tmp/$name.out" < /dev/null
        curve=$(awk '$1 == "val" {
            printf "%s%d:%s", n++ ? " " : "", $2, $3 }' "$tmp/$name.out")
        k=pytorch
    fi
    after=$(cut -d ' ' -f 1 /proc/loadavg)
    summary=$(tail -n 1 "$tmp/$name.out")
    echo "versus: $name: $summary" >&2
    echo "$name | --cell $cell $shape --seed $seed --steps 2000 | $cpu | $k |" \
         "$summary | $before $after | $curve" >> "$out"
}
export -f one
for seed in ${SEEDS:-1 2 3}; do
    for cell in lstm gru rnn; do
        echo "rnn $cell $seed"
        echo "pytorch $cell $seed"
    done
done | xargs -L 1 -P "${JOBS:-2}" bash -c 'one "$@"' one

#!/bin/bash
# starts.sh: where training starts, measured (Chapter "Three cells
# compared"): each cell trained from each starting point, with several
# seeds, on Tiny Shakespeare with the last tenth held out.
#
#   bash bench/starts.sh LIST [OUT]     (from the repository root, ./rnn built)
#
# LIST has one configuration per line: a name, the seeds (1-3, or 1,4,5),
# then rnn's options; blank lines and lines starting with # are skipped.
# Each configuration trains once per seed, on one thread, and one line per
# run is appended to OUT (default results/starts.txt):
#   name | seed | options | processor | kernel | load | summary | curve
# where load is the 1-minute load average before and after the run, and
# curve the validation losses as step:loss. A run's losses are a function
# of its options and seed alone, not of the machine's load or its threads,
# so JOBS=N (default 2) runs N at a time, and the lines may come in any
# order. With ONLY=REGEX, only the configurations whose names match run.
set -eu
cd "$(dirname "$0")/.."
list=$1
out=${2:-results/starts.txt}
cpu=$(sed -n 's/^model name[^:]*: //p' /proc/cpuinfo | head -n 1)
family=$(sed -n 's/^cpu family[^:]*: //p' /proc/cpuinfo | head -n 1)
cpu+=${family:+ (family $family)}
kernel=$(./rnn --version | sed 's/^rnn [^,]*, kernel \([a-z0-9_-]*\).*/\1/')
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export cpu kernel tmp out
# one NAME SEED OPTIONS...: one run, and its line.
one() {
    local name=$1 seed=$2 before after curve
    shift 2
    before=$(cut -d ' ' -f 1 /proc/loadavg)
    ./rnn --data data/tinyshakespeare.txt "$@" --seed "$seed" --threads 1 \
        --sample-length 0 --save "$tmp/$name-$seed.ckpt" \
        --log "$tmp/$name-$seed.csv" > "$tmp/$name-$seed.out" < /dev/null
    after=$(cut -d ' ' -f 1 /proc/loadavg)
    curve=$(awk -F , 'NR > 1 && $3 != "" {
        printf "%s%d:%s", n++ ? " " : "", $1, $3 }' "$tmp/$name-$seed.csv")
    echo "starts: $name seed $seed: $(tail -n 1 "$tmp/$name-$seed.out")" >&2
    echo "$name | $seed | $* | $cpu | $kernel | $before $after |" \
         "$(tail -n 1 "$tmp/$name-$seed.out") | $curve" >> "$out"
    rm -f "$tmp/$name-$seed".*
}
export -f one
grep -v '^[[:space:]]*\(#\|$\)' "$list" | while read -r name seeds options; do
    [[ $name =~ ${ONLY:-.} ]] || continue
    case $seeds in
        *-*) seeds=$(seq "${seeds%-*}" "${seeds#*-}");;
        *) seeds=${seeds//,/ };;
    esac
    for s in $seeds; do
        echo "$name $s $options"
    done
done | xargs -L 1 -P "${JOBS:-2}" bash -c 'one "$@"' one

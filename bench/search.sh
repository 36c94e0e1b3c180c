#!/bin/bash
# search.sh: train candidate models for a time each on Tiny Shakespeare and
# record how low their validation loss went, to choose the recipes
# (Chapter "Recipes").
#
#   bash bench/search.sh LIST [OUT]     (from the repository root, ./rnn built)
#
# LIST has one candidate per line: a name, then rnn's options (--time among
# them); blank lines and lines starting with # are skipped. Each candidate
# trains on data/tinyshakespeare.txt with the last tenth held out, and one
# line per candidate is appended to OUT (default results/search.txt):
#   name | options | the processor | the kernel | the run's summary line
#        | the 1-minute load average before and after the run
# where a recipe's options are followed by "=" and the settings it chose.
# (The lines of runs made before the load was recorded have no last field.)
# With LOGS=DIR, each run also writes its CSV log to DIR/name.csv. Runs one
# candidate at a time, with all the cores: a run's result depends on how
# fast the machine is, so nothing else should run meanwhile.
set -eu
cd "$(dirname "$0")/.."
list=$1
out=${2:-results/search.txt}
cpu=$(sed -n 's/^model name[^:]*: //p' /proc/cpuinfo | head -n 1)
family=$(sed -n 's/^cpu family[^:]*: //p' /proc/cpuinfo | head -n 1)
cpu+=${family:+ (family $family)}
kernel=$(./rnn --version | sed 's/^rnn [^,]*, kernel \([a-z0-9_-]*\).*/\1/')
# A recipe's settings, as options, read back from its checkpoint.
settings() { ./rnn dump --model "$1" | awk '$1 == "setting" &&
    $2 ~ /^(cell|layers|hidden|batch|seq|dropout|weight-decay|weight-drop|lr|lr-schedule|warmup)$/ {
    printf " --%s %s", $2, $3 ~ /^[0-9.eE+-]+$/ ? $3 + 0 : $3 }'; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
grep -v '^[[:space:]]*\(#\|$\)' "$list" | while read -r name options; do
    echo "search: $name: $options" >&2
    before=$(cut -d ' ' -f 1 /proc/loadavg)
    # shellcheck disable=SC2086
    ./rnn --data data/tinyshakespeare.txt $options --sample-length 0 \
        --save "$tmp/$name.ckpt" ${LOGS:+--log "$LOGS/$name.csv"} \
        > "$tmp/$name.out" < /dev/null
    case " $options " in
        *" --recipe "*) options+=" =$(settings "$tmp/$name.ckpt")";;
    esac
    after=$(cut -d ' ' -f 1 /proc/loadavg)
    echo "$name | $options | $cpu | $kernel | $(tail -n 1 "$tmp/$name.out")" \
         "| $before $after" | tee -a "$out"
done

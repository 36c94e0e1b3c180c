#!/usr/bin/env bash
# Command-line tests of the rnn program: bad arguments and bad input files
# must give exactly one line on standard error, starting with "rnn: ", and
# the documented exit status (2 for a usage error, 1 for a runtime failure);
# good runs must end with the summary line.
# Usage: tests/cli.sh [path/to/rnn]
set -u
RNN=$(realpath "${1:-./rnn}")
RNN_ITSELF=$RNN
[ -x "$RNN" ] || { echo "cli: $RNN is not an executable" >&2; exit 1; }
SANITIZED=${RNN_SANITIZED:+$(realpath "$RNN_SANITIZED")}
here=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$tmp" || exit 1      # runs save their checkpoints here
passed=0
failed=0

fail() {
    echo "FAIL: $*"
    echo "  stderr:"; sed 's/^/    /' "$tmp/err"
    failed=$((failed + 1))
}

# With RNN_SANITIZED naming the program built with AddressSanitizer, every
# case that must fail runs again under it, with LeakSanitizer on: it must
# fail the same way, with the same one line and no report of a leak.
# Where LeakSanitizer cannot run (it needs ptrace, which some containers
# forbid, and says so), the cases run under AddressSanitizer alone, and the
# log says so; any other failure of the sanitized program is a failure.
export ASAN_OPTIONS=detect_leaks=1:exitcode=99 UBSAN_OPTIONS=exitcode=99
if [ -n "$SANITIZED" ] && ! "$SANITIZED" --version > /dev/null 2> "$tmp/err"
then
    if grep -q "LeakSanitizer has encountered a fatal error" "$tmp/err"; then
        export ASAN_OPTIONS=detect_leaks=0:exitcode=99
        echo "cli: LeakSanitizer cannot run here:" \
             "the sanitized cases check memory errors only" >&2
    else
        echo "cli: $SANITIZED --version failed:" >&2; cat "$tmp/err" >&2
        exit 1
    fi
fi

# expect STATUS PATTERN ARGS...: rnn ARGS exits with STATUS and prints one
# line on stderr that starts with "rnn: " and contains PATTERN; and so does
# the sanitized program, if there is one.
expect() {
    local want=$1 pattern=$2 program
    shift 2
    # A test that runs rnn through a wrapper (RNN=...) runs it alone.
    for program in "$RNN" $([ "$RNN" = "$RNN_ITSELF" ] && echo "$SANITIZED"); do
        "$program" "$@" > "$tmp/out" 2> "$tmp/err" < /dev/null
        local got=$? name=rnn
        [ "$program" = "$RNN" ] || name=rnn-asan
        if [ "$got" -ne "$want" ]; then
            fail "$name $* exited $got, expected $want"; return
        elif [ "$(wc -l < "$tmp/err")" -ne 1 ]; then
            fail "$name $* printed $(wc -l < "$tmp/err") lines on stderr, expected 1"
            return
        elif ! grep -q "^rnn: .*$pattern" "$tmp/err"; then
            fail "$name $*: stderr lacks '$pattern'"; return
        fi
    done
    passed=$((passed + 1))
}

# Usage errors: exit status 2.
expect 2 "unknown option '--bogus'" --bogus
expect 2 "unknown option '--hidden-size'" --hidden-size 3
expect 2 "unknown command 'train.txt'" train.txt
expect 2 "unexpected argument 'train.txt'" train train.txt
expect 2 "needs a value" --hidden
expect 2 "--hidden must be an integer from 1 to" --hidden abc
expect 2 "--hidden must be an integer" --hidden 12x
expect 2 "--hidden must be an integer" --hidden ""
expect 2 "--seq must be an integer from 1 to" --seq 0
expect 2 "--batch must be an integer from 1" --batch -3
expect 2 "--steps must be an integer" --steps 99999999999999999999999
expect 2 "--val-frac must be a number from 0 to 0.5" --val-frac 2
expect 2 "--temperature must be a number" --temperature -1
expect 2 "--lr must be a number" --lr nan
expect 2 "--lr must be a number" --lr inf
expect 2 "--lr must be a number" --lr=0
expect 2 "--clip must be a number" --clip=five
expect 2 "--optim must be one of sgd|adagrad|adam, not 'rmsprop'" --optim rmsprop
expect 2 "--cell must be one of rnn|lstm|gru, not 'transformer'" --cell transformer
expect 2 "--layers must be an integer from 1 to 8, not '0'" --layers 0
expect 2 "--layers must be an integer from 1 to 8, not '9'" --layers 9
expect 2 "--dropout must be a number from 0 to 0.99, not '1'" --dropout 1
expect 2 "--dropout must be a number from 0 to 0.99" --dropout -0.1

# Numbers are decimal and nothing else. Every numeric option of every
# command, as the commands' help lists them (those whose value is named by
# one capital letter), refuses hexadecimal, binary exponents, infinities,
# NaN, a leading '+', spaces and numbers that overflow a double, with
# status 2 and one line that names the option. Each command is also given
# a missing file, so that a value taken by mistake fails at once.
bad_numbers=(0x10 0X1P3 0x1p-9 inf -inf INF infinity nan NAN +1 +0.5 ' 1'
             '1 ' '1 2' 1e999 -1e999 1e-999 1,5 1_000 '' . - 1e e5 0x 1.5.2)
missing=("$tmp/missing")
declare -A extra=([train]="--data $missing" [sample]="--model $missing"
                  [chat]="--model $missing" [eval]="--model $missing"
                  [grad]="--model $missing" [dump]="--model $missing")
numeric=0 wrong=""
for cmd in train sample chat eval grad dump; do
    for opt in $("$RNN" $cmd --help | sed -n 's/^  --\([a-z-]*\) [A-Z] .*/\1/p'); do
        numeric=$((numeric + 1))
        for bad in "${bad_numbers[@]}" 0x1p3s infs 1h+5m '1h 30m' 5m-1s; do
            "$RNN" $cmd ${extra[$cmd]} --$opt "$bad" > /dev/null 2> "$tmp/err"
            status=$?
            [ $status -eq 2 ] && [ "$(wc -l < "$tmp/err")" -eq 1 ] \
              && grep -q "^rnn: --$opt must be " "$tmp/err" \
              || wrong="$wrong $cmd --$opt '$bad' ($status);"
        done
    done
done
[ $numeric -ge 30 ] && [ -z "$wrong" ] && passed=$((passed + 1)) \
    || fail "strict numbers ($numeric options):$wrong"
# ... and takes what is decimal: 1e1 steps, 0.5 and .5 and 5. as numbers,
# and 1.5h, 90s and 1h30m as durations.
for good in "--steps 1e1" "--lr .5" "--lr 5." "--lr 0.5e-2" "--clip -0" \
            "--time 1.5h" "--time 90s" "--time 1h30m" "--time 2"; do
    "$RNN" --data "$missing" $good > /dev/null 2> "$tmp/err"
    [ $? -eq 1 ] && grep -q "^rnn: cannot open '$missing'" "$tmp/err" \
        && passed=$((passed + 1)) || fail "'$good' refused: $(cat "$tmp/err")"
done

# Bad input files: exit status 1.
: > "$tmp/empty.txt"
printf 'GIF89a\001\000\001\000\000\000' > "$tmp/binary.gif"
printf 'abc' > "$tmp/short.txt"
head -c 300 "$here/data/tiny.txt" > "$tmp/small.txt"
expect 1 "cannot open '$tmp/missing.txt': No such file or directory" \
    --data "$tmp/missing.txt"
expect 1 "cannot read '$tmp': Is a directory" --data "$tmp"
expect 1 "'$tmp/empty.txt' is empty" --data "$tmp/empty.txt"
expect 1 "looks like binary data (NUL byte at offset 7)" \
    --data "$tmp/binary.gif"
expect 1 "the held-out part of the text (fraction 0.1) is 0 characters, too short" \
    --data "$tmp/short.txt"
printf 'a' > "$tmp/one.txt"
expect 1 "corpus too short: 1 character$" --data "$tmp/one.txt" --val-frac 0
expect 1 "training text too short: 270 characters, but 32 streams of 50 steps need at least 1601" \
    --data "$tmp/small.txt"
expect 1 "cannot write log '$tmp/no/such/dir/log.csv'" \
    --data "$here/data/tiny.txt" --log "$tmp/no/such/dir/log.csv"
expect 1 "cannot write '$tmp/no/lags.txt'" \
    --data "$here/data/tiny.txt" --gradient-lags "$tmp/no/lags.txt"
head -c 150 "$here/data/tiny.txt" > "$tmp/150.txt"
expect 1 "too little text to measure the gradient over 100 steps" \
    --data "$tmp/150.txt" --gradient-lags "$tmp/lags.txt" --val-frac 0 \
    --batch 2 --seq 10 --steps 1

# --help lists every option and exits 0 with nothing on stderr.
if "$RNN" --help > "$tmp/out" 2> "$tmp/err" && [ ! -s "$tmp/err" ] \
   && grep -q '^usage: rnn' "$tmp/out"; then
    missing=""
    for opt in data cell hidden layers dropout seq batch steps lr optim clip \
               val-frac seed sample-every sample-length temperature prime \
               log gradient-lags; do
        grep -q -- "--$opt " "$tmp/out" || missing="$missing --$opt"
    done
    [ -z "$missing" ] && passed=$((passed + 1)) || fail "--help lacks$missing"
else
    fail "rnn --help"
fi

# A short run ends with the summary line and writes its CSV log (the rate
# constant, with no schedule); the same seed gives the same log, but for
# the times; a prime with unknown characters is warned about on stderr,
# and the run still succeeds.
summary='^done steps=40 train_loss=[0-9.]+ val_loss=[0-9.]+ val_bpc=[0-9.]+ chars_per_sec=[0-9]+ seconds=[0-9.]+ best_step=[0-9]+ best_val=[0-9.]+$'
small=(--data "$here/data/tiny.txt" --steps 40 --hidden 16 --seq 10
       --batch 4 --val-every 20 --print-every 10 --sample-length 30)
for run in 1 2; do
    if "$RNN" "${small[@]}" --log "$tmp/log$run.csv" --prime 'The ~Z' \
         > "$tmp/out$run" 2> "$tmp/err"; then
        last=$(tail -n 1 "$tmp/out$run")
        [[ "$last" =~ $summary ]] && passed=$((passed + 1)) \
            || fail "summary line: '$last'"
        grep -q "^rnn: warning: .* 'Z', '~'$" "$tmp/err" \
            && passed=$((passed + 1)) || fail "no warning about the prime"
    else
        fail "rnn ${small[*]} exited $?"
    fi
done
rest=',[0-9.]+,[0-9.e-]+,[0-9.e+-]+$'
if [ "$(head -n 1 "$tmp/log1.csv")" = "step,train_loss,val_loss,seconds,lr,grad_norm" ] \
   && grep -Eq "^20,[0-9.]+,[0-9.]+$rest" "$tmp/log1.csv" \
   && grep -Eq "^10,[0-9.]+,$rest" "$tmp/log1.csv" \
   && grep -Eq "^40,[0-9.]+,[0-9.]+$rest" "$tmp/log1.csv" \
   && [ "$(awk -F, 'NR > 1 { print $5 }' "$tmp/log1.csv" | sort -u)" = 0.002 ]; then
    passed=$((passed + 1))
else
    fail "CSV log:"; cat "$tmp/log1.csv"
fi
strip() { tail -n 1 "$1" | sed 's/ chars_per_sec=.*//'; }
[ "$(strip "$tmp/out1")" = "$(strip "$tmp/out2")" ] \
    && cmp -s <(cut -d, -f1-3,5- "$tmp/log1.csv") \
              <(cut -d, -f1-3,5- "$tmp/log2.csv") \
    && passed=$((passed + 1)) || fail "two runs with the same seed differ"

# Every cell, stacked with dropout, trains and ends with the summary line;
# --gradient-lags writes two blocks of 18 lags (with a cell-state column for
# the LSTM).
for cell in rnn lstm gru; do
    if "$RNN" "${small[@]}" --cell $cell --layers 2 --dropout 0.3 \
         --gradient-lags "$tmp/lags-$cell.txt" > "$tmp/out" 2> "$tmp/err" \
       && [[ "$(tail -n 1 "$tmp/out")" =~ $summary ]] \
       && grep -q "^model: $cell, 2 layer(s) of 16 units, .*dropout 0.3;" \
            "$tmp/out" \
       && [ "$(grep -c '^[0-9]' "$tmp/lags-$cell.txt")" -eq 36 ] \
       && [ "$(awk 'NF { print NF }' "$tmp/lags-$cell.txt" | sort -u)" \
            = "$([ $cell = lstm ] && echo 3 || echo 2)" ]; then
        passed=$((passed + 1))
    else
        fail "--cell $cell --layers 2 --dropout 0.3"
    fi
done

# Without validation text there is no validation loss, and no best one.
"$RNN" "${small[@]}" --val-frac 0 > "$tmp/out" 2> "$tmp/err" \
    && tail -n 1 "$tmp/out" | grep -q ' val_loss=none val_bpc=none .*seconds=[0-9.]*$' \
    && passed=$((passed + 1)) || fail "--val-frac 0"

source "$here/tests/cli-models.sh"
source "$here/tests/cli-safety.sh"
source "$here/tests/cli-budgets.sh"
source "$here/tests/cli-plot.sh"
source "$here/tests/cli-trace.sh"
source "$here/tests/cli-unknown.sh"
source "$here/tests/cli-exchange.sh"

echo "cli: $passed passed, $failed failed"
[ "$failed" -eq 0 ]

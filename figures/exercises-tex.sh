#!/usr/bin/env bash
# The numbers in the answers to the exercises of the chapters on data,
# training and the three cells compared, as LaTeX macros \Ex<Name>,
# computed from the book's runs (DIR/rnn.out, gru.out, lstm.out and
# DIR/gru.csv) and checked where the program can check them; fails,
# failing the build, if an answer disagrees with what the program does:
#   - the windows of an epoch: after its last step, the plain cell's
#     checkpoint (DIR/rnn.ckpt, read with RNN dump) is at the window that
#     the count of windows per epoch predicts;
#   - the shortest text the default split accepts: RNN refuses one
#     character shorter and accepts it;
#   - the distinct characters of the text of the memorisation test (in
#     TRAINING, the chapter's source): the 20 whose logarithm the chapter
#     quotes;
#   - the GRU's best validation loss and its step, which its summary
#     reports: the smallest in its log.
# Usage: exercises-tex.sh DIR RNN TRAINING > DIR/exercises.tex
set -eu
dir=$1 rnn=$2 training=$3
fail() { echo "exercises-tex: $*" >&2; exit 1; }
macro() { printf '\\newcommand{\\Ex%s}{%s}\n' "$1" "$2"; }
calc() { awk "BEGIN { $1 }"; }

# The plain cell's run: its split, its streams and its steps.
header=$(grep '^corpus: ' "$dir/rnn.out" | head -n 1)
[[ $header =~ \ ([0-9]+)\ to\ train\ on,\ ([0-9]+)\ to\ validate ]] \
  || fail "rnn.out: no corpus line"
train=${BASH_REMATCH[1]} val=${BASH_REMATCH[2]}
[[ $(grep '^model: ' "$dir/rnn.out" | head -n 1) =~ ([0-9]+)\ streams\ of\ ([0-9]+)\ steps ]] \
  || fail "rnn.out: no model line"
B=${BASH_REMATCH[1]} T=${BASH_REMATCH[2]}
steps=$(sed -n 's/^done steps=\([0-9]*\) .*/\1/p' "$dir/rnn.out")
[ -n "$steps" ] || fail "rnn.out: no summary line"
macro Train "$train"; macro Val "$val"; macro Batch "$B"; macro Seq "$T"
macro Steps "$steps"

# Data: the streams of the training text, and the windows of an epoch.
stride=$(( (train - 1) / B )) windows=$(( (train - 1) / B / T ))
macro Stride "$stride"; macro Windows "$windows"
macro Predictions "$(( B * T * windows ))"
macro NeverTarget "$(( train - 1 - B * T * windows ))"
cursor=$("$rnn" dump --model "$dir/rnn.ckpt" | awk '$1 == "state" && $2 == "cursor" { print $3 }')
[ "$cursor" = "$(( steps % windows ))" ] \
  || fail "after $steps steps of $windows windows the cursor should be $(( steps % windows )), not $cursor"
macro Cursor "$cursor"
# The shortest text that the split of a tenth accepts: the held-out part
# needs two characters, floor(n / 10) >= 2.
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
shortest=20
accepts() { head -c "$1" /dev/zero | tr '\0' 'a' > "$tmp/t.txt"
  "$rnn" --data "$tmp/t.txt" --batch 1 --seq 1 --steps 0 --sample-length 0 \
    --save "$tmp/m.ckpt" > /dev/null 2>&1; }
accepts $shortest && ! accepts $((shortest - 1)) \
  || fail "the shortest text the split accepts is not $shortest characters"
macro Shortest "$shortest"

# Training: the moving average, validation's streams, the test's text.
macro EmaHundred "$(calc 'printf "%.3f", 1 - 0.99 ^ 100')"
macro ValPiece "$(( (val - 2) / B + 1 ))"
macro ValShort "$(( B * T ))"
macro ValShortPct "$(calc "printf \"%.1f\", 100 * $B * $T / ($val - 1)")"
macro Memorised "$(calc 'printf "%.3f", exp(-0.1)')"
tiny=$(awk '/^START_TEST\(the_model_memorises_a_tiny_text\)/ { on = 1 }
            on && /"/ { s = $0; sub(/^[^"]*"/, "", s); sub(/"[^"]*$/, "", s); t = t s }
            on && /;$/ && t != "" { print t; exit }' "$training")
vocab=$(printf '%b' "$tiny" | od -An -v -tx1 | tr -s ' ' '\n' | grep . | sort -u | wc -l)
[ "$vocab" = 20 ] || fail "the memorisation test's text has $vocab distinct characters, not the 20 the chapter says"
macro TinyVocab "$vocab"
macro TinyUniform "$(calc "printf \"%.2f\", log($vocab)")"

# The three cells compared: perplexities, bits, early stopping, speed.
field() { sed -n "s/^done .* $1=\([0-9.]*\).*/\1/p" "$dir/$2.out"; }
rv=$(field val_loss rnn) gv=$(field val_loss gru)
macro GruFactor "$(calc "printf \"%.2f\", exp($rv - $gv)")"
macro GruKilobytes "$(calc "printf \"%.1f\", ($rv - $gv) / log(2) * ($val - 1) / 8 / 1000")"
best=$(field best_val gru) at=$(field best_step gru)
awk -F, -v best="$best" -v at="$at" 'NR > 1 && $3 != "" && (min == "" || $3 + 0 < min) { min = $3 + 0; step = $1 }
  END { d = min - best; exit !(d < 1e-4 && d > -1e-4 && step == at) }' "$dir/gru.csv" \
  || fail "the GRU's log does not have its best validation loss $best at step $at"
macro GruBestStep "$at"; macro GruBestVal "$best"
macro GruGain "$(calc "printf \"%.4f\", $gv - $best")"
params() { sed -n 's/^model: .* \([0-9]*\) parameters,.*/\1/p' "$dir/$1.out"; }
macro ParamRatio "$(calc "printf \"%.1f\", $(params lstm) / $(params rnn)")"
macro SpeedRatio "$(calc "printf \"%.1f\", $(field chars_per_sec rnn) / $(field chars_per_sec lstm)")"

#!/usr/bin/env bash
# Turn the output of an rnn training run (on stdin) into LaTeX macros for
# the book, each named \<Name><Field>:
#   from the header:  Chars (tokens, for a run of word tokens), Vocab,
#                     Uniform (ln Vocab), Hidden, Params,
#                     Batch, Seq
#   from the summary: Steps, TrainLoss, ValLoss, ValBpc, Speed, Seconds
#   derived:          Epochs (training characters read / training text),
#                     ValPerplexity (e to the ValLoss)
# Usage: summary-tex.sh Name < run.out
set -eu
name=$1
out=$(cat)
macro() { printf '\\newcommand{\\%s%s}{%s}\n' "$name" "$1" "$2"; }

corpus=$(grep '^corpus: ' <<< "$out" | head -n 1)
[[ $corpus =~ ^corpus:\ ([0-9]+)\ (characters|tokens),\ ([0-9]+)\ distinct\;\ ([0-9]+)\ to\ train ]] \
  || { echo "summary-tex: no corpus line" >&2; exit 1; }
macro Chars "${BASH_REMATCH[1]}"
macro Vocab "${BASH_REMATCH[3]}"
macro Uniform "$(awk -v v="${BASH_REMATCH[3]}" 'BEGIN { printf "%.2f", log(v) }')"
ntrain=${BASH_REMATCH[4]}

model=$(grep '^model: ' <<< "$out" | head -n 1)
[[ $model =~ \ ([0-9]+)\ parameters,\ dropout\ [0-9.e+-]+\;\ ([0-9]+)\ streams\ of\ ([0-9]+)\ steps ]] \
  || { echo "summary-tex: no model line" >&2; exit 1; }
macro Params "${BASH_REMATCH[1]}"
macro Batch "${BASH_REMATCH[2]}"
macro Seq "${BASH_REMATCH[3]}"
batch=${BASH_REMATCH[2]} seq=${BASH_REMATCH[3]}
[[ $model =~ \ of\ ([0-9]+)\ units ]] \
  || { echo "summary-tex: no hidden size" >&2; exit 1; }
macro Hidden "${BASH_REMATCH[1]}"

line=$(grep '^done ' <<< "$out" | tail -n 1)
[ -n "$line" ] || { echo "summary-tex: no summary line" >&2; exit 1; }
for pair in $line; do
  case $pair in
    steps=*) m=Steps ;; train_loss=*) m=TrainLoss ;; val_loss=*) m=ValLoss ;;
    val_bpc=*) m=ValBpc ;; chars_per_sec=*) m=Speed ;; seconds=*) m=Seconds ;;
    *) continue ;;
  esac
  macro "$m" "${pair#*=}"
  if [ $m = ValLoss ] && [ "${pair#*=}" != none ]; then macro ValPerplexity \
    "$(awk -v l="${pair#*=}" 'BEGIN { printf "%.2f", exp(l) }')"; fi
  if [ $m = Steps ]; then macro Epochs "$(awk -v s="${pair#*=}" -v b="$batch" \
    -v t="$seq" -v n="$ntrain" 'BEGIN { printf "%.0f", s * b * t / n }')"; fi
done

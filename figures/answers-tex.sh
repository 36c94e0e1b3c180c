#!/usr/bin/env bash
# The numbers in the answers to the exercises, as LaTeX macros \Ans<Name>,
# computed here rather than typed, and checked where the book's own runs
# can check them: the script fails, failing the build, if an answer
# disagrees with what the program reports.
#   - parameters: eq. (params) for the book's three models, against the
#     counts their training runs print (DIR/rnn.out, lstm.out, gru.out);
#   - the finite-difference step: the central difference's best step in
#     the sweep of Chapter "Checking gradients" (DIR/gradcheck-step.txt)
#     lies within a factor of ten of the predicted eps^(1/3), and its
#     error there is above eps^(2/3);
#   - the gradient checks' cost, from their table (DIR/gradcheck.tex).
# Usage: answers-tex.sh DIR > DIR/answers.tex
set -eu
dir=$1
fail() { echo "answers-tex: $*" >&2; exit 1; }
macro() { printf '\\newcommand{\\Ans%s}{%s}\n' "$1" "$2"; }

# The shape and parameter count a run reports: "V H params".
shape() {
  local out corpus model
  out=$(cat "$dir/$1.out")
  [[ $(grep '^corpus: ' <<< "$out" | head -n 1) =~ ([0-9]+)\ distinct ]] \
    || fail "$1.out: no vocabulary"
  local V=${BASH_REMATCH[1]}
  [[ $(grep '^model: ' <<< "$out" | head -n 1) =~ \ of\ ([0-9]+)\ units,\ ([0-9]+)\ parameters ]] \
    || fail "$1.out: no model line"
  echo "$V ${BASH_REMATCH[1]} ${BASH_REMATCH[2]}"
}
# Eq. (params) for one layer: G = kH rows of weights, b biases per row (one,
# or two for the GRU, whose second bias adds G).
params() { awk -v k="$1" -v b="$2" -v V="$3" -v H="$4" \
  'BEGIN { printf "%d", k * H * (V + H + b) + V * (H + 1) }'; }
for cell in rnn:1:1:Rnn lstm:4:1:Lstm gru:3:2:Gru; do
  IFS=: read -r c k b name <<< "$cell"
  read -r V H reported <<< "$(shape "$c")"
  want=$(params "$k" "$b" "$V" "$H")
  [ "$want" = "$reported" ] \
    || fail "$c: eq. (params) gives $want parameters, the run reports $reported"
  macro "Params$name" "$want"
done
# The book's vocabulary, and the loss of a uniform prediction over it.
read -r V H reported <<< "$(shape lstm)"
macro Vocab "$V"
macro UniformNats "$(awk -v V="$V" 'BEGIN { printf "%.2f", log(V) }')"
macro UniformBits "$(awk -v V="$V" 'BEGIN { printf "%.2f", log(V) / log(2) }')"
# char-rnn's default model, two LSTM layers of 128, on this book's text.
macro CharRnnParams "$(awk -v V="$V" 'BEGIN {
  printf "%d", 4 * 128 * (V + 129) + 4 * 128 * 257 + V * 129 }')"

# RMSprop's first step, in units of eta, with char-rnn's decay 0.95.
macro RmspropFirst "$(awk 'BEGIN { printf "%.2f", 1 / sqrt(0.05) }')"
macro RmspropTenth "$(awk 'BEGIN { printf "%.2f", 1 / sqrt(1 - 0.95 ^ 10) }')"
# The angle by which clamping (50, 1) to [-5, 5] turns it, in degrees.
macro ClampAngle "$(awk 'BEGIN { pi = atan2(0, -1)
  d = (50 * 5 + 1) / (sqrt(2501) * sqrt(26)); printf "%.1f", atan2(sqrt(1 - d * d), d) * 180 / pi }')"
# Top-2 sampling of probabilities (0.5, 0.3, 0.2) at temperatures 1, 0.5.
macro TopTwoOne "$(awk 'BEGIN { printf "%.3f", 0.5 / 0.8 }')"
macro TopTwoTwo "$(awk 'BEGIN { printf "%.3f", 0.3 / 0.8 }')"
macro TopTwoHalfOne "$(awk 'BEGIN { printf "%.3f", 25 / 34 }')"
macro TopTwoHalfTwo "$(awk 'BEGIN { printf "%.3f", 9 / 34 }')"

# The central difference: predicted best step and error in double precision.
awk -v f="$dir/gradcheck-step.txt" 'BEGIN {
    eps = 1.1e-16; pred = eps ^ (1 / 3)
    while ((getline line < f) > 0) {
      split(line, v, " ")
      if (n++ == 0 || v[2] + 0 < best) { best = v[2] + 0; at = v[1] + 0 }
    }
    if (n == 0) { print "answers-tex: no sweep" > "/dev/stderr"; exit 1 }
    r = log(at / pred) / log(10)
    if (r > 1 || r < -1) {
      printf "answers-tex: the central difference is best at %g, not near %g\n", at, pred > "/dev/stderr"; exit 1
    }
    if (best <= eps ^ (2 / 3)) {
      printf "answers-tex: the central difference'"'"'s best error %g is not above eps^(2/3)\n", best > "/dev/stderr"; exit 1
    }
    e = int(log(pred) / log(10) - 1); m = pred / 10 ^ e
    printf "\\newcommand{\\AnsCentralStep}{\\ensuremath{%.1f \\times 10^{%d}}}\n", m, e
    e = int(log(at) / log(10) - 1); m = at / 10 ^ e
    if (m >= 9.95) { m /= 10; e++ }
    printf "\\newcommand{\\AnsCentralBest}{\\ensuremath{%s10^{%d}}}\n", (m < 1.05 ? "" : sprintf("%.1f \\times ", m)), e
    g = eps ^ (2 / 3); e = int(log(g) / log(10) - 1); m = g / 10 ^ e
    printf "\\newcommand{\\AnsCentralError}{\\ensuremath{%.1f \\times 10^{%d}}}\n", m, e
  }'
# The plain cell's gradient check: entries, and loss evaluations (four per
# entry and one for the analytic gradient).
entries=$(awk -F'&' '$2 ~ /rnn/ && $3 + 0 == 1 && $4 + 0 == 0 { print $6 + 0; exit }' "$dir/gradcheck.tex")
[ -n "$entries" ] || fail "no row of the plain cell in gradcheck.tex"
macro RnnEntries "$entries"
macro RnnEvaluations "$((4 * entries + 1))"

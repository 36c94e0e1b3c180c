#!/usr/bin/env bash
# Print a sample of an `rnn` run in a form safe for LaTeX's Verbatim
# environment. Usage: sample-text.sh [STEP [LINES]] < run.out
#   STEP   last (the default): the run's last sample (the output of a
#          training run on stdin); a number: its sample at that step; all:
#          stdin is the sample itself (the output of `rnn sample`);
#   LINES  at most this many lines (default 24).
# Tabs are expanded and bytes outside printable ASCII shown as '?'. A line
# longer than 74 columns is folded at its last space within them (or at
# column 74 if it has none), and each continuation starts with the byte
# 0x01, which the book prints as a mark (\SampleInput in
# figures/preamble.tex): the mark cannot be taken for the model's output,
# and no word is cut in two unless it is longer than a line.
set -eu
step=${1:-last} lines=${2:-24}
if [ "$step" = all ]; then
  cat
else
  awk -v want="$step" '
    /^-------- sample at step /{ s = ""; on = 1; at = $5 + 0; next }
    /^-------- end of sample --------$/{ on = 0
      if (want == "last" || at == want + 0) { last = s; found = 1 }; next }
    on { s = s $0 "\n" }
    END { if (!found) { print "sample-text: no sample at step " want > "/dev/stderr"; exit 1 }
          printf "%s", last }'
fi | expand | LC_ALL=C tr -c '\n\040-\176' '?' |
  awk -v width=74 '
    { line = $0
      while (length(line) > width) {
        cut = width
        for (i = width + 1; i > 1; i--)
          if (substr(line, i, 1) == " ") { cut = i; break }
        print substr(line, 1, cut)
        line = "\001" substr(line, cut + 1)
      }
      print line }' | head -n "$lines"

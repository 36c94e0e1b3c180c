#!/usr/bin/env bash
# Where in the book the held-out text of a run on the book's own source
# begins: the label of the chapter (the last \label{ch:...} before it) in
# which the last N characters of the concatenated chapter files FILE...
# start, N being what the run's header says it validates on (RUN.out:
# "corpus: ... ; T to train on, N to validate"). Writes the LaTeX macro
# \HeldOutStart, the label, for \ref. Assumes characters are bytes, which
# the book's ASCII sources make true; warns if the run counted other than
# the files' bytes (a run made before the book was edited, with
# make -o rnn).
# Usage: heldout-tex.sh RUN.out FILE... > DIR/heldout.tex
set -eu
out=$1
shift
n=$(sed -n 's/^corpus: .* \([0-9]*\) to validate$/\1/p' "$out" | head -n 1)
[ -n "$n" ] || { echo "heldout-tex: no corpus line in $out" >&2; exit 1; }
total=$(cat "$@" | wc -c)
chars=$(sed -n 's/^corpus: \([0-9]*\) characters.*/\1/p' "$out" | head -n 1)
[ "$chars" = "$total" ] \
  || echo "heldout-tex: warning: $out counts $chars characters, the files" \
          "$total bytes: the run was made on another version of the book" >&2
cat "$@" | awk -v start=$((total - n)) '
  { if (match($0, /\\label\{ch:[^}]*\}/)) label = substr($0, RSTART + 7, RLENGTH - 8)
    seen += length($0) + 1
    if (seen > start) { printf "\\newcommand{\\HeldOutStart}{%s}\n", label; done = 1; exit } }
  END { if (!done) exit 1 }'

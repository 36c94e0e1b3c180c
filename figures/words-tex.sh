#!/usr/bin/env bash
# A model of words beside the LSTM of characters (Chapter "Tokens"), both
# measured per character of their held-out text: from `measure heldout`
# (DIR/word-heldout.txt, DIR/lstm-heldout.txt: "tokens=N chars=C loss=L
# bpc=B") and the runs' logs and outputs (DIR/word.csv, lstm.csv, .out).
# A validation loss of the word model, in nats per token, is L_tok (N - 1)
# / C nats per character: the same predictions, divided by their
# characters instead of their tokens.
# Writes DIR/words-plot.txt for figures/words.gp: two blocks of lines
# "step, held-out bits per character", the characters' model's and the
# words'; and to stdout the LaTeX macros
#   \WordHeldoutTokens, \WordHeldoutChars  the word model's held-out text;
#   \WordCharsPerToken   its characters per token predicted;
#   \WordBpc, \LstmBpc   the final held-out loss, bits per character;
#   \WordBestBpc, \WordBestStep  the word model's best validation;
#   \LstmBpcAtWordEnd    the character model's at the word run's last step;
#   \WordVsLstm          "more" or "fewer": the word model's bits per
#                        character against the character model's, both at
#                        the word run's last step;
#   \WordUnseen, \WordUnseenPct  the held-out tokens predicted that never
#                        occur in the training text, and their percentage.
# Fails if `measure heldout` and the runs disagree on a model's final
# held-out loss (they compute it the same way).
# Usage: words-tex.sh DIR > DIR/words.tex
set -eu
dir=$1
field() { sed -n "s/.*\\b$1=\\([^ ]*\\).*/\\1/p" "$2"; }
final() { sed -n 's/^done .*val_loss=\([^ ]*\).*/\1/p' "$1"; }
for m in word lstm; do
  a=$(field loss "$dir/$m-heldout.txt") b=$(final "$dir/$m.out")
  awk -v a="$a" -v b="$b" 'BEGIN { exit !(a - b < 5e-4 && b - a < 5e-4) }' \
    || { echo "words-tex: $m: measure heldout gives $a, the run $b" >&2; exit 1; }
done
tokens=$(field tokens "$dir/word-heldout.txt")
chars=$(field chars "$dir/word-heldout.txt")
ratio=$(awk -v n="$tokens" -v c="$chars" 'BEGIN { printf "%.6f", (n - 1) / c }')
# The validations of a log: "step loss".
vals() { awk -F, 'NR > 1 && $3 != "" { print $1, $3 }' "$1" | sort -n -u; }
{
  vals "$dir/lstm.csv" | awk '{ printf "%d %.5f\n", $1, $2 / log(2) }'
  printf '\n\n'
  vals "$dir/word.csv" | awk -v r="$ratio" '{ printf "%d %.5f\n", $1, $2 * r / log(2) }'
} > "$dir/words-plot.txt"
awk -v tokens="$tokens" -v chars="$chars" \
    -v unseen="$(field unseen "$dir/word-heldout.txt")" \
    -v wb="$(field bpc "$dir/word-heldout.txt")" \
    -v lb="$(field bpc "$dir/lstm-heldout.txt")" '
  BEGIN { block = 0 }
  NF == 0 { blank++; if (blank == 2) block = 1; next }
  { blank = 0 }
  block == 0 { char[$1] = $2 }
  block == 1 { if (!best || $2 < best) { best = $2; at = $1 }; last = $1 }
  END {
    if (!(last in char)) { print "words-tex: the characters'"'"' model has no validation at step " last > "/dev/stderr"; exit 1 }
    printf "\\newcommand{\\WordHeldoutTokens}{%d}\n", tokens
    printf "\\newcommand{\\WordHeldoutChars}{%d}\n", chars
    printf "\\newcommand{\\WordCharsPerToken}{%.2f}\n", chars / (tokens - 1)
    printf "\\newcommand{\\WordBpc}{%.2f}\n", wb
    printf "\\newcommand{\\LstmBpc}{%.2f}\n", lb
    printf "\\newcommand{\\WordBestBpc}{%.2f}\n", best
    printf "\\newcommand{\\WordBestStep}{%d}\n", at
    printf "\\newcommand{\\LstmBpcAtWordEnd}{%.2f}\n", char[last]
    printf "\\newcommand{\\WordVsLstm}{%s}\n", (wb > char[last] ? "more" : "fewer")
    printf "\\newcommand{\\WordUnseen}{%d}\n", unseen
    printf "\\newcommand{\\WordUnseenPct}{%.1f}\n", 100 * unseen / (tokens - 1)
  }' "$dir/words-plot.txt"

#!/usr/bin/env bash
# Check that the code and the options in the PDF read as typed: the
# typewriter font's ligatures, which print -- as an en dash and << >> as
# guillemets, are off, and quotes in code are straight.
# Usage: tests/pdftext.sh build/rnn.pdf
set -u
text=$(pdftotext -enc UTF-8 "$1" -) || { echo "pdftext: cannot read $1" >&2; exit 1; }
status=0
complain() { echo "pdftext: $*" >&2; status=1; }
# Strings of code and options that must appear as typed.
for s in 't--)' './rnn --cell' '--gradient-lags' '1 << 16' '>> 11' \
         "'\\n'" "*s == ' '"; do
  grep -qF -- "$s" <<< "$text" || complain "'$s' is not in the text"
done
# Characters that only a ligature or a curly code quote would produce
# next to code: guillemets anywhere; an en dash that starts a word, as in
# an option, or that ends one before a parenthesis or a semicolon, as in
# t--); curly quotes around a character or two.
if grep -n '[«»]' <<< "$text" | head -5 | grep .; then
  complain "guillemets in the text"
fi
if grep -n -E '(^|[ (])–[a-z]|[a-z0-9_]–[);]' <<< "$text" | head -5 | grep .; then
  complain "an en dash where code or an option is printed"
fi
if grep -n "[‘’][^ ‘’]\{1,2\}’" <<< "$text" | head -5 | grep .; then
  complain "curly quotes around a character literal"
fi
exit $status

#!/usr/bin/env bash
# Samples of one model from one context at several temperatures (Chapter
# "Sampling"), as the book shows them, and what the chapter says of them.
# The samples are DIR/rnn-tau-T.txt for each T of TEMPS, in rising order,
# the first being 0 (figures/sample-text.sh wrote them). A word is a run of
# two or more ASCII letters; it is known if, in lower case, it is a run of
# letters of the corpus (the files FILE...), as in figures/samples-tex.sh.
# Writes to stdout the figure's body, a heading and the sample for each
# temperature, and to DIR/rnn-tau-macros.tex the macro \TauKnown, which
# lists the share of the known words of each sample ("100\,\% at 0, ...").
# Fails, failing the build, if what the chapter says is not so: at
# temperature 0 the sample repeats itself (some 20 characters occur twice),
# and the share of known words is lower at the highest temperature than at
# 0 (between neighbouring temperatures, samples of 400 characters are too
# short to order the shares reliably).
# Usage: tau-tex.sh DIR "TEMPS" FILE... > DIR/rnn-tau.tex
set -eu
dir=$1 temps=$2
shift 2
words() { LC_ALL=C tr -c 'A-Za-z' '\n' | grep -E '^.{2,}$' | tr 'A-Z' 'a-z' || true; }
known=$(mktemp)
trap 'rm -f "$known"' EXIT
cat "$@" | words | sort -u > "$known"
set -- $temps
[ "$1" = 0 ] || { echo "tau-tex: the first temperature must be 0" >&2; exit 1; }
tr -d '\n\001' < "$dir/rnn-tau-0.txt" | awk '{
    for (i = 1; i + 19 <= length($0); i++)
      if (seen[substr($0, i, 20)]++) found = 1 }
  END { exit !found }' \
  || { echo "tau-tex: the sample at temperature 0 does not repeat" >&2; exit 1; }
list= prev= first=
for t in $temps; do
  f=$dir/rnn-tau-$t.txt
  all=$(words < "$f" | wc -l)
  hits=$(words < "$f" | LC_ALL=C grep -cxFf "$known" || true)
  p=$(awk -v a="$all" -v k="$hits" 'BEGIN { printf "%.0f", a ? 100 * k / a : 0 }')
  [ -n "$first" ] || first=$p
  prev=$p
  list="$list${list:+, }$p\\,\\% at $t"
  printf '\\par\\medskip\\noindent\\textbf{Temperature %s:}\n' "$t"
  printf '\\VerbatimInput[fontsize=\\small]{exp/rnn-tau-%s.txt}\n' "$t"
done
awk -v a="$first" -v b="$p" 'BEGIN { exit !(b < a) }' || {
  echo "tau-tex: the share of known words is not lower at the highest" \
       "temperature than at 0: $first% then $p%" >&2; exit 1; }
# "a, b, c" -> "a, b and c"
list=$(sed 's/\(.*\), /\1 and /' <<< "$list")
printf '\\newcommand{\\TauKnown}{%s}\n' "$list" > "$dir/rnn-tau-macros.tex"

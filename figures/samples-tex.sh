#!/usr/bin/env bash
# Samples of one training run at several steps, as the book shows them
# (Chapter "Training"), with what they can be measured by: the run's
# validation loss at the step, and how many of the words of the sample, as
# shown, are words of the text it learned from.
# A word is a run of two or more ASCII letters; it is known if, in lower
# case, it is a run of letters of the corpus (the files FILE...), ignoring
# case. Writes to stdout:
#   - for each step, a line that says what it is and the sample
#     (DIR/NAME-sample-STEP.txt, as figures/sample-text.sh writes it), for
#     \input into a figure;
# and to DIR/NAME-samples-macros.tex the LaTeX macros
#   \SamplesFirstStep, \SamplesLastStep, \SamplesFirstKnown,
#   \SamplesLastKnown (percent of the words known), \SamplesFirstVal,
#   \SamplesLastVal (the validation losses), \SamplesCount;
#   \<Name>SampleWords, \<Name>SampleKnown, \<Name>SampleKnownPct for the
#   run's final sample (DIR/NAME-sample.txt).
# Fails, failing the build, if the text's claim that the samples improve
# does not hold: the share of known words must be higher, and the
# validation loss lower, at the last step shown than at the first.
# Usage: samples-tex.sh DIR NAME "STEP..." FILE... > DIR/NAME-samples.tex
set -eu
dir=$1 name=$2 steps=$3
shift 3
Name=$(sed 's/^./\U&/' <<< "$name")
words() { LC_ALL=C tr -c 'A-Za-z' '\n' | grep -E '^.{2,}$' | tr 'A-Z' 'a-z' || true; }
known=$(mktemp)
trap 'rm -f "$known"' EXIT
cat "$@" | words | sort -u > "$known"
# count FILE: "words known" of the sample in FILE
count() {
  local all hits
  all=$(words < "$1" | wc -l)
  hits=$(words < "$1" | LC_ALL=C grep -cxFf "$known" || true)
  echo "$all $hits"
}
pct() { awk -v a="$1" -v k="$2" 'BEGIN { printf "%.0f", a ? 100 * k / a : 0 }'; }
val() {
  awk -F, -v s="$1" '$1 == s && $3 != "" { v = $3 } END {
    if (v == "") { print "samples-tex: no validation at step " s > "/dev/stderr"; exit 1 }
    printf "%.2f", v }' "$dir/$name.csv"
}
macros=$dir/$name-samples-macros.tex
n=0
for s in $steps; do
  read -r all hits <<< "$(count "$dir/$name-sample-$s.txt")"
  p=$(pct "$all" "$hits") v=$(val "$s")
  printf '\\par\\medskip\\noindent\\textbf{Step %s:} validation loss %s nats per character; %s of the %s words are words of the book (%s\\,\\%%).\n' \
    "$s" "$v" "$hits" "$all" "$p"
  printf '\\VerbatimInput[fontsize=\\small]{exp/%s-sample-%s.txt}\n' "$name" "$s"
  n=$((n + 1))
  [ $n = 1 ] && { first=$s fp=$p fv=$v; }
  last=$s lp=$p lv=$v
done
[ $n -ge 2 ] || { echo "samples-tex: fewer than two steps" >&2; exit 1; }
awk -v a="$fp" -v b="$lp" -v c="$fv" -v d="$lv" 'BEGIN { exit !(b > a && d < c) }' \
  || { echo "samples-tex: the samples do not improve: $fp% -> $lp% known, loss $fv -> $lv" >&2; exit 1; }
read -r all hits <<< "$(count "$dir/$name-sample.txt")"
{
  printf '\\newcommand{\\Samples%s}{%s}\n' Count "$n" FirstStep "$first" \
    LastStep "$last" FirstKnown "$fp" LastKnown "$lp" FirstVal "$fv" \
    LastVal "$lv"
  printf '\\newcommand{\\%s%s}{%s}\n' "$Name" SampleWords "$all" \
    "$Name" SampleKnown "$hits" "$Name" SampleKnownPct "$(pct "$all" "$hits")"
} > "$macros"

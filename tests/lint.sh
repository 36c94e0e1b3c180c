#!/usr/bin/env bash
# Lint the literate sources. Usage: tests/lint.sh "ROOT ..." FILE.nw ...
#  - the root chunks are exactly the expected ones (a misspelled chunk
#    definition silently becomes a new root);
#  - every root tangles without undefined chunks;
#  - code chunks are at most 25 lines, and code lines at most 80 columns;
#  - code, its comments included, holds no noweb quotes [[...]] and no
#    LaTeX cross-references: noweave prints code as typed, so they would
#    reach the book raw (chunk names, <<...>>, may use both);
#  - every file but the last ends with a line holding only '@'; the last
#    one ends the document (noweave -delay puts the indexes before it).
# With ROOTS_ONLY=1 in the environment, only the first two: that is how
# make lint checks Part I's chapters alone.
set -u
roots=$1; shift
status=0
complain() { echo "lint: $*" >&2; status=1; }

want=$(printf '%s\n' $roots | sort)
got=$(noroots "$@" | sed 's/^<<\(.*\)>>$/\1/' | sort)
[ "$want" = "$got" ] || complain "roots differ: expected [$(echo $want)], found [$(echo $got)]"

for r in $roots; do
  notangle -R"$r" "$@" > /dev/null 2> /tmp/lint.$$ || complain "notangle -R$r: $(cat /tmp/lint.$$)"
  [ -s /tmp/lint.$$ ] && complain "notangle -R$r: $(cat /tmp/lint.$$)"
done
rm -f /tmp/lint.$$
[ "${ROOTS_ONLY:-0}" = 1 ] && exit $status

awk '
  FNR == 1 { incode = 0 }
  function done_chunk() {
    if (incode && n > 25)
      printf "%s:%d: chunk %s has %d lines (at most 25)\n", FILENAME, start, name, n
  }
  /^<<.*>>=[ \t]*$/ { done_chunk(); incode = 1; start = FNR; name = $0; n = 0; next }
  /^@( |$)/ { done_chunk(); incode = 0; next }
  incode { n++
           line = $0; gsub(/<<([^>]|>[^>])*>>/, "", line)
           if (line ~ /\[\[|\\(ref|eqref|cite)\{|~\\/)
             printf "%s:%d: [[...]] or a LaTeX reference in code, which prints raw\n", FILENAME, FNR
           line = $0; gsub(/\t/, "        ", line)
           if (length(line) > 80 && line !~ /^[ \t]*<<.*>>[ \t]*$/)
             printf "%s:%d: code line of %d columns (at most 80)\n", FILENAME, FNR, length(line) }
' "$@" > /tmp/lint.$$
if [ -s /tmp/lint.$$ ]; then cat /tmp/lint.$$ >&2; status=1; fi
rm -f /tmp/lint.$$

last=${@: -1}
for f in "$@"; do
  end=$(grep -v '^[[:space:]]*$' "$f" | tail -n 1)
  if [ "$f" = "$last" ]; then
    [ "$end" = '\end{document}' ] || complain "$f (the last file) does not end with \\end{document}"
  else
    [ "$end" = "@" ] || complain "$f does not end with '@'"
  fi
done
exit $status

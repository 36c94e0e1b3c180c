#!/usr/bin/env bash
# Check that Part I stands alone: no code chunk of Part I uses a name that
# Part II defines.
# Usage: tests/part1.sh "PART1 FILES" "PART2 FILES" [OBJECTS...]
#  - the names Part II defines are its chapters' identifiers (their
#    "@ %def" lines) and the symbols that the objects of Part II's modules
#    and programs, given as OBJECTS, export; a name Part I also defines is
#    Part I's;
#  - the names Part I uses are the identifiers of its code chunks, comments
#    and strings removed;
#  - every name in both is reported with the chunk and line that use it.
# With --self-test, it checks that it rejects a Part I chapter that uses a
# name Part II defines.
set -u
if [ "${1:-}" = --self-test ]; then
    shift
    p1=($1) p2=($2); shift 2
    tmp=$(mktemp -d)
    trap 'rm -rf "$tmp"' EXIT
    copy=()
    for f in "${p1[@]}"; do cp "$f" "$tmp/$(basename "$f")"; copy+=("$tmp/$(basename "$f")"); done
    # a chunk of the first chapter after the master file calls Part II
    printf '%s\n' '<<sys functions>>=' 'static double misplaced(void) { return sys_now(); }' '@' \
        >> "${copy[1]}"
    if bash "$0" "${copy[*]}" "${p2[*]}" "$@" 2> "$tmp/out"; then
        echo "part1: the check accepted a Part I chunk that calls sys_now" >&2
        exit 1
    fi
    grep -q "sys_now" "$tmp/out" || { echo "part1: the rejection does not name sys_now" >&2; exit 1; }
    exit 0
fi
p1=($1) p2=($2); shift 2
objects=("$@")

# Names Part II defines: the symbols its objects export, and the names its
# chapters define ("@ %def") that the program's headers declare and Part I's
# alone do not (its types, macros and constants). A member that Part II adds
# to a structure of Part I is caught by compiling Part I alone, which
# make lint does too.
defs() { awk '/^@ %def /{ for (i = 3; i <= NF; i++) print $i }' "$@" | sort -u; }
words() { sed 's|/\*.*\*/||' "$@" | grep -v '^#line' | tr -c 'A-Za-z0-9_\n' '\n' \
            | grep '^[A-Za-z_]' | sort -u; }
comm -23 <(words build/*.h) <(words build/course/*.h) > /tmp/part1.$$.h2
{
    comm -12 <(defs "${p2[@]}") /tmp/part1.$$.h2
    for o in "${objects[@]}"; do nm -g --defined-only "$o" | awk '{print $3}'; done
} | sort -u > /tmp/part1.$$.p2
comm -23 /tmp/part1.$$.p2 <(defs "${p1[@]}") > /tmp/part1.$$.only2

# Identifiers used in Part I's code, with where they are used.
awk '
  FNR == 1 { incode = 0 }
  /^<<.*>>=[ \t]*$/ { incode = 1; chunk = $0; next }
  /^@( |$)/ { incode = 0; next }
  incode {
    line = $0
    gsub(/<<([^>]|>[^>])*>>/, "", line)      # uses of chunks
    gsub(/"([^"\\]|\\.)*"/, "", line)          # strings
    gsub(/\x27([^\x27\\]|\\.)*\x27/, "", line) # characters
    sub(/\/\/.*/, "", line)
    if (incomment) { if (line ~ /\*\//) { sub(/.*\*\//, "", line); incomment = 0 } else next }
    while (line ~ /\/\*/) {
      if (line ~ /\/\*.*\*\//) sub(/\/\*([^*]|\*[^\/])*\*\//, " ", line)
      else { sub(/\/\*.*/, "", line); incomment = 1 }
    }
    gsub(/(->|\.)[ \t]*[A-Za-z_][A-Za-z0-9_]*/, " ", line)   # members
    n = split(line, w, /[^A-Za-z0-9_]+/)
    for (i = 1; i <= n; i++)
      if (w[i] ~ /^[A-Za-z_]/) print w[i] "\t" FILENAME ":" FNR ": " chunk
  }
' "${p1[@]}" | sort -t "$(printf '\t')" -k1,1 > /tmp/part1.$$.uses

status=0
join -t "$(printf '\t')" <(sort -u /tmp/part1.$$.only2) /tmp/part1.$$.uses > /tmp/part1.$$.bad
if [ -s /tmp/part1.$$.bad ]; then
    awk -F'\t' '{ printf "part1: %s uses %s, which Part II defines\n", $2, $1 }' \
        /tmp/part1.$$.bad >&2
    status=1
fi
rm -f /tmp/part1.$$.*
exit $status

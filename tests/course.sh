#!/usr/bin/env bash
# The course program of Part I, from the outside: it trains and writes
# samples, and refuses what it cannot do with a message and a status.
# Usage: tests/course.sh ./rnn-course
set -u
prog=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
check() { if eval "$2"; then pass=$((pass + 1)); else fail=$((fail + 1)); echo "course: FAIL: $1" >&2; fi; }

"$prog" --help > "$tmp/help" 2>&1
check "--help prints the usage and succeeds" '[ $? = 0 ] && grep -q "^usage: rnn-course" "$tmp/help"'
"$prog" --data data/tiny.txt --hidden 16 --batch 4 --seq 10 --steps 20 --every 10 \
    > "$tmp/out" 2> "$tmp/err"
check "a short run succeeds" '[ $? = 0 ] && [ ! -s "$tmp/err" ]'
check "it reports steps 10 and 20" '[ "$(grep -c "^step [12]0  loss [0-9.]*  validation [0-9.]*$" "$tmp/out")" = 2 ]'
check "it writes samples" '[ "$(wc -l < "$tmp/out")" -gt 4 ]'
for bad in "--hidden 0x10" "--hidden 12.5" "--lr inf" "--layers 99" "--cell elman" "--frobnicate 1" "--steps"; do
    "$prog" --data data/tiny.txt $bad > /dev/null 2> "$tmp/err"
    check "$bad is a usage error" '[ $? = 2 ] && head -1 "$tmp/err" | grep -q "^rnn-course: "'
done
"$prog" --data "$tmp/none.txt" > /dev/null 2> "$tmp/err"
check "a missing file is an error" '[ $? = 1 ] && grep -q "^rnn-course: cannot open" "$tmp/err"'
printf 'ab' > "$tmp/short.txt"
"$prog" --data "$tmp/short.txt" > /dev/null 2> "$tmp/err"
check "a text too short is an error" '[ $? = 1 ] && grep -q "^rnn-course: " "$tmp/err"'
echo "course: $pass passed, $fail failed"
[ $fail = 0 ]

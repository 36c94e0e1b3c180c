#!/usr/bin/env bash
# Fail if a pdflatex log shows undefined references, overfull boxes or
# errors. Usage: tests/texlog.sh build/rnn.log
set -u
log=$1
status=0
if grep -n '^!' "$log"; then echo "texlog: LaTeX errors in $log" >&2; status=1; fi
if grep -n -i 'undefined' "$log" | grep -v -i 'undefined on input line 0'; then
  echo "texlog: undefined references in $log" >&2; status=1
fi
if grep -n -A2 'Overfull \\hbox' "$log"; then
  echo "texlog: overfull lines in $log" >&2; status=1
fi
exit $status

#!/usr/bin/env bash
# Name the machine a timed run is made on, as the LaTeX macro
# \<Name>Machine: the processor (the first "model name" of /proc/cpuinfo),
# its logical processors, the threads the run will use (OMP_NUM_THREADS,
# else one per logical processor, the program's default), and the load
# average of the last minute before the run starts, which says whether
# other work shared the machine. Run it just before the run.
# Usage: machine-tex.sh Name > DIR/name-machine.tex
set -eu
name=$1
cpu=$(sed -n 's/^model name[[:space:]]*: *//p' /proc/cpuinfo 2> /dev/null | head -n 1)
[ -n "$cpu" ] || cpu=$(uname -m)
cpus=$(getconf _NPROCESSORS_ONLN)
threads=${OMP_NUM_THREADS:-$cpus}
load=$(cut -d ' ' -f 1 /proc/loadavg 2> /dev/null || echo unknown)
# LaTeX's special characters do not occur in processor names, but a
# name with one must not break the book.
cpu=$(sed 's/[\\{}$&#^_%~]/ /g; s/  */ /g; s/ *$//' <<< "$cpu")
plural() { [ "$1" = 1 ] && echo "$1 $2" || echo "$1 $2s"; }
printf '\\newcommand{\\%sMachine}{%s of the processor %s, which has %s; the load average was %s when the run started}\n' \
  "$name" "$(plural "$threads" thread)" "$cpu" \
  "$(plural "$cpus" "logical processor")" "$load"

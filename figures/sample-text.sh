#!/usr/bin/env bash
# Print the last sample of an `rnn` run (its standard output on stdin) in a
# form safe for LaTeX's Verbatim environment: lines folded at 76 columns,
# tabs expanded, bytes outside printable ASCII shown as '?', at most 24 lines.
awk '/^-------- sample at step /{s=""; on=1; next}
     /^-------- end of sample --------$/{on=0; last=s; next}
     on{s = s $0 "\n"}
     END{printf "%s", last}' |
  expand | LC_ALL=C tr -c '\n\040-\176' '?' | fold -w 76 | head -n 24

# How often the gates of each unit are saturated (Chapter "What the network
# learned"): for each gate of the LSTM (i, f, o) and of the GRU (r, z), a
# point per unit at the fraction of the held-out steps at which the gate
# was below 0.1 (left-saturated) and above 0.9 (right-saturated), for the
# book's one-layer model and the two layers of the race's model on Tiny
# Shakespeare; from the files exp/saturation-<gate>-<model>.txt that
# figures/learned-tex.sh writes.
# Run from build/: gnuplot ../figures/saturation.gp
set terminal cairolatex pdf size 15cm,10cm
set output 'fig-saturation.tex'
set multiplot layout 2,3
set size square
set xrange [0:1]
set yrange [0:1]
set xtics 0.5 format '%g'
set ytics (0, 0.5, 1) format '%g'
set grid lc rgb '#dddddd'
set key off
set tmargin 1.5
set bmargin 2.5
do for [g in "i f o r z"] {
  name = g eq "i" ? 'LSTM, input gate' : g eq "f" ? 'LSTM, forget gate' \
       : g eq "o" ? 'LSTM, output gate' : g eq "r" ? 'GRU, reset gate' \
       : 'GRU, update gate'
  set title name offset 0,-0.6
  set xlabel 'below 0.1' offset 0,0.8
  set ylabel 'above 0.9' offset 1.2,0
  plot (1 - x) with lines dt 2 lc rgb '#aaaaaa' notitle, \
       'exp/saturation-'.g.'-book.txt' using 1:2 with points pt 6 ps 0.5 lc rgb '#1f77b4', \
       'exp/saturation-'.g.'-ts1.txt' using 1:2 with points pt 8 ps 0.5 lc rgb '#d62728', \
       'exp/saturation-'.g.'-ts2.txt' using 1:2 with points pt 4 ps 0.5 lc rgb '#2ca02c'
}
# The sixth panel is the key.
unset title
unset xlabel
unset ylabel
unset tics
unset border
unset grid
set key center center
set xrange [0:1]
set yrange [0:1]
plot NaN with points pt 6 ps 0.8 lc rgb '#1f77b4' title 'the book, one layer', \
     NaN with points pt 8 ps 0.8 lc rgb '#d62728' title 'Shakespeare, layer 1', \
     NaN with points pt 4 ps 0.8 lc rgb '#2ca02c' title 'Shakespeare, layer 2'
unset multiplot

# Validation loss against seconds for the three cells trained on Tiny
# Shakespeare at char-rnn's shape for the same time.
# Run from build/: gnuplot ../figures/race.gp
set terminal cairolatex pdf size 14cm,8cm
set output 'fig-race.tex'
set datafile separator ','
set key top right
set xlabel 'seconds'
set ylabel 'validation loss (nats per character)'
set grid lc rgb '#dddddd'
# The axis shows every point, the first ones (near ln V) included.
set yrange [*:*]
plot 'exp/ts-rnn.csv'  using 4:3 with linespoints lw 3 pt 7 ps 0.4 lc rgb '#1f77b4' title 'plain cell', \
     'exp/ts-lstm.csv' using 4:3 with linespoints lw 3 pt 5 ps 0.4 lc rgb '#d62728' title 'LSTM', \
     'exp/ts-gru.csv'  using 4:3 with linespoints lw 3 pt 9 ps 0.5 lc rgb '#2ca02c' title 'GRU'

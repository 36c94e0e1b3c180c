# Validation loss against step for the three cells trained with the same
# settings on the book's own source. Run from build/: gnuplot ../figures/compare.gp
set terminal cairolatex pdf size 14cm,8cm
set output 'fig-compare.tex'
set datafile separator ','
set key top right
set xlabel 'training step'
set ylabel 'validation loss (nats per character)'
set grid lc rgb '#dddddd'
# The axis shows every point, the first ones (near ln V) included.
set yrange [*:*]
plot 'exp/rnn.csv'  using 1:3 with linespoints lw 3 pt 7 ps 0.4 lc rgb '#1f77b4' title 'plain cell', \
     'exp/lstm.csv' using 1:3 with linespoints lw 3 pt 5 ps 0.4 lc rgb '#d62728' title 'LSTM', \
     'exp/gru.csv'  using 1:3 with linespoints lw 3 pt 9 ps 0.5 lc rgb '#2ca02c' title 'GRU'

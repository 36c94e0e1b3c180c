# How far back the gradient reaches: gamma(k) against the lag k for the
# three cells, from their --gradient-lags files (index 0: before training,
# index 1: after). Run from build/: gnuplot ../figures/lags.gp
set terminal cairolatex pdf size 14cm,8cm
set output 'fig-lags.tex'
set key top right
set xlabel 'lag $k$ (steps back)'
set ylabel '$\gamma(k)$'
set logscale y
set format y '$10^{%L}$'
set xrange [0:100]
set yrange [1e-5:1e2]
set grid lc rgb '#dddddd'
plot 'exp/rnn-lags.txt' index 0 using 1:2 with linespoints dt 2 lw 3 pt 7 ps 0.4 lc rgb '#7f7f7f' title 'plain cell, untrained', \
     ''                 index 1 using 1:2 with linespoints lw 3 pt 7 ps 0.4 lc rgb '#1f77b4' title 'plain cell', \
     'exp/lstm-lags.txt' index 1 using 1:2 with linespoints lw 3 pt 5 ps 0.4 lc rgb '#d62728' title 'LSTM, $h$', \
     ''                  index 1 using 1:3 with linespoints dt 3 lw 3 pt 5 ps 0.4 lc rgb '#d62728' title 'LSTM, $c$', \
     'exp/gru-lags.txt' index 1 using 1:2 with linespoints lw 3 pt 9 ps 0.5 lc rgb '#2ca02c' title 'GRU'

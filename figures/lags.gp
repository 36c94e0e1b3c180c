# How far back the gradient reaches: gamma(k) against the lag k for the
# three cells, untrained (top, with the LSTM started with its forget gate's
# bias at 1) and trained (bottom), from the blocks that
# figures/lags-tex.sh writes to exp/lags-plot.txt: the geometric mean of
# the measurements, with bars from the smallest to the largest.
# Run from build/: gnuplot ../figures/lags.gp
set terminal cairolatex pdf size 14cm,15cm
set output 'fig-lags.tex'
set multiplot layout 2,1
set key bottom left
set xlabel 'lag $k$ (steps back)'
set ylabel '$\gamma(k)$'
set logscale y
set format y '$10^{%L}$'
set xrange [0:102]
set yrange [1e-9:1e1]
set ytics 1e-8,100,1
set grid lc rgb '#dddddd'
set bars small
set title 'untrained'
plot 'exp/lags-plot.txt' index 0 using 1:2:3:4 with yerrorlines lw 2 pt 7 ps 0.4 lc rgb '#1f77b4' title 'plain cell', \
     ''                  index 2 using 1:2:3:4 with yerrorlines lw 2 pt 5 ps 0.4 lc rgb '#d62728' title 'LSTM, $h$', \
     ''                  index 2 using 1:5:6:7 with yerrorlines dt 3 lw 2 pt 5 ps 0.4 lc rgb '#d62728' title 'LSTM, $c$', \
     ''                  index 4 using 1:2:3:4 with yerrorlines lw 2 pt 9 ps 0.5 lc rgb '#2ca02c' title 'GRU', \
     ''                  index 6 using 1:5:6:7 with yerrorlines dt 3 lw 2 pt 4 ps 0.4 lc rgb '#9467bd' title 'LSTM, $c$, forget bias 1'
set title 'trained'
plot 'exp/lags-plot.txt' index 1 using 1:2:3:4 with yerrorlines lw 2 pt 7 ps 0.4 lc rgb '#1f77b4' title 'plain cell', \
     ''                  index 3 using 1:2:3:4 with yerrorlines lw 2 pt 5 ps 0.4 lc rgb '#d62728' title 'LSTM, $h$', \
     ''                  index 3 using 1:5:6:7 with yerrorlines dt 3 lw 2 pt 5 ps 0.4 lc rgb '#d62728' title 'LSTM, $c$', \
     ''                  index 5 using 1:2:3:4 with yerrorlines lw 2 pt 9 ps 0.5 lc rgb '#2ca02c' title 'GRU'
unset multiplot

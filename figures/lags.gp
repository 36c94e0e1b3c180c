# How far back the gradient reaches: gamma(k) against the lag k for the
# three cells, untrained (top, with the LSTM started with its forget gate's
# bias at 1) and trained (bottom), from the blocks that
# figures/lags-tex.sh writes to exp/lags-plot.txt: the geometric mean of
# the measurements, with bars from the smallest to the largest.
# Run from build/: gnuplot ../figures/lags.gp
set terminal cairolatex pdf size 14cm,17cm
set output 'fig-lags.tex'
# Each panel's y-axis reaches down to the decade below its smallest value
# (an untrained cell's gradient can fall below 1e-20 by lag 100); the
# legend stands beside the plots, where no curve runs under it.
floor10(x) = 10 ** floor(log10(x))
set multiplot layout 2,1
set key outside right top vertical
set xlabel 'lag $k$ (steps back)'
set ylabel '$\gamma(k)$'
set logscale y
set format y '$10^{%L}$'
set xrange [0:102]
set grid lc rgb '#dddddd'
set bars small
do for [panel = 0:1] {
  lo = 1
  do for [b = panel:5:2] {
    stats 'exp/lags-plot.txt' index b using 3 nooutput
    lo = STATS_min < lo ? STATS_min : lo
  }
  stats 'exp/lags-plot.txt' index panel + 2 using 6 nooutput
  lo = STATS_min < lo ? STATS_min : lo
  set yrange [floor10(lo):10]
  set title (panel == 0 ? 'untrained' : 'trained')
  plot 'exp/lags-plot.txt' index panel using 1:2:3:4 with yerrorlines lw 2 pt 7 ps 0.4 lc rgb '#1f77b4' title 'plain cell', \
       ''                  index panel + 2 using 1:2:3:4 with yerrorlines lw 2 pt 5 ps 0.4 lc rgb '#d62728' title 'LSTM, $h$', \
       ''                  index panel + 2 using 1:5:6:7 with yerrorlines dt 3 lw 2 pt 5 ps 0.4 lc rgb '#d62728' title 'LSTM, $c$', \
       ''                  index panel + 4 using 1:2:3:4 with yerrorlines lw 2 pt 9 ps 0.5 lc rgb '#2ca02c' title 'GRU'
}
unset multiplot

# How far back the plain cell's gradient reaches (Chapter "Why gates"):
# gamma(k) against the lag k, untrained and trained, from the first two
# blocks that figures/lags-tex.sh writes to exp/lags-plot.txt: the
# geometric mean of the measurements, with bars from the smallest to the
# largest. The y-axis reaches down to the decade below the smallest value.
# Run from build/: gnuplot ../figures/lags-rnn.gp
set terminal cairolatex pdf size 14cm,8.5cm
set output 'fig-lags-rnn.tex'
floor10(x) = 10 ** floor(log10(x))
stats 'exp/lags-plot.txt' index 0:1 using 3 nooutput
set key bottom left
set xlabel 'lag $k$ (steps back)'
set ylabel '$\gamma(k)$'
set logscale y
set format y '$10^{%L}$'
set xrange [0:102]
set yrange [floor10(STATS_min):10]
set grid lc rgb '#dddddd'
set bars small
plot 'exp/lags-plot.txt' index 0 using 1:2:3:4 with yerrorlines lw 2 pt 7 ps 0.4 lc rgb '#1f77b4' title 'untrained', \
     ''                  index 1 using 1:2:3:4 with yerrorlines dt 2 lw 2 pt 5 ps 0.4 lc rgb '#1f77b4' title 'trained'

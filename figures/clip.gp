# The gradient's norm at every step of the plain cell's run (Chapter
# "Training"): every step, the median of each bin of steps (from the bins
# that figures/log-tex.sh writes to exp/rnn-clip.txt), the clipping
# threshold, and the steps whose norm was above it, which were clipped.
# Run from build/: gnuplot ../figures/clip.gp
set terminal cairolatex pdf size 14cm,7.5cm
set output 'fig-clip.tex'
set datafile separator ','
set grid lc rgb '#dddddd'
set logscale y
set format y '$%g$'
set xlabel 'training step'
set ylabel 'gradient norm $\lVert g \rVert$'
set key top left horizontal
stats 'exp/rnn-clip.txt' using 7 nooutput
c = STATS_max
stats 'exp/rnn-clip.txt' using 2 nooutput
set xrange [0:STATS_max]
set yrange [*:12 * c]
plot 'exp/rnn.csv' using 1:6 every ::1 with lines lw 1 lc rgb '#9ecae1' title 'every step', \
     'exp/rnn-clip.txt' using 1:4 with steps lw 3 lc rgb '#1f77b4' title 'median of each bin', \
     ''                 using 1:7:($2 - $1 + 1):(0) with vectors nohead dt 2 lw 3 lc rgb '#d62728' title 'threshold $\kappa$', \
     'exp/rnn.csv' using 1:($6 > c ? $6 : 1/0) every ::1 with points pt 7 ps 0.6 lc rgb '#d62728' title 'clipped'

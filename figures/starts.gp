# Where training starts: the validation loss against the step for each
# starting point, the mean over the seeds (line) and the range from the
# lowest to the highest (band), from the files figures/starts-tex.sh
# writes (exp/starts-NAME.txt: step, mean, lowest, highest): the LSTM, the
# GRU and the plain cell at char-rnn's shape, the LSTM at the larger shape
# of the first ten-minute recipe. Run from build/
# as gnuplot ../figures/starts.gp
set terminal cairolatex pdf size 15cm,12cm
set output 'fig-starts.tex'
set multiplot layout 2,2
set key top right
set xlabel 'training step'
set ylabel 'validation loss (nats/char)'
set grid lc rgb '#dddddd'
set xtics 500
set style fill transparent solid 0.2 noborder
set title 'LSTM, char-rnn''s shape'
set yrange [1.6:2.4]
plot 'exp/starts-c-lstm-f1.txt' using 1:3:4 with filledcurves lc rgb '#d62728' notitle, \
     ''                         using 1:2 with lines lw 3 lc rgb '#d62728' title 'forget bias 1', \
     'exp/starts-c-lstm-f0.txt' using 1:3:4 with filledcurves lc rgb '#1f77b4' notitle, \
     ''                         using 1:2 with lines lw 3 lc rgb '#1f77b4' title 'forget bias 0', \
     'exp/starts-c-lstm-u.txt'  using 1:3:4 with filledcurves lc rgb '#2ca02c' notitle, \
     ''                         using 1:2 with lines lw 3 dt 2 lc rgb '#2ca02c' title 'uniform'
set title 'GRU, char-rnn''s shape'
plot 'exp/starts-c-gru-zero.txt' using 1:3:4 with filledcurves lc rgb '#1f77b4' notitle, \
     ''                          using 1:2 with lines lw 3 lc rgb '#1f77b4' title 'zero', \
     'exp/starts-c-gru-u.txt'    using 1:3:4 with filledcurves lc rgb '#2ca02c' notitle, \
     ''                          using 1:2 with lines lw 3 dt 2 lc rgb '#2ca02c' title 'uniform'
set title 'plain cell, char-rnn''s shape'
plot 'exp/starts-c-rnn-zero.txt' using 1:3:4 with filledcurves lc rgb '#1f77b4' notitle, \
     ''                          using 1:2 with lines lw 3 lc rgb '#1f77b4' title 'zero', \
     'exp/starts-c-rnn-u.txt'    using 1:3:4 with filledcurves lc rgb '#2ca02c' notitle, \
     ''                          using 1:2 with lines lw 3 dt 2 lc rgb '#2ca02c' title 'uniform'
set title 'LSTM, the larger shape (2 x 256, dropout 0.2)'
set xtics 1000
set yrange [1.4:2.2]
plot 'exp/starts-rd-lstm-f1.txt' using 1:3:4 with filledcurves lc rgb '#d62728' notitle, \
     ''                          using 1:2 with lines lw 3 lc rgb '#d62728' title 'forget bias 1', \
     'exp/starts-rd-lstm-f0.txt' using 1:3:4 with filledcurves lc rgb '#1f77b4' notitle, \
     ''                          using 1:2 with lines lw 3 lc rgb '#1f77b4' title 'forget bias 0'
unset multiplot

# Where training starts: the validation loss against the step for each
# starting point, the mean over the seeds (line) and the range from the
# lowest to the highest (band), from the files figures/starts-tex.sh
# writes (exp/starts-NAME.txt: step, mean, lowest, highest). Left: the
# LSTM; right: the GRU; top: char-rnn's shape; bottom: the recipes' shape
# with dropout 0.2. Run from build/: gnuplot ../figures/starts.gp
set terminal cairolatex pdf size 14cm,14cm
set output 'fig-starts.tex'
set multiplot layout 2,2
set key top right
set xlabel 'training step'
set ylabel 'validation loss (nats/char)'
set grid lc rgb '#dddddd'
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
set title 'LSTM, the recipes'' shape'
set yrange [1.4:2.2]
plot 'exp/starts-rd-lstm-f1.txt' using 1:3:4 with filledcurves lc rgb '#d62728' notitle, \
     ''                          using 1:2 with lines lw 3 lc rgb '#d62728' title 'forget bias 1', \
     'exp/starts-rd-lstm-f0.txt' using 1:3:4 with filledcurves lc rgb '#1f77b4' notitle, \
     ''                          using 1:2 with lines lw 3 lc rgb '#1f77b4' title 'forget bias 0', \
     'exp/starts-rd-lstm-u.txt'  using 1:3:4 with filledcurves lc rgb '#2ca02c' notitle, \
     ''                          using 1:2 with lines lw 3 dt 2 lc rgb '#2ca02c' title 'uniform'
set title 'GRU, the recipes'' shape'
plot 'exp/starts-rd-gru-zero.txt' using 1:3:4 with filledcurves lc rgb '#1f77b4' notitle, \
     ''                           using 1:2 with lines lw 3 lc rgb '#1f77b4' title 'zero', \
     'exp/starts-rd-gru-u.txt'    using 1:3:4 with filledcurves lc rgb '#2ca02c' notitle, \
     ''                           using 1:2 with lines lw 3 dt 2 lc rgb '#2ca02c' title 'uniform'
unset multiplot

# Training and validation loss of the plain RNN on the book's own source.
# Run from build/: gnuplot ../figures/loss.gp
set terminal cairolatex pdf size 14cm,7.5cm
set output 'fig-loss.tex'
set datafile separator ','
set key top right
set xlabel 'training step'
set ylabel 'loss (nats per character)'
set grid lc rgb '#dddddd'
set yrange [0:*]
plot 'exp/rnn.csv' using 1:2 with lines lw 3 lc rgb '#1f77b4' title 'training (moving average)', \
     ''            using 1:3 with linespoints lw 3 pt 7 ps 0.4 lc rgb '#d62728' title 'validation'

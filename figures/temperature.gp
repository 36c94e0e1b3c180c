# The distribution of the next token after a context at three
# temperatures (Chapter "Sampling"): the likeliest tokens and the rest,
# from the table that figures/temperature-tex.sh writes to
# exp/temperature-plot.txt (a label, then a probability per temperature,
# under a line of column titles that name the temperatures).
# Run from build/: gnuplot ../figures/temperature.gp
set terminal cairolatex pdf size 14cm,7cm
set output 'fig-temperature.tex'
set datafile separator "\t"
set style data histograms
set style histogram clustered gap 1
set style fill solid 0.8 border -1
set boxwidth 0.9
set grid ytics lc rgb '#dddddd'
set yrange [0:*]
set ylabel 'probability of the next token'
set key top center
set xtics scale 0
set key autotitle columnheader
plot 'exp/temperature-plot.txt' using 2:xticlabels(1) lc rgb '#1f77b4', \
     ''                         using 3 lc rgb '#2ca02c', \
     ''                         using 4 lc rgb '#d62728'

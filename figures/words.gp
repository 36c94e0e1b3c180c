# Held-out loss per character of the LSTM of characters and of the LSTM of
# words (Chapter "Tokens"), from the two blocks that figures/words-tex.sh
# writes to exp/words-plot.txt (step, bits per character).
# Run from build/: gnuplot ../figures/words.gp
set terminal cairolatex pdf size 14cm,7.5cm
set output 'fig-words.tex'
set key top right
set xlabel 'training step'
set ylabel 'held-out loss (bits per character)'
set grid lc rgb '#dddddd'
plot 'exp/words-plot.txt' index 0 using 1:2 with linespoints lw 3 pt 7 ps 0.4 lc rgb '#d62728' title 'characters', \
     ''                   index 1 using 1:2 with linespoints lw 3 pt 5 ps 0.5 lc rgb '#9467bd' title 'words'

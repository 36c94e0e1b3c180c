# Error of numerical gradients against the step size delta (see chapter
# "Checking gradients"). Run from build/: gnuplot ../figures/gradcheck-step.gp
set terminal cairolatex pdf size 14cm,7.5cm
set output 'fig-gradcheck-step.tex'
set logscale xy
set format x '$10^{%T}$'
set format y '$10^{%T}$'
set key top center
set xlabel 'step size $\delta$'
set ylabel 'largest relative error'
set grid lc rgb '#dddddd'
plot 'exp/gradcheck-step.txt' using 1:2 with linespoints lw 3 pt 7 ps 0.5 lc rgb '#1f77b4' title 'central difference', \
     ''                       using 1:3 with linespoints lw 3 pt 5 ps 0.5 lc rgb '#d62728' title 'five-point formula'

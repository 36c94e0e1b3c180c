# rnn: a literate recurrent network in C.
# Every C file is tangled from the noweb sources in $(NW); see README.md.

SHELL := /bin/bash
.SHELLFLAGS := -o pipefail -ec
.DELETE_ON_ERROR:
.SUFFIXES:

# The chapters, in the order the book presents them. Part I, the model,
# is the master file (the introduction and the tests' skeleton) and the
# chapters from the numbers to the three cells compared: by themselves they
# tangle into a complete program, rnn-course, and its tests (make course,
# make check-course). Part II, the engineering, adds the program rnn; then
# an appendix, the bibliography and the indexes.
PART1 := rnn.nw \
      chapters/05-numbers.nw \
      chapters/10-rnn-cell.nw \
      chapters/15-softmax.nw \
      chapters/18-tokens.nw \
      chapters/20-data.nw \
      chapters/25-bptt.nw \
      chapters/30-gradcheck.nw \
      chapters/35-learning.nw \
      chapters/36-learning-exercises.nw \
      chapters/40-sampling.nw \
      chapters/45-training.nw \
      chapters/50-gates.nw \
      chapters/55-lstm.nw \
      chapters/60-gru.nw \
      chapters/65-stacking.nw \
      chapters/75-comparison.nw \
      chapters/76-learned.nw
PART2 := chapters/77-system.nw \
      chapters/79-settings.nw \
      chapters/80-checkpoints.nw \
      chapters/82-exchange.nw \
      chapters/85-commands.nw \
      chapters/86-plots.nw \
      chapters/87-machines.nw \
      chapters/90-speed.nw \
      chapters/93-recipes.nw \
      chapters/95-measure.nw \
      chapters/96-inside.nw \
      chapters/99-indexes.nw
NW := $(PART1) $(PART2)

# The library's modules, from the bottom layer up: a module calls only
# modules before it in this list (`make lint` checks it from the objects),
# and each part of the book presents its modules in this order. Each is a
# header and a C file.
MODULES := sys mat rng cell loss tokens corpus model optim sample train lags \
           setting crc ckpt exchange plot machines kernel fast
# Root chunks: every file the sources define. `make lint` insists on exactly these.
ROOTS := $(foreach m,$(MODULES),$(m).h $(m).c) main.c course.c check_rnn.c \
         speed.c \
         measure.c machines-mpi.c sample.py
SRC := $(addprefix build/,$(ROOTS))
HEADERS := $(MODULES:%=build/%.h)
LIB := $(MODULES:%=build/%.o)
LIB_D := $(MODULES:%=build/d/%.o)

# The module kernel is compiled once for each instruction set of the
# processor family, with its own flags (the first is the best); the program
# picks one when it starts. The flags name the instruction set in full and
# tune for no processor in particular, so that every kernel fuses each
# multiply-add (some tunings leave chains of them unfused) and the FMA
# kernels compute the same numbers. The last on x86-64 is a stand-in for
# the tests: AVX-512's shape in AVX2's instructions (Chapter "Speed").
MACHINE := $(shell $(CC) -dumpmachine)
ifneq (,$(findstring x86_64,$(MACHINE)))
KERNELS := avx512 avx2 generic avx512_on_avx2
else ifneq (,$(findstring aarch64,$(MACHINE)))
KERNELS := neon
else
KERNELS := generic
endif
KFLAGS_avx512 := -march=x86-64-v4 -mtune=generic -mprefer-vector-width=512
KFLAGS_avx2 := -march=x86-64-v3 -mtune=generic
KFLAGS_avx512_on_avx2 := $(KFLAGS_avx2) -DAVX512_ON_AVX2
KFLAGS_generic := $(if $(findstring x86_64,$(MACHINE)),-march=x86-64 -mtune=generic)
KFLAGS_neon := -march=armv8-a -mtune=generic

VERSION := 0.5.0
CC := gcc
# The flags the program needs, whatever CFLAGS says: the language and its
# warnings, the threads, and the arithmetic that its results are defined by
# (fused multiply-adds, no errno from the maths library, and no traps from
# floating point, which lets GCC vectorise the cells' loops without AVX-512's
# masked instructions: their divisions may then be computed for lanes that
# take the other branch of a choice; the results are the same).
REQUIRED := -std=c11 -Wall -Wextra -Wpedantic -Werror -ffp-contract=fast \
            -fno-trapping-math \
            -fno-math-errno -fopenmp
ARCH ?=
OPT ?= -O2 -fvect-cost-model=dynamic
CFLAGS ?= $(OPT) $(ARCH)
ALL_CFLAGS = $(REQUIRED) $(CFLAGS) -Ibuild
WARN := -std=c11 -Wall -Wextra -Wpedantic -Werror
LDLIBS := -lm
CHECK_FLAGS = $(shell pkg-config --cflags --libs check)

# Debian packages for the program, the tests and the book; only rnn-mpi and
# its tests (make check-mpi) need MPI (Chapter "Many machines"). The tests
# run the book's NumPy sampler (build/sample.py) with Debian's python3.
MPI_DEBS := openmpi-bin libopenmpi-dev
DEBS := make gcc libc6-dev noweb check pkg-config tmux time python3-numpy \
        texlive-latex-base texlive-latex-recommended lmodern gnuplot-nox \
        texlive-pictures poppler-utils $(MPI_DEBS)

.PHONY: all tangle course check-course print-part2 check pdf lint clean deps \
        install install-doc uninstall readme-figure bench bench-blas \
        bench-onednn parity bench-deps results check-arm64 deps-arm64 check-mpi
all: tangle

# ---------------------------------------------------------------- program
tangle: rnn

build/tangle.stamp: $(NW)
	@mkdir -p build
	for r in $(ROOTS); do \
	  notangle -L -R$$r $(NW) | cpif build/$$r; chmod 644 build/$$r; \
	done
	touch $@
$(SRC): build/tangle.stamp ;

# The default corpus is the book's own source, compiled into the binary.
build/book.c: $(NW)
	@mkdir -p build
	{ echo 'const unsigned char rnn_corpus[] = {'; \
	  cat $(NW) | od -An -v -tu1 | sed 's/^ *//; s/  */,/g; s/$$/,/'; \
	  echo '0};'; \
	  echo 'const unsigned long rnn_corpus_size = sizeof rnn_corpus - 1;'; \
	} > $@

build/%.o: build/%.c $(HEADERS)
	$(CC) $(ALL_CFLAGS) -c -o $@ $<
build/main.o: build/main.c $(HEADERS) Makefile
	$(CC) $(ALL_CFLAGS) -DRNN_VERSION='"$(VERSION)"' -c -o $@ $<
build/d/%.o: build/%.c $(HEADERS)
	@mkdir -p build/d
	$(CC) $(ALL_CFLAGS) -DRNN_DOUBLE -c -o $@ $<
build/kernel-%.o: build/kernel.c $(HEADERS)
	$(CC) $(ALL_CFLAGS) $(KFLAGS_$*) -DKERNEL_TABLE=kernel_$* -c -o $@ $<
build/d/kernel-%.o: build/kernel.c $(HEADERS)
	@mkdir -p build/d
	$(CC) $(ALL_CFLAGS) $(KFLAGS_$*) -DKERNEL_TABLE=kernel_$* -DRNN_DOUBLE \
	  -c -o $@ $<
build/kernel.o: $(KERNELS:%=build/kernel-%.o)
	ld -r -o $@ $^
build/d/kernel.o: $(KERNELS:%=build/d/kernel-%.o)
	ld -r -o $@ $^

rnn: build/main.o $(LIB) build/book.o
	$(CC) $(ALL_CFLAGS) -o $@ $^ $(LDLIBS)

# The same program on several processes, with MPI (Chapter "Many
# machines"): the module machines compiled from its MPI version, with
# mpicc; nothing else needs MPI. `make MPI=1` builds it with the rest.
MPICC ?= mpicc
build/mpi/machines.o: build/machines-mpi.c $(HEADERS)
	@mkdir -p build/mpi
	$(MPICC) $(ALL_CFLAGS) -c -o $@ $<
rnn-mpi: build/main.o $(filter-out build/machines.o,$(LIB)) \
         build/mpi/machines.o build/book.o
	$(MPICC) $(ALL_CFLAGS) -o $@ $^ $(LDLIBS)
ifeq ($(MPI),1)
tangle: rnn-mpi
endif

# ---------------------------------------------------------------- Part I
# Part I alone: its chapters tangled by themselves into build/course, the
# program rnn-course (the readable code, plain loops) and its tests, the
# gradient checks of every cell among them. Nothing here reads a chapter of
# Part II, so these targets work in a clone without them.
COURSE := build/course
COURSE_MODULES := sys mat rng cell loss tokens corpus model optim sample \
                  train lags
COURSE_ROOTS := $(foreach m,$(COURSE_MODULES),$(m).h $(m).c) course.c \
                check_rnn.c
COURSE_C := $(COURSE_MODULES:%=$(COURSE)/%.c)
COURSE_CFLAGS = $(REQUIRED) $(CFLAGS) -I$(COURSE)
$(COURSE)/tangle.stamp: $(PART1)
	@mkdir -p $(COURSE)
	for r in $(COURSE_ROOTS); do \
	  notangle -L -R$$r $(PART1) | cpif $(COURSE)/$$r; \
	  chmod 644 $(COURSE)/$$r; \
	done
	touch $@
course: rnn-course
rnn-course: $(COURSE)/tangle.stamp
	$(CC) $(COURSE_CFLAGS) -o $@ $(COURSE)/course.c $(COURSE_C) $(LDLIBS)
$(COURSE)/check_rnn: $(COURSE)/tangle.stamp
	$(CC) $(COURSE_CFLAGS) -o $@ $(COURSE)/check_rnn.c $(COURSE_C) \
	  $(CHECK_FLAGS) $(LDLIBS)
$(COURSE)/check_rnn_d: $(COURSE)/tangle.stamp
	$(CC) $(COURSE_CFLAGS) -DRNN_DOUBLE -o $@ $(COURSE)/check_rnn.c \
	  $(COURSE_C) $(CHECK_FLAGS) $(LDLIBS)
print-part2:
	@echo $(PART2)
check-course: $(COURSE)/check_rnn_d $(COURSE)/check_rnn rnn-course
	$(COURSE)/check_rnn_d
	$(COURSE)/check_rnn
	bash tests/course.sh ./rnn-course

# ---------------------------------------------------------------- tests
# The unit tests run twice: in single precision, as the program runs,
# and in double precision, where the gradient checks are registered.
build/check_rnn: build/check_rnn.c $(LIB) $(HEADERS)
	$(CC) $(ALL_CFLAGS) -o $@ $< $(LIB) $(CHECK_FLAGS) $(LDLIBS)
build/check_rnn_d: build/check_rnn.c $(LIB_D) $(HEADERS)
	$(CC) $(ALL_CFLAGS) -DRNN_DOUBLE -o $@ $< $(LIB_D) \
	  $(CHECK_FLAGS) $(LDLIBS)

# The single-precision tests run once more under AddressSanitizer and
# UndefinedBehaviorSanitizer; among them is the loader fuzz test. The
# arithmetic is the program's: fused multiply-adds, which GCC forms from
# -ffp-contract=fast at -O2 and not at -O1, or rows computed apart would
# round differently from rows computed in the vector kernel, and a
# thread's share of the streams would change the results.
SANITIZE := -O2 -g -fsanitize=address,undefined,float-cast-overflow \
            -fno-sanitize-recover=all -fno-omit-frame-pointer
ASAN_OBJ := $(patsubst %,build/asan/%.o,$(filter-out kernel,$(MODULES))) \
            $(KERNELS:%=build/asan/kernel-%.o)
build/asan/%.o: build/%.c $(HEADERS)
	@mkdir -p build/asan
	$(CC) $(REQUIRED) $(SANITIZE) $(ARCH) -Ibuild -c -o $@ $<
build/asan/kernel-%.o: build/kernel.c $(HEADERS)
	@mkdir -p build/asan
	$(CC) $(REQUIRED) $(SANITIZE) $(ARCH) $(KFLAGS_$*) \
	  -DKERNEL_TABLE=kernel_$* -Ibuild -c -o $@ $<
build/check_rnn_asan: build/check_rnn.c $(ASAN_OBJ) $(HEADERS)
	$(CC) $(REQUIRED) $(SANITIZE) $(ARCH) -Ibuild -o $@ build/check_rnn.c \
	  $(ASAN_OBJ) $(CHECK_FLAGS) $(LDLIBS)

# The program itself under the same sanitizers, with LeakSanitizer on:
# the command-line tests run it again for every case that must fail, so
# that every error path of every command is seen to free what it took.
build/asan/main.o: build/main.c $(HEADERS) Makefile
	@mkdir -p build/asan
	$(CC) $(REQUIRED) $(SANITIZE) $(ARCH) -Ibuild \
	  -DRNN_VERSION='"$(VERSION)"' -c -o $@ $<
build/rnn-asan: build/asan/main.o $(ASAN_OBJ) build/book.o
	$(CC) $(REQUIRED) $(SANITIZE) $(ARCH) -o $@ $^ $(LDLIBS)

check: build/check_rnn_d build/check_rnn build/check_rnn_asan rnn build/speed \
       build/rnn-asan
	for k in $$(build/check_rnn kernels); do \
	  echo "kernel $$k:"; \
	  RNN_KERNEL=$$k build/check_rnn_d; \
	  RNN_KERNEL=$$k build/check_rnn; \
	  RNN_KERNEL=$$k CK_FORK=no build/check_rnn_asan; \
	done
	OMP_NUM_THREADS=1 build/check_rnn
	RNN_SANITIZED=build/rnn-asan bash tests/cli.sh ./rnn

# ---------------------------------------------------------------- aarch64
# The unit tests built for aarch64 with Debian's cross compiler and run
# under QEMU's user-mode emulation: the NEON kernel and everything else on
# a processor of another family (make check-arm64; .ci/run installs
# gcc-aarch64-linux-gnu, qemu-user and Check for arm64). The tests run in
# one process (CK_FORK=no) on one thread (OMP_NUM_THREADS=1): under the
# QEMU of Debian 12 (7.2) on the machines this was written on, a forked
# process, and even a plain program that starts one thread, never ran on.
# The threads' sharing of the work is the same code on every processor and
# is tested natively.
ARM_CC := aarch64-linux-gnu-gcc
ARM := build/arm64
ARM_CHECK = $(shell PKG_CONFIG_LIBDIR=/usr/lib/aarch64-linux-gnu/pkgconfig \
              pkg-config --cflags --libs check)
ARM_SRC := $(filter-out build/kernel.c,$(MODULES:%=build/%.c))
$(ARM)/check_rnn $(ARM)/check_rnn_d: $(ARM)/check_%: build/check_rnn.c \
    $(ARM_SRC) build/kernel.c $(HEADERS)
	@mkdir -p $(ARM)
	$(ARM_CC) $(REQUIRED) $(OPT) -Ibuild $(if $(findstring _d,$*),-DRNN_DOUBLE) \
	  $(KFLAGS_neon) -DKERNEL_TABLE=kernel_neon -o $@ build/check_rnn.c \
	  $(ARM_SRC) build/kernel.c $(ARM_CHECK) $(LDLIBS)
ARM_RUN := CK_FORK=no OMP_NUM_THREADS=1 \
           QEMU_LD_PREFIX=/usr/aarch64-linux-gnu qemu-aarch64
check-arm64: $(ARM)/check_rnn_d $(ARM)/check_rnn
	$(ARM_RUN) $(ARM)/check_rnn_d
	$(ARM_RUN) $(ARM)/check_rnn

# Training on 1, 2 and 3 processes of one machine, compared.
check-mpi: rnn rnn-mpi
	bash tests/mpi.sh ./rnn ./rnn-mpi

# ---------------------------------------------------------------- book
# Every number and figure in the book comes from runs made here.
EXP := build/exp
CELLS := rnn lstm gru
# Each cell is trained with the defaults on the book's own source, after
# noting the machine it runs on. The plain cell's run (Chapter "Training")
# also logs every step, for its gradient's norm, and samples every 100
# steps, to show its samples improve.
RUN_rnn := --print-every 1 --sample-every 100
$(CELLS:%=$(EXP)/%.out): $(EXP)/%.out: rnn figures/machine-tex.sh
	@mkdir -p $(EXP)
	bash figures/machine-tex.sh $$(sed 's/^./\U&/' <<< $*) \
	  > $(EXP)/$*-machine.tex
	./rnn --cell $* --val-every 100 --sample-every 0 --sample-length 1000 \
	  $(RUN_$*) --log $(EXP)/$*.csv --gradient-lags $(EXP)/$*-lags.txt \
	  --save $(EXP)/$*.ckpt > $@
$(EXP)/%.csv: $(EXP)/%.out ;
$(EXP)/%-lags.txt: $(EXP)/%.out ;
$(EXP)/%-machine.tex: $(EXP)/%.out ;
$(EXP)/%-sample.txt: $(EXP)/%.out figures/sample-text.sh
	bash figures/sample-text.sh < $< > $@
$(EXP)/%-summary.tex: $(EXP)/%.out figures/summary-tex.sh
	bash figures/summary-tex.sh $$(sed 's/^./\U&/' <<< $*) < $< > $@
$(EXP)/lags.tex: $(CELLS:%=$(EXP)/%-reach.txt) $(EXP)/lstm1-reach.txt \
                 figures/lags-tex.sh figures/lags-claims.sh
	bash figures/lags-tex.sh $(EXP) > $@
$(EXP)/lags-plot.txt: $(EXP)/lags.tex ;

# Where the held-out text of the runs begins.
$(EXP)/heldout.tex: $(EXP)/rnn.out figures/heldout-tex.sh $(NW)
	bash figures/heldout-tex.sh $< $(NW) > $@

# The plain cell's samples at some of its steps, and what they say.
SAMPLE_STEPS := 100 300 1000 3000
$(EXP)/rnn-sample-%.txt: $(EXP)/rnn.out figures/sample-text.sh
	bash figures/sample-text.sh $* 6 < $< > $@
$(EXP)/rnn-samples.tex: $(SAMPLE_STEPS:%=$(EXP)/rnn-sample-%.txt) \
                        $(EXP)/rnn-sample.txt figures/samples-tex.sh $(NW)
	bash figures/samples-tex.sh $(EXP) rnn "$(SAMPLE_STEPS)" $(NW) > $@
$(EXP)/rnn-samples-macros.tex: $(EXP)/rnn-samples.tex ;
# What its log shows: its losses, its gradient's norm, and how often it was
# clipped at the threshold that its checkpoint records.
$(EXP)/rnn-log.tex: $(EXP)/rnn.out figures/log-tex.sh
	bash figures/log-tex.sh $(EXP) rnn \
	  $$(./rnn dump --model $(EXP)/rnn.ckpt | awk '$$2 == "clip" {print $$3}') \
	  > $@
$(EXP)/rnn-clip.txt: $(EXP)/rnn-log.tex ;

# Temperature (Chapter "Sampling"): what the plain cell predicts after a
# context, at three temperatures, and its samples from the same context at
# four.
space := $(subst x, ,x)
TEMP_CONTEXT := The loss of the$(space)
TEMPS := 0.5 1 2
SAMPLE_TEMPS := 0 0.5 1 1.5
$(EXP)/temperature.txt: $(EXP)/rnn.out build/measure
	build/measure next $(EXP)/rnn.ckpt "$(TEMP_CONTEXT)" $(TEMPS) > $@
$(EXP)/temperature.tex: $(EXP)/temperature.txt figures/temperature-tex.sh
	bash figures/temperature-tex.sh $(EXP) "$(TEMP_CONTEXT)" "$(TEMPS)" \
	  > $@
$(EXP)/temperature-plot.txt: $(EXP)/temperature.tex ;
$(EXP)/rnn-tau-%.txt: $(EXP)/rnn.out figures/sample-text.sh
	./rnn sample --model $(EXP)/rnn.ckpt --prime "$(TEMP_CONTEXT)" \
	  --temperature $* --length 400 --seed 2 \
	  | bash figures/sample-text.sh all 5 > $@
# What the chapter says of them (that at temperature 0 the model repeats
# itself, and that the samples hold fewer words of the book as the
# temperature rises) is checked by the script that shows them.
$(EXP)/rnn-tau.tex: $(SAMPLE_TEMPS:%=$(EXP)/rnn-tau-%.txt) figures/tau-tex.sh \
                    $(NW)
	bash figures/tau-tex.sh $(EXP) "$(SAMPLE_TEMPS)" $(NW) > $@
$(EXP)/rnn-tau-macros.tex: $(EXP)/rnn-tau.tex ;

# A model of words beside the LSTM of characters (Chapter "Tokens"): the
# same settings but for the tokens, and fewer steps; both measured per
# character on their held-out text.
WORD_STEPS := 1500
$(EXP)/word.out: rnn figures/machine-tex.sh
	@mkdir -p $(EXP)
	bash figures/machine-tex.sh Word > $(EXP)/word-machine.tex
	./rnn --tokens word --steps $(WORD_STEPS) --val-every 100 \
	  --sample-every 0 --sample-length 300 --log $(EXP)/word.csv \
	  --save $(EXP)/word.ckpt > $@
$(EXP)/%-heldout.txt: $(EXP)/%.out build/measure
	build/measure heldout $(EXP)/$*.ckpt > $@
$(EXP)/words.tex: $(EXP)/word-heldout.txt $(EXP)/lstm-heldout.txt \
                  figures/words-tex.sh
	bash figures/words-tex.sh $(EXP) > $@
$(EXP)/words-plot.txt: $(EXP)/words.tex ;

# How far back the gradient of the trained models, and of untrained ones,
# reaches: REACH_SEEDS measurements each (Chapters "Why gates" and "Three
# cells compared"), made by the program of the appendix, which also
# measures the next token's distribution and the held-out loss per
# character.
REACH_SEEDS := 3
build/measure: build/measure.o $(LIB) build/book.o
	$(CC) $(ALL_CFLAGS) -o $@ $^ $(LDLIBS)
$(EXP)/%-reach.txt: $(EXP)/%.out build/measure
	build/measure reach $(EXP)/$*.ckpt $(REACH_SEEDS) > $@
# The untrained LSTM started with its forget gate's bias at 1, beside the
# program's start: a run of one step, whose checkpoint gives measure reach
# the shape and the start.
$(EXP)/lstm1.out: rnn
	@mkdir -p $(EXP)
	./rnn --cell lstm --forget-bias 1 --steps 1 --val-every 0 \
	  --sample-length 0 --save $(EXP)/lstm1.ckpt > $@

# The three cells on Tiny Shakespeare at char-rnn's shape, for the same
# time each: a fair race by the clock (Chapter "Three cells compared").
# The longer runs the book quotes are in results/ (make results).
TS := data/tinyshakespeare.txt
TS_TIME := 60s
$(CELLS:%=$(EXP)/ts-%.out): $(EXP)/ts-%.out: rnn $(TS) figures/machine-tex.sh
	@mkdir -p $(EXP)
	bash figures/machine-tex.sh Ts$$(sed 's/^./\U&/' <<< $*) \
	  > $(EXP)/ts-$*-machine.tex
	./rnn --data $(TS) --cell $* --layers 2 --hidden 128 --batch 50 \
	  --seq 50 --time $(TS_TIME) --val-every 50 --sample-length 0 \
	  --log $(EXP)/ts-$*.csv --save $(EXP)/ts-$*.ckpt > $@
$(EXP)/ts-%.csv: $(EXP)/ts-%.out ;
# The time each was given, in seconds, for the text (the runs' own times,
# a few hundredths more, are in their summaries).
$(EXP)/ts-summary.tex: $(CELLS:%=$(EXP)/ts-%.out) figures/summary-tex.sh
	{ for c in $(CELLS); do \
	    bash figures/summary-tex.sh Ts$$(sed 's/^./\U&/' <<< $$c) \
	      < $(EXP)/ts-$$c.out; cat $(EXP)/ts-$$c-machine.tex; \
	  done; \
	  awk -v t=$(TS_TIME) 'BEGIN { u = substr(t, length(t)); \
	    printf "\\newcommand{\\TsSeconds}{%d}\n", \
	      t * (u == "h" ? 3600 : u == "m" ? 60 : 1) }'; \
	} > $@
RESULTS := recipes cells pytorch search
$(EXP)/results.tex: $(RESULTS:%=results/%.txt) figures/results-tex.sh \
    figures/spell.awk figures/results-claims.sh
	@mkdir -p $(EXP)
	bash figures/results-claims.sh >&2
	for r in $(RESULTS); do \
	  bash figures/results-tex.sh $$(sed 's/^./\U&/' <<< $$r) \
	    < results/$$r.txt; \
	done > $@

# What the models learned (Chapter "What the network learned"): the book's
# three models and the race's two-layer gated models looked inside, and
# n-gram models of orders 1 to 5 on the book's split, by the program of
# the appendix; figures/learned-tex.sh turns it all into the chapter's
# numbers, sentences, passages and plots, and checks its claims.
$(CELLS:%=$(EXP)/%-inside.txt): $(EXP)/%-inside.txt: $(EXP)/%.out \
                                                  build/measure
	build/measure inside $(EXP)/$*.ckpt > $@
TS_GATED := lstm gru
$(TS_GATED:%=$(EXP)/ts-%-inside.txt): $(EXP)/ts-%-inside.txt: \
    $(EXP)/ts-%.out build/measure $(TS)
	build/measure inside $(EXP)/ts-$*.ckpt $(TS) > $@
$(EXP)/ngram.txt: $(EXP)/lstm.out build/measure
	build/measure ngram $(EXP)/lstm.ckpt 5 > $@
LEARNED := brace math string column code loss
$(EXP)/learned.tex: $(CELLS:%=$(EXP)/%-inside.txt) \
    $(TS_GATED:%=$(EXP)/ts-%-inside.txt) $(EXP)/ngram.txt \
    figures/learned-tex.sh figures/learned-claims.sh
	bash figures/learned-tex.sh $(EXP) > $@
$(LEARNED:%=$(EXP)/learned-%.tex): $(EXP)/learned.tex ;

# Where training starts (Chapters "Learning", "Long short-term memory" and
# "Three cells compared"): the runs of bench/starts.sh in results/starts.txt
# (make results), their macros and the figure's data, and the check of
# what the book says of them.
$(EXP)/starts.tex: results/starts.txt figures/starts-tex.sh \
    figures/spell.awk figures/starts-claims.sh
	@mkdir -p $(EXP)
	bash figures/starts-claims.sh results/starts.txt
	bash figures/starts-tex.sh $(EXP) < results/starts.txt > $@
# rnn against PyTorch's own start, step for step (bench/versus.sh), and
# the check that rnn is no worse.
$(EXP)/versus.tex: results/versus.txt figures/versus-tex.sh
	@mkdir -p $(EXP)
	bash figures/versus-tex.sh < $< > $@

# The fast kernels against the reference ones, on one thread, and the
# machine they ran on.
build/speed: build/speed.c $(LIB) $(HEADERS)
	$(CC) $(ALL_CFLAGS) -o $@ $< $(LIB) $(LDLIBS)
$(EXP)/speed.tex: build/speed figures/machine-tex.sh
	@mkdir -p $(EXP)
	{ OMP_NUM_THREADS=1 bash figures/machine-tex.sh Speed; build/speed; } > $@

# The measurements of training on several processes, which bench/machines.sh
# made (the book's build needs no MPI), and the predictions drawn from them.
$(EXP)/machines.tex: bench/machines.txt figures/machines-tex.sh
	@mkdir -p $(EXP)
	bash figures/machines-tex.sh $< > $@

# What the default model with 100,000 hidden units would need, as the
# program says when it refuses it (Chapter "Settings"): under an address
# space limit of 4 GB, far below its need, it must refuse, and its figure
# must be the book's own count.
$(EXP)/memory.tex: rnn figures/memory-tex.sh
	@mkdir -p $(EXP)
	bash figures/memory-tex.sh ./rnn $(EXP) > $@

# The gradient checks, rerun to record their errors.
$(EXP)/gradcheck.tex: build/check_rnn_d
	@mkdir -p $(EXP)
	rm -f $@
	GRADCHECK_REPORT=$@ GRADCHECK_SWEEP=$(EXP)/gradcheck-step.txt \
	  CK_VERBOSITY=silent build/check_rnn_d
$(EXP)/gradcheck-step.txt: $(EXP)/gradcheck.tex ;
$(EXP)/gradcheck-summary.tex: $(EXP)/gradcheck.tex figures/gradcheck-tex.sh
	bash figures/gradcheck-tex.sh $< > $@
# The numbers in the answers to the exercises, checked against the runs.
$(EXP)/answers.tex: $(CELLS:%=$(EXP)/%.out) $(EXP)/gradcheck.tex \
                    figures/answers-tex.sh
	bash figures/answers-tex.sh $(EXP) > $@

# The numbers in the answers of the chapters on data, training and the
# cells compared, checked against the runs and the program.
$(EXP)/exercises.tex: $(CELLS:%=$(EXP)/%.out) rnn figures/exercises-tex.sh \
                      chapters/45-training.nw
	bash figures/exercises-tex.sh $(EXP) ./rnn chapters/45-training.nw > $@

build/fig-%.tex: figures/%.gp
	cd build && gnuplot ../$<
build/fig-loss.tex: $(EXP)/rnn.csv
build/fig-lags.tex: $(EXP)/lags-plot.txt
build/fig-lags-rnn.tex: $(EXP)/lags-plot.txt
build/fig-compare.tex: $(CELLS:%=$(EXP)/%.csv)
build/fig-gradcheck-step.tex: $(EXP)/gradcheck-step.txt
build/fig-race.tex: $(CELLS:%=$(EXP)/ts-%.csv)
build/fig-clip.tex: $(EXP)/rnn-clip.txt $(EXP)/rnn.csv
build/fig-temperature.tex: $(EXP)/temperature-plot.txt
build/fig-words.tex: $(EXP)/words-plot.txt
# The pictures that rnn plot draws of the book's runs (Chapter "Pictures of
# a run"): the three cells' logs as a PDF, the plain cell's in characters.
build/fig-plot-cells.pdf: $(CELLS:%=$(EXP)/%.csv) rnn
	cd $(EXP) && ../../rnn plot $(CELLS:%=%.csv) --units bits \
	  --out ../fig-plot-cells.pdf
$(EXP)/plot-rnn.txt: $(EXP)/rnn.csv rnn
	cd $(EXP) && ../../rnn plot rnn.csv > plot-rnn.txt
build/fig-saturation.tex: $(EXP)/learned.tex
build/fig-starts.tex: $(EXP)/starts.tex

BOOK_INPUTS := build/fig-loss.tex build/fig-gradcheck-step.tex \
  build/fig-lags.tex build/fig-lags-rnn.tex build/fig-compare.tex \
  build/fig-clip.tex build/fig-temperature.tex build/fig-words.tex \
  $(EXP)/lags.tex \
  $(CELLS:%=$(EXP)/%-sample.txt) $(CELLS:%=$(EXP)/%-summary.tex) \
  $(CELLS:%=$(EXP)/%-machine.tex) $(EXP)/rnn-samples.tex $(EXP)/heldout.tex \
  $(EXP)/rnn-log.tex $(EXP)/temperature.tex \
  $(SAMPLE_TEMPS:%=$(EXP)/rnn-tau-%.txt) $(EXP)/rnn-tau.tex \
  $(EXP)/rnn-tau-macros.tex $(EXP)/words.tex \
  $(EXP)/word-sample.txt $(EXP)/word-summary.tex \
  $(EXP)/gradcheck.tex $(EXP)/gradcheck-summary.tex $(EXP)/speed.tex \
  $(EXP)/answers.tex build/fig-race.tex $(EXP)/ts-summary.tex \
  $(EXP)/results.tex $(EXP)/machines.tex $(EXP)/memory.tex \
  build/fig-plot-cells.pdf $(EXP)/plot-rnn.txt \
  $(EXP)/learned.tex $(LEARNED:%=$(EXP)/learned-%.tex) \
  build/fig-saturation.tex $(EXP)/exercises.tex $(EXP)/versus.tex \
  $(EXP)/starts.tex build/fig-starts.tex

# The book is what `noweave -delay -index` makes of the chapters, with one
# more filter in noweave's pipeline: figures/code-uses.awk, which keeps the
# index from taking words of comments and strings, and names of members of
# structures, for uses of the identifiers it lists.
NOWEB_LIB := $(shell sed -n 's/^LIB=//p' "$$(command -v noweave)" 2> /dev/null)
build/rnn.tex: $(NW) figures/code-uses.awk
	@mkdir -p build
	$(NOWEB_LIB)/markup $(NW) | $(NOWEB_LIB)/finduses \
	  | awk -f figures/code-uses.awk | $(NOWEB_LIB)/noidx -delay \
	  | $(NOWEB_LIB)/totex -delay > $@

pdf: rnn.pdf
FIGURES := $(wildcard figures/*.tex)
rnn.pdf: build/rnn.tex $(BOOK_INPUTS) $(FIGURES) tests/texlog.sh \
         tests/pdftext.sh
	cd build && for pass in 1 2 3 4 5; do \
	  pdflatex -interaction=nonstopmode -halt-on-error rnn.tex \
	    > pdflatex.out || { tail -30 rnn.log; exit 1; }; \
	  if [ $$pass -ge 2 ] && \
	     ! grep -q 'Rerun to get\|may have changed' rnn.log; then break; fi; \
	done
	bash tests/texlog.sh build/rnn.log
	bash tests/pdftext.sh build/rnn.pdf
	cp build/rnn.pdf $@

# ---------------------------------------------------------------- bench
# The speed peers, PyTorch on the CPU and oneDNN's RNN primitives (the
# library under PyTorch 2's nn.LSTM), and the checks that they compute the
# same model. Nothing here is needed by `make check`; `make bench-deps`
# installs the peers. DATA=FILE chooses the corpus.
DATA ?= data/tinyshakespeare.txt
BENCH_DEBS := python3-torch python3-numpy libopenblas-dev libdnnl-dev
parity: rnn
	bash bench/parity.sh $(DATA)
bench: rnn parity bench-onednn
	bash bench/bench.sh $(DATA)
# The oneDNN peer (bench/onednn.c), built and checked against finite
# differences, PyTorch and rnn (bench/onednn-check.sh); skipped, as parity
# skips PyTorch, where libdnnl-dev is not installed.
build/bench/onednn: bench/onednn.c
	@mkdir -p build/bench
	$(CC) $(WARN) $(OPT) -fopenmp -o $@ $< -ldnnl $(LDLIBS)
bench-onednn: rnn
	@if echo '#include <dnnl.h>' | $(CC) -E -x c - >/dev/null 2>&1; then \
	  $(MAKE) --no-print-directory build/bench/onednn && \
	  bash bench/onednn-check.sh $(DATA); \
	else \
	  rm -f build/bench/onednn; \
	  echo "bench-onednn: skipped: libdnnl-dev is not installed" \
	       "(make bench-deps)"; \
	fi
# Our products against OpenBLAS's sgemm on the products of those models.
bench-blas: rnn
	@mkdir -p build/bench
	$(CC) $(REQUIRED) $(OPT) -Ibuild -o build/bench/blas bench/blas.c \
	  $(LIB) -lopenblas $(LDLIBS)
	for t in 1 2; do OMP_NUM_THREADS=$$t build/bench/blas; done
bench-deps:
	@if [ "$$(id -u)" != 0 ]; then \
	  echo "make bench-deps: run as root to install:" $(BENCH_DEBS) >&2; \
	  exit 1; fi
	apt-get update -q && DEBIAN_FRONTEND=noninteractive \
	  apt-get install -y -q --no-install-recommends $(BENCH_DEBS)

# ---------------------------------------------------------------- results
# The long runs the book and the README quote, committed in results/: the
# recipes of one, ten and sixty minutes as a user runs them, the three
# cells at char-rnn's shape for three minutes each, and PyTorch's LSTM
# (bench/reference.py) at that shape for three minutes, about 83 minutes,
# during which nothing else should run; then the starting points
# (bench/starts.sh) and rnn against PyTorch's start step for step
# (bench/versus.sh), whose losses do not depend on the machine's load: two
# runs at a time on one thread each. The book reads the files.
results: rnn
	rm -f results/recipes.txt results/cells.txt results/pytorch.txt \
	  results/starts.txt results/versus.txt
	bash bench/search.sh bench/recipes.list results/recipes.txt
	bash bench/search.sh bench/cells.list results/cells.txt
	bash bench/timed.sh results/pytorch.txt
	bash bench/starts.sh bench/starts.list results/starts.txt
	bash bench/versus.sh results/versus.txt

# ---------------------------------------------------------------- install
PREFIX ?= /usr/local
BINDIR = $(DESTDIR)$(PREFIX)/bin
DOCDIR = $(DESTDIR)$(PREFIX)/share/doc/rnn
# install puts the program in BINDIR and the README in DOCDIR, with the
# book if it has been built; install-doc builds the book first.
install: rnn
	install -d $(BINDIR) $(DOCDIR)
	install -m 755 rnn $(BINDIR)/rnn
	install -m 644 README.md $(DOCDIR)/
	if [ -f rnn.pdf ]; then install -m 644 rnn.pdf $(DOCDIR)/; fi
install-doc: rnn.pdf install
uninstall:
	rm -f $(BINDIR)/rnn $(DOCDIR)/rnn.pdf $(DOCDIR)/README.md
	-rmdir $(DOCDIR) 2> /dev/null

# ---------------------------------------------------------------- upkeep
# The function pointers through which a module calls up the layers: the
# cells, the drivers of a window, a setting's names, the kernels, the
# requests to stop that a long evaluation asks, and the formats of files
# that are written as checkpoints are (tests/layers.sh).
INTERFACES := cell model_driver setting fast_kernel train_evaluate:stop \
              train_validate:stop machines_validate:stop ckpt_format
PART2_OBJ := $(patsubst %,build/%.o,$(filter-out $(COURSE_MODULES),$(MODULES))) \
             build/mpi/machines.o build/main.o build/speed.o build/measure.o
lint: $(LIB) build/main.o build/course.o build/check_rnn.o build/speed.o \
      build/measure.o build/mpi/machines.o rnn-course $(COURSE)/check_rnn_d rnn
	bash tests/lint.sh "$(ROOTS)" $(NW)
	ROOTS_ONLY=1 bash tests/lint.sh "$(COURSE_ROOTS)" $(PART1)
	bash tests/part1.sh "$(PART1)" "$(PART2)" $(PART2_OBJ)
	bash tests/part1.sh --self-test "$(PART1)" "$(PART2)" $(PART2_OBJ)
	INTERFACES="$(INTERFACES)" bash tests/layers.sh "$(MODULES)" $(NW)
	bash tests/readme-results.sh
	bash tests/readme-plot.sh

# The README's picture of a run, drawn by rnn plot from a short run (about
# 15 seconds) and written into README.md, which make lint checks.
readme-figure: rnn
	bash tests/readme-plot.sh --write
build/check_rnn.o: build/check_rnn.c $(HEADERS)
	$(CC) $(ALL_CFLAGS) $$(pkg-config --cflags check) -c -o $@ $<

deps:
	@missing=$$(for p in $(DEBS); do \
	  dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null \
	    | grep -q 'install ok installed' || echo $$p; done); \
	if [ -z "$$missing" ]; then echo "make deps: all packages present"; \
	elif [ "$$(id -u)" != 0 ]; then \
	  echo "make deps: run as root to install:" $$missing >&2; exit 1; \
	else apt-get update -q && DEBIAN_FRONTEND=noninteractive \
	  apt-get install -y -q --no-install-recommends $$missing; fi

# What make check-arm64 needs: the cross compiler, QEMU, and Check built for
# arm64 (Debian's multiarch, which this adds to dpkg's architectures).
ARM_DEBS := gcc-aarch64-linux-gnu qemu-user check:arm64 libc6-dev:arm64
deps-arm64:
	dpkg --print-foreign-architectures | grep -qx arm64 || \
	  dpkg --add-architecture arm64
	apt-get update -q && DEBIAN_FRONTEND=noninteractive \
	  apt-get install -y -q --no-install-recommends $(ARM_DEBS)

clean:
	rm -rf build rnn rnn-mpi rnn-course rnn.pdf

/* onednn.c: rnn's training step on oneDNN's RNN primitives, the speed peer
 * that stands for PyTorch 2 (bench/bench.sh), and its generation loop.
 *
 * Since PyTorch 2.0, nn.LSTM on the CPU runs on oneDNN: its mkldnn_rnn
 * (aten/src/ATen/native/mkldnn/RNN.cpp) breaks a module of L layers into L
 * one-layer primitives ("for future need to cover these feature gaps",
 * dropout between layers), each fed a dense input: a one-hot input becomes a
 * T x B x V tensor. PyTorch 2 sends only the LSTM there (lstm_mkldnn_stub);
 * its GRU and plain RNN run on ATen's own loops. This program runs all three
 * cells on oneDNN's primitives, as PyTorch runs the LSTM:
 *
 *   input     one-hot, a dense src_layer of V columns (tnc: T x B x V)
 *   layers    one primitive per layer, unidirectional: vanilla_lstm (gates
 *             i, f, g, o, as PyTorch and rnn), lbr_gru (the "linear before
 *             reset" GRU, PyTorch's and rnn's: n = tanh(Wx + b + r (Uh + b'))),
 *             vanilla_rnn with tanh; forward_training, then backward with
 *             the forward's workspace; states carried from window to window
 *             (reset at the start of the text), their gradients not (diff_dst
 *             of the last states zero: truncated back-propagation)
 *   decoder   Linear(H, V) with oneDNN's dnnl_sgemm (row-major): logits =
 *             Y Why^T + by, dWhy = dZ^T Y, dY = dZ Why
 *   loss      mean softmax cross-entropy over the T*B positions, in nats
 *   update    the gradient's global norm (summed in double) clipped to 5,
 *             then Adam (lr 2e-3, betas 0.9, 0.999, eps 1e-8) in rnn's order
 *             of operations (chapters/35-learning.nw)
 *   data      rnn's tokens (UTF-8 characters, a byte that starts no valid
 *             sequence a token of its own; sorted by their bytes), the last
 *             --val-frac held out, the rest cut into B streams as rnn does
 *             (chapters/20-data.nw): stride s = (n - 1) / B, s / T windows
 *
 * Layouts. oneDNN's weights are 5-d, (layers, directions, input, gates,
 * output) = (1, 1, D, G, H), with G gates of H units. This program keeps
 * its parameters in one array, per layer:
 *   Wx  ldigo: Wx[(i * G + k) * H + o], input i < D, gate k < G, unit o < H
 *   Wh  ldigo: the same with D = H
 *   b   ldgo:  b[k * H + o]; the GRU has a second bias bh2 (rnn's bhh, the
 *       bias of the state's projection), so that it has rnn's parameters
 * and then Why (V x H, row-major) and by (V). The gates are in oneDNN's
 * order: LSTM i, f, g, o (rnn's and PyTorch's too); GRU u (update, rnn's z),
 * r, n, where rnn and PyTorch have r, z, n. oneDNN's lbr_gru bias has four
 * rows, (z, r, n of the input, n of the state); each step makes it from the
 * two biases as PyTorch 2 does (z and r summed), and its gradient goes back to
 * both. ldigo is the transpose of rnn's and PyTorch's (G*H) x D matrices
 * (ldgoi); `grad` and `train --dump` read rnn's, `grad` writes them.
 * With format_tag_any oneDNN picks the weights' layout per primitive (and
 * --verbose prints it); where it differs from the plain ldigo, a reorder
 * runs at every step, as ideep does for PyTorch 2 (which keeps ldgoi).
 * oneDNN 2.6 on an AVX-512 Zen 5 picks, for the forward pass and for the
 * weights' gradients, ldigo with each row of G*H padded (a stride of 528 for
 * 512, 2064 for 2048), and for the backward pass ldgoi (the first layer's
 * input padded from 65 to 80): three reorders per weight matrix and step, a
 * small cost (1.4% of the primitives' time for the LSTM 2x512 in one
 * DNNL_VERBOSE=1 profile, on a loaded machine). The backward primitive adds
 * the weights' and the bias's gradients to what their memory holds (found
 * by `check`, which computes a gradient twice): they are zeroed first.
 *
 * Usage:
 *   onednn train --data FILE [--cell lstm] [--layers 2] [--hidden 128]
 *          [--seq 50] [--batch 50] [--steps 20] [--warmup 3] [--threads N]
 *          [--val-frac 0] [--lr 2e-3] [--clip 5] [--seed 1]
 *          [--print-every K] [--verbose] [--dump FILE]
 *       trains a new model (PyTorch's initialisation, as bench/reference.py:
 *       weights uniform in +-1/sqrt(H), biases 0, the LSTM's forget gate's
 *       1), or with --dump the model of `rnn dump`'s output FILE with its
 *       settings, from its position in the text and carried states; prints
 *       `step K loss L ema E` (E the moving average of the loss as rnn's
 *       log and bench/reference.py train have it) at step 1 and every K
 *       steps, then chars_per_sec=X over the warmup + steps' last steps
 *       (B*T characters each)
 *   onednn grad --dump FILE --data FILE
 *       FILE is the output of `rnn dump`; prints the loss and gradient of the
 *       checkpoint's next window, from its carried states, in the format of
 *       `rnn grad` (bench/compare.py grad compares it)
 *   onednn check --data FILE
 *       finite differences: for each cell, a model of 2 layers of 5 units,
 *       random weights and starting states, every parameter's gradient
 *       against central differences of the loss (evaluated in double from
 *       the primitives' single-precision logits); and the inference
 *       primitive run one step at a time against the training forward over
 *       a window. Exit status 1 if either disagrees.
 *   onednn sample --data FILE [--cell --layers --hidden] [--length 20000]
 *          [--warmup 200] [--threads N] [--temperature 0.8] [--print]
 *       generation as rnn sample does it: one stream, one character at a
 *       time, the forward_inference primitives (weights reordered once)
 *       with the states carried, the decoder by dnnl_sgemm, a draw at the
 *       temperature; prints chars_per_sec=X over the characters after the
 *       warm-up (and with --print the text). The weights are new (speed does
 *       not depend on them).
 *   onednn version
 *       prints oneDNN's version, threading runtime and instruction set
 * Threads: --threads N calls omp_set_num_threads (oneDNN here runs on GNU
 * OpenMP); without it, OpenMP's default (OMP_NUM_THREADS, or one per core).
 *
 * Build: gcc -std=c11 -O2 -fopenmp -o build/bench/onednn bench/onednn.c \
 *            -ldnnl -lm     (make bench-onednn; Debian's libdnnl-dev)
 */
#define _POSIX_C_SOURCE 200809L
#include <dnnl.h>
#include <dnnl_debug.h>
#include <math.h>
#include <omp.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

enum { CELL_RNN, CELL_LSTM, CELL_GRU };
enum { MAXL = 8 };
static const char *const cell_names[] = {"rnn", "lstm", "gru"};

/* ------------------------------------------------------------ utilities */

static void die(int status, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("onednn: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
    exit(status);
}

#define DN(call)                                                          \
    do {                                                                  \
        dnnl_status_t s_ = (call);                                        \
        if (s_ != dnnl_success)                                           \
            die(1, "%s:%d: %s: %s", __FILE__, __LINE__, #call,            \
                dnnl_status2str(s_));                                     \
    } while (0)

static void *xcalloc(size_t n, size_t size)
{
    void *p = calloc(n ? n : 1, size);
    if (p == NULL)
        die(1, "out of memory (%zu x %zu bytes)", n, size);
    return p;
}

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + 1e-9 * (double)ts.tv_nsec;
}

/* splitmix64: a small generator for initial weights and draws */
static uint64_t rng_state = 1;
static uint64_t rng_next(void)
{
    uint64_t z = (rng_state += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}
/* uniform in [0, 1) */
static double rng_uniform(void)
{
    return (double)(rng_next() >> 11) * 0x1.0p-53;
}

/* ----------------------------------------------------------------- text */

/* The length of the token at s, n > 0 bytes left: a valid UTF-8 sequence
 * (no overlong forms, surrogates or code points past U+10FFFF), else 1. */
static int token_len(const unsigned char *s, size_t n)
{
    unsigned c = s[0], lo = 0x80, hi = 0xBF;
    int len;
    if (c < 0x80)
        return 1;
    if (c >= 0xC2 && c <= 0xDF)
        len = 2;
    else if (c >= 0xE0 && c <= 0xEF)
        len = 3, lo = c == 0xE0 ? 0xA0 : 0x80, hi = c == 0xED ? 0x9F : 0xBF;
    else if (c >= 0xF0 && c <= 0xF4)
        len = 4, lo = c == 0xF0 ? 0x90 : 0x80, hi = c == 0xF4 ? 0x8F : 0xBF;
    else
        return 1;
    if ((size_t)len > n)
        return 1;
    for (int k = 1; k < len; k++) {
        unsigned b = s[k];
        if (b < (k == 1 ? lo : 0x80) || b > (k == 1 ? hi : 0xBF))
            return 1;
    }
    return len;
}

/* A token as a number: its bytes, big-endian, zero-padded; numbers sort as
 * the byte strings do (no token holds a zero byte). */
static uint32_t token_key(const unsigned char *s, int len)
{
    uint32_t k = 0;
    for (int i = 0; i < 4; i++)
        k = k << 8 | (i < len ? s[i] : 0u);
    return k;
}

static int cmp_key(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return (x > y) - (x < y);
}

typedef struct {
    uint32_t *keys;   /* the vocabulary: keys[id] */
    uint64_t *index;  /* key << 32 | id, sorted: the ids by key */
    int V, unk;       /* its size; the unknown token's id, or -1 */
    int *ids;         /* the text */
    size_t n, ntrain; /* tokens; the first ntrain train */
} text;

static unsigned char *read_file(const char *path, size_t *n)
{
    FILE *f = fopen(path, "rb");
    if (f == NULL)
        die(1, "cannot read '%s'", path);
    size_t cap = 1 << 20, len = 0;
    unsigned char *buf = xcalloc(cap, 1);
    for (size_t got; (got = fread(buf + len, 1, cap - len, f)) > 0;) {
        len += got;
        if (len == cap) {
            unsigned char *b = realloc(buf, cap *= 2);
            if (b == NULL)
                die(1, "out of memory reading '%s'", path);
            buf = b;
        }
    }
    int bad = ferror(f);
    fclose(f);
    if (bad)
        die(1, "cannot read '%s'", path);
    if (len == 0)
        die(1, "'%s' is empty", path);
    if (memchr(buf, 0, len) != NULL)
        die(1, "'%s' holds a NUL byte: not text", path);
    *n = len;
    return buf;
}

static int cmp_index(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a >> 32, y = *(const uint64_t *)b >> 32;
    return (x > y) - (x < y);
}

/* The id of the token with key k, or -1. */
static int find_key(const text *t, uint32_t k)
{
    uint64_t key = (uint64_t)k << 32;
    const uint64_t *p = bsearch(&key, t->index, (size_t)t->V, sizeof key,
                                cmp_index);
    return p == NULL ? -1 : (int)(uint32_t)*p;
}

/* Reads path as tokens; with t->keys NULL builds the vocabulary from it,
 * else encodes with the given one (unknown tokens to t->unk). */
static void text_read(text *t, const char *path, double val_frac)
{
    size_t nb, n = 0;
    unsigned char *s = read_file(path, &nb);
    uint32_t *k = xcalloc(nb, sizeof *k);
    for (size_t i = 0; i < nb; n++) {
        int len = token_len(s + i, nb - i);
        k[n] = token_key(s + i, len);
        i += (size_t)len;
    }
    free(s);
    if (t->keys == NULL) {
        uint32_t *sorted = xcalloc(n, sizeof *sorted);
        memcpy(sorted, k, n * sizeof *k);
        qsort(sorted, n, sizeof *sorted, cmp_key);
        int V = 0;
        for (size_t i = 0; i < n; i++)
            if (V == 0 || sorted[i] != sorted[V - 1])
                sorted[V++] = sorted[i];
        t->keys = sorted, t->V = V, t->unk = -1;
    }
    t->index = xcalloc((size_t)t->V, sizeof *t->index);
    for (int i = 0; i < t->V; i++)
        t->index[i] = (uint64_t)t->keys[i] << 32 | (uint32_t)i;
    qsort(t->index, (size_t)t->V, sizeof *t->index, cmp_index);
    t->ids = xcalloc(n, sizeof *t->ids);
    for (size_t i = 0; i < n; i++) {
        int id = find_key(t, k[i]);
        if (id < 0 && t->unk < 0)
            die(1, "'%s' has a character outside the model's vocabulary",
                path);
        t->ids[i] = id < 0 ? t->unk : id;
    }
    free(k);
    size_t nval = (size_t)((double)n * val_frac);
    if (n - nval < 2)
        die(1, "'%s' is too short", path);
    t->n = n, t->ntrain = n - nval;
}

typedef struct {
    const int *ids;
    int B, T;
    size_t stride, windows, next;
} streams;

static void streams_init(streams *s, const text *t, int B, int T)
{
    s->ids = t->ids, s->B = B, s->T = T;
    s->stride = (t->ntrain - 1) / (size_t)B;
    s->windows = s->stride / (size_t)T;
    s->next = 0;
    if (s->windows == 0)
        die(1, "training text too short for %d streams of %d", B, T);
}

/* The next window, time-major (x[t * B + b]); returns 1 if the streams
 * start over (the carried states must be reset). */
static int streams_next(streams *s, int *x, int *y)
{
    int fresh = s->next == 0;
    for (int t = 0; t < s->T; t++)
        for (int b = 0; b < s->B; b++) {
            size_t p = (size_t)b * s->stride + s->next * (size_t)s->T
                       + (size_t)t;
            x[t * s->B + b] = s->ids[p];
            y[t * s->B + b] = s->ids[p + 1];
        }
    if (++s->next == s->windows)
        s->next = 0;
    return fresh;
}

/* ---------------------------------------------------------------- model */

/* A user's memory and the primitive's view of it: the same object when the
 * primitive takes the user's layout, else its own and a reorder from one to
 * the other (into the primitive before it runs, or out of it after). */
typedef struct {
    dnnl_memory_t user, prim;
    dnnl_primitive_t reorder;
    int out;
} port;

typedef struct {
    dnnl_primitive_desc_t fpd, bpd;
    dnnl_primitive_t fwd, bwd;
    dnnl_exec_arg_t fargs[2][12], bargs[24];
    int nf, nb;
    port wx_f, wh_f, wx_b, wh_b, dwx, dwh;
} layer;

typedef struct {
    int cell, L, H, V, T, B, gates, bgates, train;
    size_t n;                    /* parameters */
    float *w, *g, *am, *av;      /* parameters, gradient, Adam's moments */
    long adam_step;
    size_t wx[MAXL], wh[MAXL], b[MAXL], b2[MAXL], why, by;
    float *bias4[MAXL], *dbias4[MAXL];  /* the GRU's 4-row bias */
    float *h0[MAXL], *c0[MAXL], *h1[MAXL], *c1[MAXL];  /* states */
    float *x1, *y[MAXL], *dy[MAXL], *dx1;  /* layer inputs, outputs */
    float *dh, *dc, *zero;       /* scratch: state gradients */
    float *logits, *dlogits;
    dnnl_memory_t mems[64 * MAXL];
    int nmems;
    layer lay[MAXL];
    dnnl_engine_t eng;
    dnnl_stream_t st;
    int verbose;
} net;

static dnnl_memory_t mem(net *m, const dnnl_memory_desc_t *md, void *ptr)
{
    dnnl_memory_t x;
    DN(dnnl_memory_create(&x, md, m->eng, ptr));
    m->mems[m->nmems++] = x;
    return x;
}

static dnnl_memory_desc_t md_of(int nd, const dnnl_dim_t *dims,
                                dnnl_format_tag_t tag)
{
    dnnl_memory_desc_t md;
    DN(dnnl_memory_desc_init_by_tag(&md, nd, dims, dnnl_f32, tag));
    return md;
}

/* The layout of a weights' descriptor, in words: ldigo, ldgoi, or oneDNN's
 * own (the strides of its five dimensions, and its inner blocks). */
static const char *layout_name(const dnnl_memory_desc_t *md, int D, int G,
                               int H)
{
    static char buf[200];
    const dnnl_dim_t d[5] = {1, 1, D, G, H};
    dnnl_memory_desc_t a = md_of(5, d, dnnl_ldigo), b = md_of(5, d, dnnl_ldgoi);
    if (dnnl_memory_desc_equal(md, &a))
        return "ldigo";
    if (dnnl_memory_desc_equal(md, &b))
        return "ldgoi";
    if (md->format_kind == dnnl_format_kind_rnn_packed)
        return "oneDNN's packed GEMM layout (rnn_packed)";
    if (md->format_kind != dnnl_blocked)
        return dnnl_fmt_kind2str(md->format_kind);
    const dnnl_blocking_desc_t *k = &md->format_desc.blocking;
    int n = snprintf(buf, sizeof buf, "blocked, strides %ld %ld %ld %ld %ld",
                     (long)k->strides[0], (long)k->strides[1],
                     (long)k->strides[2], (long)k->strides[3],
                     (long)k->strides[4]);
    for (int i = 0; i < k->inner_nblks && n > 0 && n < (int)sizeof buf; i++)
        n += snprintf(buf + n, sizeof buf - (size_t)n, ", block %ld of dim %ld",
                      (long)k->inner_blks[i], (long)k->inner_idxs[i]);
    if (md->extra.flags != 0 && n > 0 && n < (int)sizeof buf)
        snprintf(buf + n, sizeof buf - (size_t)n, ", extra flags %#x",
                 (unsigned)md->extra.flags);
    return buf;
}

static void port_init(net *m, port *p, const dnnl_memory_desc_t *user_md,
                      void *ptr, const_dnnl_primitive_desc_t pd, int arg,
                      int out, const char *what, int D)
{
    const dnnl_memory_desc_t *md =
        dnnl_primitive_desc_query_md(pd, dnnl_query_exec_arg_md, arg);
    p->user = mem(m, user_md, ptr);
    p->out = out;
    p->reorder = NULL;
    if (m->verbose)
        fprintf(stderr, "onednn: %s: %s%s\n", what,
                layout_name(md, D, m->gates, m->H),
                dnnl_memory_desc_equal(md, user_md) ? "" : ", reordered");
    if (dnnl_memory_desc_equal(md, user_md)) {
        p->prim = p->user;
        return;
    }
    p->prim = mem(m, md, DNNL_MEMORY_ALLOCATE);
    dnnl_primitive_desc_t rpd;
    const dnnl_memory_desc_t *from = out ? md : user_md;
    const dnnl_memory_desc_t *to = out ? user_md : md;
    DN(dnnl_reorder_primitive_desc_create(&rpd, from, m->eng, to, m->eng,
                                          NULL));
    DN(dnnl_primitive_create(&p->reorder, rpd));
    DN(dnnl_primitive_desc_destroy(rpd));
}

static void port_run(net *m, port *p)
{
    if (p->reorder == NULL)
        return;
    dnnl_exec_arg_t a[2] = {{DNNL_ARG_FROM, p->out ? p->prim : p->user},
                            {DNNL_ARG_TO, p->out ? p->user : p->prim}};
    DN(dnnl_primitive_execute(p->reorder, m->st, 2, a));
}

/* Zeroes the primitive's side of an output port. */
static void port_zero(port *p)
{
    const dnnl_memory_desc_t *md;
    void *h;
    DN(dnnl_memory_get_memory_desc(p->prim, &md));
    DN(dnnl_memory_get_data_handle(p->prim, &h));
    memset(h, 0, dnnl_memory_desc_get_size(md));
}

/* Where the parameters go in m->w, and the model's buffers. */
static void net_layout(net *m)
{
    int G = m->gates * m->H;
    size_t o = 0;
    for (int l = 0; l < m->L; l++) {
        size_t D = (size_t)(l == 0 ? m->V : m->H);
        m->wx[l] = o, o += D * (size_t)G;
        m->wh[l] = o, o += (size_t)m->H * (size_t)G;
        m->b[l] = o, o += (size_t)G;
        if (m->cell == CELL_GRU)
            m->b2[l] = o, o += (size_t)G;
    }
    m->why = o, o += (size_t)m->V * (size_t)m->H;
    m->by = o, o += (size_t)m->V;
    m->n = o;
    m->w = xcalloc(o, sizeof(float));
    m->g = xcalloc(o, sizeof(float));
    size_t TB = (size_t)m->T * (size_t)m->B, BH = (size_t)m->B * (size_t)m->H;
    for (int l = 0; l < m->L; l++) {
        m->h0[l] = xcalloc(BH, sizeof(float));
        m->h1[l] = xcalloc(BH, sizeof(float));
        m->c0[l] = xcalloc(BH, sizeof(float));
        m->c1[l] = xcalloc(BH, sizeof(float));
        m->y[l] = xcalloc(TB * (size_t)m->H, sizeof(float));
        m->dy[l] = xcalloc(TB * (size_t)m->H, sizeof(float));
        m->bias4[l] = xcalloc((size_t)(4 * m->H), sizeof(float));
        m->dbias4[l] = xcalloc((size_t)(4 * m->H), sizeof(float));
    }
    m->x1 = xcalloc(TB * (size_t)m->V, sizeof(float));
    m->dx1 = xcalloc(TB * (size_t)m->V, sizeof(float));
    m->dh = xcalloc(BH, sizeof(float));
    m->dc = xcalloc(BH, sizeof(float));
    m->zero = xcalloc(BH, sizeof(float));
    m->logits = xcalloc(TB * (size_t)m->V, sizeof(float));
    m->dlogits = xcalloc(TB * (size_t)m->V, sizeof(float));
}

typedef struct {
    dnnl_memory_desc_t sl, si, wx, wh, b, dl, di;
} descs;

static void rnn_forward_desc(const net *m, dnnl_rnn_desc_t *d, const descs *s)
{
    dnnl_prop_kind_t p = m->train ? dnnl_forward_training
                                  : dnnl_forward_inference;
    dnnl_rnn_direction_t dir = dnnl_unidirectional_left2right;
    if (m->cell == CELL_LSTM)
        DN(dnnl_lstm_forward_desc_init(d, p, dir, &s->sl, &s->si, &s->si,
                                       &s->wx, &s->wh, &s->b, &s->dl, &s->di,
                                       &s->di, 0));
    else if (m->cell == CELL_GRU)
        DN(dnnl_lbr_gru_forward_desc_init(d, p, dir, &s->sl, &s->si, &s->wx,
                                          &s->wh, &s->b, &s->dl, &s->di, 0));
    else
        DN(dnnl_vanilla_rnn_forward_desc_init(d, p, dnnl_eltwise_tanh, dir,
                                              &s->sl, &s->si, &s->wx, &s->wh,
                                              &s->b, &s->dl, &s->di, 0, 0,
                                              0));
}

/* The backward descriptor: the gradients have the shapes of their
 * variables (s), the weights' gradients in the layout oneDNN picks. */
static void rnn_backward_desc(const net *m, dnnl_rnn_desc_t *d,
                              const descs *s)
{
    dnnl_rnn_direction_t dir = dnnl_unidirectional_left2right;
    if (m->cell == CELL_LSTM)
        DN(dnnl_lstm_backward_desc_init(
            d, dnnl_backward, dir, &s->sl, &s->si, &s->si, &s->wx, &s->wh,
            &s->b, &s->dl, &s->di, &s->di, &s->sl, &s->si, &s->si, &s->wx,
            &s->wh, &s->b, &s->dl, &s->di, &s->di, 0));
    else if (m->cell == CELL_GRU)
        DN(dnnl_lbr_gru_backward_desc_init(
            d, dnnl_backward, dir, &s->sl, &s->si, &s->wx, &s->wh, &s->b,
            &s->dl, &s->di, &s->sl, &s->si, &s->wx, &s->wh, &s->b, &s->dl,
            &s->di, 0));
    else
        DN(dnnl_vanilla_rnn_backward_desc_init(
            d, dnnl_backward, dnnl_eltwise_tanh, dir, &s->sl, &s->si, &s->wx,
            &s->wh, &s->b, &s->dl, &s->di, &s->sl, &s->si, &s->wx, &s->wh,
            &s->b, &s->dl, &s->di, 0, 0, 0));
}

/* The forward arguments of layer l; with `flip` the states' buffers swap
 * (one-step generation alternates them instead of copying). */
static int forward_args(net *m, int l, dnnl_exec_arg_t *a, int flip,
                        dnnl_memory_t src, dnnl_memory_t dst,
                        dnnl_memory_t bias, dnnl_memory_t ws,
                        dnnl_memory_t *st)
{
    layer *y = &m->lay[l];
    int n = 0;
    a[n++] = (dnnl_exec_arg_t){DNNL_ARG_SRC_LAYER, src};
    a[n++] = (dnnl_exec_arg_t){DNNL_ARG_SRC_ITER, st[flip ? 2 : 0]};
    a[n++] = (dnnl_exec_arg_t){DNNL_ARG_WEIGHTS_LAYER, y->wx_f.prim};
    a[n++] = (dnnl_exec_arg_t){DNNL_ARG_WEIGHTS_ITER, y->wh_f.prim};
    a[n++] = (dnnl_exec_arg_t){DNNL_ARG_BIAS, bias};
    a[n++] = (dnnl_exec_arg_t){DNNL_ARG_DST_LAYER, dst};
    a[n++] = (dnnl_exec_arg_t){DNNL_ARG_DST_ITER, st[flip ? 0 : 2]};
    if (m->cell == CELL_LSTM) {
        a[n++] = (dnnl_exec_arg_t){DNNL_ARG_SRC_ITER_C, st[flip ? 3 : 1]};
        a[n++] = (dnnl_exec_arg_t){DNNL_ARG_DST_ITER_C, st[flip ? 1 : 3]};
    }
    if (ws != NULL)
        a[n++] = (dnnl_exec_arg_t){DNNL_ARG_WORKSPACE, ws};
    return n;
}

/* Makes layer l's primitives and their arguments. */
static void layer_init(net *m, int l)
{
    layer *y = &m->lay[l];
    dnnl_dim_t D = l == 0 ? m->V : m->H, H = m->H, G = m->gates;
    dnnl_dim_t T = m->T, B = m->B;
    const dnnl_dim_t dsl[3] = {T, B, D}, dst3[3] = {T, B, H},
                     dst4[4] = {1, 1, B, H}, dwx[5] = {1, 1, D, G, H},
                     dwh[5] = {1, 1, H, G, H}, db[4] = {1, 1, m->bgates, H};
    descs s = {md_of(3, dsl, dnnl_tnc), md_of(4, dst4, dnnl_ldnc),
               md_of(5, dwx, dnnl_format_tag_any),
               md_of(5, dwh, dnnl_format_tag_any), md_of(4, db, dnnl_ldgo),
               md_of(3, dst3, dnnl_tnc), md_of(4, dst4, dnnl_ldnc)};
    dnnl_memory_desc_t uwx = md_of(5, dwx, dnnl_ldigo),
                       uwh = md_of(5, dwh, dnnl_ldigo);
    dnnl_rnn_desc_t d;
    rnn_forward_desc(m, &d, &s);
    DN(dnnl_primitive_desc_create(&y->fpd, &d, NULL, m->eng, NULL));
    DN(dnnl_primitive_create(&y->fwd, y->fpd));
    char what[64];
    snprintf(what, sizeof what, "layer %d forward Wx", l + 1);
    port_init(m, &y->wx_f, &uwx, m->w + m->wx[l], y->fpd,
              DNNL_ARG_WEIGHTS_LAYER, 0, what, (int)D);
    snprintf(what, sizeof what, "layer %d forward Wh", l + 1);
    port_init(m, &y->wh_f, &uwh, m->w + m->wh[l], y->fpd,
              DNNL_ARG_WEIGHTS_ITER, 0, what, (int)H);
    dnnl_memory_t src = mem(m, &s.sl, l == 0 ? m->x1 : m->y[l - 1]);
    dnnl_memory_t dst = mem(m, &s.dl, m->y[l]);
    dnnl_memory_t bias = mem(m, &s.b, m->cell == CELL_GRU ? m->bias4[l]
                                                          : m->w + m->b[l]);
    dnnl_memory_t st[4] = {mem(m, &s.si, m->h0[l]), mem(m, &s.si, m->c0[l]),
                           mem(m, &s.si, m->h1[l]), mem(m, &s.si, m->c1[l])};
    dnnl_memory_t ws = NULL;
    if (m->train) {
        const dnnl_memory_desc_t *wmd =
            dnnl_primitive_desc_query_md(y->fpd, dnnl_query_workspace_md, 0);
        ws = mem(m, wmd, DNNL_MEMORY_ALLOCATE);
    }
    y->nf = forward_args(m, l, y->fargs[0], 0, src, dst, bias, ws, st);
    forward_args(m, l, y->fargs[1], 1, src, dst, bias, ws, st);
    if (!m->train)
        return;
    rnn_backward_desc(m, &d, &s);
    DN(dnnl_primitive_desc_create(&y->bpd, &d, NULL, m->eng, y->fpd));
    DN(dnnl_primitive_create(&y->bwd, y->bpd));
    snprintf(what, sizeof what, "layer %d backward Wx", l + 1);
    port_init(m, &y->wx_b, &uwx, m->w + m->wx[l], y->bpd,
              DNNL_ARG_WEIGHTS_LAYER, 0, what, (int)D);
    snprintf(what, sizeof what, "layer %d backward Wh", l + 1);
    port_init(m, &y->wh_b, &uwh, m->w + m->wh[l], y->bpd,
              DNNL_ARG_WEIGHTS_ITER, 0, what, (int)H);
    snprintf(what, sizeof what, "layer %d gradient of Wx", l + 1);
    port_init(m, &y->dwx, &uwx, m->g + m->wx[l], y->bpd,
              DNNL_ARG_DIFF_WEIGHTS_LAYER, 1, what, (int)D);
    snprintf(what, sizeof what, "layer %d gradient of Wh", l + 1);
    port_init(m, &y->dwh, &uwh, m->g + m->wh[l], y->bpd,
              DNNL_ARG_DIFF_WEIGHTS_ITER, 1, what, (int)H);
    dnnl_exec_arg_t *a = y->bargs;
    int n = 0;
    for (int i = 0; i < y->nf; i++)
        if (y->fargs[0][i].arg == DNNL_ARG_WEIGHTS_LAYER)
            a[n++] = (dnnl_exec_arg_t){DNNL_ARG_WEIGHTS_LAYER, y->wx_b.prim};
        else if (y->fargs[0][i].arg == DNNL_ARG_WEIGHTS_ITER)
            a[n++] = (dnnl_exec_arg_t){DNNL_ARG_WEIGHTS_ITER, y->wh_b.prim};
        else
            a[n++] = y->fargs[0][i];
    a[n++] = (dnnl_exec_arg_t){DNNL_ARG_DIFF_SRC_LAYER,
                               mem(m, &s.sl, l == 0 ? m->dx1 : m->dy[l - 1])};
    a[n++] = (dnnl_exec_arg_t){DNNL_ARG_DIFF_SRC_ITER, mem(m, &s.si, m->dh)};
    a[n++] = (dnnl_exec_arg_t){DNNL_ARG_DIFF_WEIGHTS_LAYER, y->dwx.prim};
    a[n++] = (dnnl_exec_arg_t){DNNL_ARG_DIFF_WEIGHTS_ITER, y->dwh.prim};
    a[n++] = (dnnl_exec_arg_t){
        DNNL_ARG_DIFF_BIAS,
        mem(m, &s.b, m->cell == CELL_GRU ? m->dbias4[l] : m->g + m->b[l])};
    a[n++] = (dnnl_exec_arg_t){DNNL_ARG_DIFF_DST_LAYER,
                               mem(m, &s.dl, m->dy[l])};
    a[n++] = (dnnl_exec_arg_t){DNNL_ARG_DIFF_DST_ITER,
                               mem(m, &s.si, m->zero)};
    if (m->cell == CELL_LSTM) {
        a[n++] = (dnnl_exec_arg_t){DNNL_ARG_DIFF_SRC_ITER_C,
                                   mem(m, &s.si, m->dc)};
        a[n++] = (dnnl_exec_arg_t){DNNL_ARG_DIFF_DST_ITER_C,
                                   mem(m, &s.si, m->zero)};
    }
    y->nb = n;
}

static void net_init(net *m, int cell, int L, int H, int V, int T, int B,
                     int train, int verbose)
{
    memset(m, 0, sizeof *m);
    if (L < 1 || L > MAXL || H < 1 || T < 1 || B < 1)
        die(2, "layers 1..%d, and hidden, seq and batch positive", MAXL);
    m->cell = cell, m->L = L, m->H = H, m->V = V, m->T = T, m->B = B;
    m->gates = cell == CELL_LSTM ? 4 : cell == CELL_GRU ? 3 : 1;
    m->bgates = cell == CELL_GRU ? 4 : m->gates;
    m->train = train, m->verbose = verbose;
    net_layout(m);
    DN(dnnl_engine_create(&m->eng, dnnl_cpu, 0));
    DN(dnnl_stream_create(&m->st, m->eng, dnnl_stream_default_flags));
    for (int l = 0; l < L; l++)
        layer_init(m, l);
    if (train) {
        m->am = xcalloc(m->n, sizeof(float));
        m->av = xcalloc(m->n, sizeof(float));
    }
}

static void net_free(net *m)
{
    for (int l = 0; l < m->L; l++) {
        layer *y = &m->lay[l];
        port *p[6] = {&y->wx_f, &y->wh_f, &y->wx_b, &y->wh_b, &y->dwx,
                      &y->dwh};
        for (int i = 0; i < 6; i++)
            if (p[i]->reorder != NULL)
                dnnl_primitive_destroy(p[i]->reorder);
        dnnl_primitive_destroy(y->fwd);
        dnnl_primitive_desc_destroy(y->fpd);
        if (y->bwd != NULL) {
            dnnl_primitive_destroy(y->bwd);
            dnnl_primitive_desc_destroy(y->bpd);
        }
        free(m->h0[l]), free(m->h1[l]), free(m->c0[l]), free(m->c1[l]);
        free(m->y[l]), free(m->dy[l]), free(m->bias4[l]), free(m->dbias4[l]);
    }
    for (int i = 0; i < m->nmems; i++)
        dnnl_memory_destroy(m->mems[i]);
    dnnl_stream_destroy(m->st);
    dnnl_engine_destroy(m->eng);
    free(m->w), free(m->g), free(m->am), free(m->av);
    free(m->x1), free(m->dx1), free(m->dh), free(m->dc), free(m->zero);
    free(m->logits), free(m->dlogits);
}

/* PyTorch's initialisation (as bench/reference.py's): weights uniform in
 * +-1/sqrt(H), biases zero, the LSTM's forget gate's bias 1. */
static void net_init_weights(net *m)
{
    double s = 1 / sqrt((double)m->H);
    for (size_t i = 0; i < m->n; i++)
        m->w[i] = (float)((2 * rng_uniform() - 1) * s);
    for (int l = 0; l < m->L; l++) {
        size_t G = (size_t)(m->gates * m->H);
        memset(m->w + m->b[l], 0, G * sizeof(float));
        if (m->cell == CELL_GRU)
            memset(m->w + m->b2[l], 0, G * sizeof(float));
        if (m->cell == CELL_LSTM)
            for (int j = 0; j < m->H; j++)
                m->w[m->b[l] + (size_t)(m->H + j)] = 1;
    }
    memset(m->w + m->by, 0, (size_t)m->V * sizeof(float));
}

/* Brings the primitives' copies of the weights up to date: the GRU's
 * four-row bias (z and r summed, n's two kept apart) and the reorders. */
static void sync_weights(net *m, int backward)
{
    int H = m->H;
    for (int l = 0; l < m->L && m->cell == CELL_GRU && !backward; l++) {
        const float *b = m->w + m->b[l], *b2 = m->w + m->b2[l];
        float *q = m->bias4[l];
        for (int j = 0; j < 2 * H; j++)
            q[j] = b[j] + b2[j];
        for (int j = 0; j < H; j++)
            q[2 * H + j] = b[2 * H + j], q[3 * H + j] = b2[2 * H + j];
    }
    for (int l = 0; l < m->L; l++) {
        layer *y = &m->lay[l];
        port_run(m, backward ? &y->wx_b : &y->wx_f);
        port_run(m, backward ? &y->wh_b : &y->wh_f);
    }
}

/* ----------------------------------------------------- forward, backward */

/* The layers' forward pass over the window x (T x B ids, time-major); the
 * states start from h0 (c0) and end in h1 (c1). */
static void forward_layers(net *m, const int *x, int flip)
{
    size_t TB = (size_t)m->T * (size_t)m->B, V = (size_t)m->V;
    memset(m->x1, 0, TB * V * sizeof(float));
    for (size_t i = 0; i < TB; i++)
        m->x1[i * V + (size_t)x[i]] = 1;
    for (int l = 0; l < m->L; l++)
        DN(dnnl_primitive_execute(m->lay[l].fwd, m->st, m->lay[l].nf,
                                  m->lay[l].fargs[flip]));
    DN(dnnl_stream_wait(m->st));
}

/* logits = Y Why^T + by, Y the top layer's outputs (T*B x H). */
static void decode(net *m)
{
    dnnl_dim_t N = (dnnl_dim_t)m->T * m->B, V = m->V, H = m->H;
    const float *by = m->w + m->by;
    for (dnnl_dim_t i = 0; i < N; i++)
        memcpy(m->logits + i * V, by, (size_t)V * sizeof(float));
    DN(dnnl_sgemm('N', 'T', N, V, H, 1.0f, m->y[m->L - 1], H, m->w + m->why,
                  H, 1.0f, m->logits, V));
}

/* The mean cross-entropy of the logits against the targets y, and its
 * gradient in dlogits. */
static double softmax_xent(net *m, const int *y)
{
    int N = m->T * m->B, V = m->V;
    double loss = 0;
    #pragma omp parallel for reduction(+ : loss) if (N * V >= 65536)
    for (int i = 0; i < N; i++) {
        const float *z = m->logits + (size_t)i * (size_t)V;
        float *d = m->dlogits + (size_t)i * (size_t)V, top = z[0], sum = 0;
        for (int j = 1; j < V; j++)
            top = z[j] > top ? z[j] : top;
        for (int j = 0; j < V; j++)
            sum += d[j] = expf(z[j] - top);
        float scale = 1.0f / (sum * (float)N);
        for (int j = 0; j < V; j++)
            d[j] *= scale;
        d[y[i]] -= 1.0f / (float)N;
        loss += log((double)sum) - (double)(z[y[i]] - top);
    }
    return loss / N;
}

/* The same loss in double from the logits, for finite differences. */
static double loss_double(const net *m, const int *y)
{
    int N = m->T * m->B, V = m->V;
    double loss = 0;
    for (int i = 0; i < N; i++) {
        const float *z = m->logits + (size_t)i * (size_t)V;
        double top = z[0], sum = 0;
        for (int j = 1; j < V; j++)
            top = z[j] > top ? z[j] : top;
        for (int j = 0; j < V; j++)
            sum += exp(z[j] - top);
        loss += log(sum) - (z[y[i]] - top);
    }
    return loss / N;
}

/* The decoder's gradients: dWhy = dZ^T Y, dby = column sums of dZ, and
 * the top layer's output gradient dY = dZ Why. */
static void decode_backward(net *m)
{
    dnnl_dim_t N = (dnnl_dim_t)m->T * m->B, V = m->V, H = m->H;
    const float *Y = m->y[m->L - 1];
    DN(dnnl_sgemm('T', 'N', V, H, N, 1.0f, m->dlogits, V, Y, H, 0.0f,
                  m->g + m->why, H));
    float *dby = m->g + m->by;
    memset(dby, 0, (size_t)V * sizeof(float));
    for (dnnl_dim_t i = 0; i < N; i++)
        for (dnnl_dim_t j = 0; j < V; j++)
            dby[j] += m->dlogits[i * V + j];
    DN(dnnl_sgemm('N', 'N', N, H, V, 1.0f, m->dlogits, V, m->w + m->why, H,
                  0.0f, m->dy[m->L - 1], H));
}

/* The layers' backward pass. oneDNN adds the weights' and biases'
 * gradients to what their memory holds, so they are zeroed first. */
static void backward_layers(net *m)
{
    sync_weights(m, 1);
    for (int l = m->L - 1; l >= 0; l--) {
        layer *y = &m->lay[l];
        port_zero(&y->dwx), port_zero(&y->dwh);
        if (m->cell == CELL_GRU)
            memset(m->dbias4[l], 0, (size_t)(4 * m->H) * sizeof(float));
        else
            memset(m->g + m->b[l], 0,
                   (size_t)(m->gates * m->H) * sizeof(float));
        DN(dnnl_primitive_execute(y->bwd, m->st, y->nb, y->bargs));
        port_run(m, &y->dwx), port_run(m, &y->dwh);
    }
    DN(dnnl_stream_wait(m->st));
    for (int l = 0; l < m->L && m->cell == CELL_GRU; l++) {
        int H = m->H;
        const float *q = m->dbias4[l];
        float *b = m->g + m->b[l], *b2 = m->g + m->b2[l];
        for (int j = 0; j < 2 * H; j++)
            b[j] = b2[j] = q[j];
        for (int j = 0; j < H; j++)
            b[2 * H + j] = q[2 * H + j], b2[2 * H + j] = q[3 * H + j];
    }
}

/* The loss of the window x -> y from the states h0 (c0), and (if grad) its
 * gradient in m->g. The final states are left in h1 (c1). */
static double loss_and_gradient(net *m, const int *x, const int *y, int grad)
{
    sync_weights(m, 0);
    forward_layers(m, x, 0);
    decode(m);
    double loss = softmax_xent(m, y);
    if (grad) {
        decode_backward(m);
        backward_layers(m);
    }
    return loss;
}

/* rnn's clipping: the global norm, summed in double; returns it. */
static double clip(float *g, size_t n, double c)
{
    double sq = 0;
    #pragma omp parallel for reduction(+ : sq) if (n >= 32768)
    for (size_t i = 0; i < n; i++)
        sq += (double)g[i] * g[i];
    double norm = sqrt(sq);
    if (c > 0 && norm > c) {
        float s = (float)(c / norm);
        #pragma omp parallel for if (n >= 32768)
        for (size_t i = 0; i < n; i++)
            g[i] *= s;
    }
    return norm;
}

/* Adam, in rnn's order of operations (chapters/35-learning.nw). */
static void adam(net *m, double lr)
{
    m->adam_step++;
    const float b1 = 0.9f, b2 = 0.999f, eps = 1e-8f;
    float step = (float)(lr / (1 - pow(0.9, (double)m->adam_step)));
    float corr = (float)sqrt(1 - pow(0.999, (double)m->adam_step));
    float *w = m->w, *g = m->g, *am = m->am, *av = m->av;
    size_t n = m->n;
    #pragma omp parallel for simd if (n >= 100000)
    for (size_t i = 0; i < n; i++) {
        am[i] = b1 * am[i] + (1 - b1) * g[i];
        av[i] = b2 * av[i] + (1 - b2) * g[i] * g[i];
        w[i] -= step * am[i] / (sqrtf(av[i]) / corr + eps);
    }
}

static void zero_states(net *m, int which)
{
    size_t BH = (size_t)m->B * (size_t)m->H * sizeof(float);
    for (int l = 0; l < m->L; l++)
        memset(which ? m->h1[l] : m->h0[l], 0, BH),
            memset(which ? m->c1[l] : m->c0[l], 0, BH);
}

static void carry_states(net *m)
{
    size_t BH = (size_t)m->B * (size_t)m->H * sizeof(float);
    for (int l = 0; l < m->L; l++)
        memcpy(m->h0[l], m->h1[l], BH), memcpy(m->c0[l], m->c1[l], BH);
}

/* ------------------------------------------------------------- options */

typedef struct {
    const char *data, *dump;
    int cell, layers, hidden, seq, batch, threads, print_every, verbose;
    int print;
    long steps, warmup, length;
    double lr, clip, val_frac, temperature;
    uint64_t seed;
} options;

static long number(const char *name, const char *v, double lo, double hi,
                   double *real)
{
    char *end;
    double x = strtod(v, &end);
    if (*v == '\0' || *end != '\0' || !(x >= lo && x <= hi))
        die(2, "--%s: '%s' is not a number in [%g, %g]", name, v, lo, hi);
    if (real != NULL)
        *real = x;
    else if (x != floor(x))
        die(2, "--%s: '%s' is not a whole number", name, v);
    return (long)x;
}

static void parse(int argc, char **argv, options *o)
{
    *o = (options){.cell = CELL_LSTM, .layers = 2, .hidden = 128, .seq = 50,
                   .batch = 50, .steps = 20, .warmup = -1, .length = 20000,
                   .lr = 2e-3, .clip = 5, .temperature = 0.8, .seed = 1};
    for (int i = 2; i < argc; i++) {
        const char *a = argv[i];
        if (strcmp(a, "--verbose") == 0) {
            o->verbose = 1;
            continue;
        }
        if (strcmp(a, "--print") == 0) {
            o->print = 1;
            continue;
        }
        if (strncmp(a, "--", 2) != 0 || i + 1 >= argc)
            die(2, "'%s': expected --option value (see the comment at the "
                   "top of bench/onednn.c)", a);
        const char *n = a + 2, *v = argv[++i];
        if (strcmp(n, "data") == 0)
            o->data = v;
        else if (strcmp(n, "dump") == 0)
            o->dump = v;
        else if (strcmp(n, "cell") == 0) {
            o->cell = -1;
            for (int c = 0; c < 3; c++)
                if (strcmp(v, cell_names[c]) == 0)
                    o->cell = c;
            if (o->cell < 0)
                die(2, "--cell: '%s' is not rnn, lstm or gru", v);
        } else if (strcmp(n, "layers") == 0)
            o->layers = (int)number(n, v, 1, MAXL, NULL);
        else if (strcmp(n, "hidden") == 0)
            o->hidden = (int)number(n, v, 1, 65536, NULL);
        else if (strcmp(n, "seq") == 0)
            o->seq = (int)number(n, v, 1, 1e5, NULL);
        else if (strcmp(n, "batch") == 0)
            o->batch = (int)number(n, v, 1, 1e5, NULL);
        else if (strcmp(n, "threads") == 0)
            o->threads = (int)number(n, v, 1, 1024, NULL);
        else if (strcmp(n, "print-every") == 0)
            o->print_every = (int)number(n, v, 0, 1e9, NULL);
        else if (strcmp(n, "steps") == 0)
            o->steps = number(n, v, 0, 1e12, NULL);
        else if (strcmp(n, "warmup") == 0)
            o->warmup = number(n, v, 0, 1e12, NULL);
        else if (strcmp(n, "length") == 0)
            o->length = number(n, v, 1, 1e12, NULL);
        else if (strcmp(n, "seed") == 0)
            o->seed = (uint64_t)number(n, v, 0, 1e15, NULL);
        else if (strcmp(n, "lr") == 0)
            number(n, v, 1e-12, 1e3, &o->lr);
        else if (strcmp(n, "clip") == 0)
            number(n, v, 0, 1e30, &o->clip);
        else if (strcmp(n, "val-frac") == 0)
            number(n, v, 0, 0.99, &o->val_frac);
        else if (strcmp(n, "temperature") == 0)
            number(n, v, 1e-3, 1e3, &o->temperature);
        else
            die(2, "unknown option '%s'", a);
    }
    if (o->data == NULL)
        die(2, "--data FILE is required");
    if (o->warmup < 0)
        o->warmup = strcmp(argv[1], "sample") == 0 ? 200 : 3;
    if (o->threads > 0)
        omp_set_num_threads(o->threads);
    rng_state = o->seed;
}

/* ---------------------------------------------------------------- grad */

/* rnn's gate k for oneDNN's gate k: the GRU's first two are swapped. */
static int rnn_gate(const net *m, int k)
{
    return m->cell == CELL_GRU && k < 2 ? 1 - k : k;
}

/* Moves a tensor of rnn's (rows G*H in rnn's gate order, cols D) to this
 * program's ldigo (to_rnn 0), or back (to_rnn 1). A bias has D = 1. */
static void convert(const net *m, float *ours, float *rnns, int D, int to_rnn)
{
    int H = m->H, G = m->gates;
    for (int i = 0; i < D; i++)
        for (int k = 0; k < G; k++)
            for (int u = 0; u < H; u++) {
                size_t a = ((size_t)i * (size_t)G + (size_t)k) * (size_t)H
                           + (size_t)u;
                size_t b = ((size_t)rnn_gate(m, k) * (size_t)H + (size_t)u)
                           * (size_t)D + (size_t)i;
                if (to_rnn)
                    rnns[b] = ours[a];
                else
                    ours[a] = rnns[b];
            }
}

typedef struct {
    char name[64];
    int rows, cols;
    float *v;
} tensor;

typedef struct {
    int cell, L, H, B, T;
    long cursor;
    double val_frac, lr, clip, dropout;
    char optim[64];
    text voc;
    tensor t[4 * MAXL + 2];
    int nt;
    float *carry[MAXL][2];
} dump;

static char *get_line(FILE *f, char *buf, int size, const char *path)
{
    if (fgets(buf, size, f) == NULL)
        die(1, "%s: ends early", path);
    buf[strcspn(buf, "\n")] = '\0';
    return buf;
}

static float *read_values(FILE *f, size_t n, const char *path)
{
    float *v = xcalloc(n, sizeof *v);
    char line[128];
    for (size_t i = 0; i < n; i++) {
        char *end;
        v[i] = strtof(get_line(f, line, sizeof line, path), &end);
        if (end == line || *end != '\0')
            die(1, "%s: '%s' is not a number", path, line);
    }
    return v;
}

/* Reads the output of `rnn dump`. */
static void read_dump(dump *d, const char *path)
{
    FILE *f = fopen(path, "r");
    if (f == NULL)
        die(1, "cannot read '%s'", path);
    memset(d, 0, sizeof *d);
    d->cell = -1, d->voc.unk = -1;
    char line[4096], s1[64], s2[64];
    int V = 0, nvoc = 0;
    while (fgets(line, sizeof line, f) != NULL) {
        line[strcspn(line, "\n")] = '\0';
        int r, c, l, k, B, H;
        if (sscanf(line, "setting %63s %63s", s1, s2) == 2) {
            if (strcmp(s1, "cell") == 0)
                for (int i = 0; i < 3; i++)
                    if (strcmp(s2, cell_names[i]) == 0)
                        d->cell = i;
            if (strcmp(s1, "layers") == 0)
                d->L = atoi(s2);
            if (strcmp(s1, "hidden") == 0)
                d->H = atoi(s2);
            if (strcmp(s1, "batch") == 0)
                d->B = atoi(s2);
            if (strcmp(s1, "seq") == 0)
                d->T = atoi(s2);
            if (strcmp(s1, "val-frac") == 0)
                d->val_frac = atof(s2);
            if (strcmp(s1, "lr") == 0)
                d->lr = atof(s2);
            if (strcmp(s1, "clip") == 0)
                d->clip = atof(s2);
            if (strcmp(s1, "dropout") == 0)
                d->dropout = atof(s2);
            if (strcmp(s1, "optim") == 0)
                snprintf(d->optim, sizeof d->optim, "%s", s2);
            if (strcmp(s1, "tokens") == 0 && strcmp(s2, "char") != 0)
                die(1, "%s: only character tokens are supported", path);
        } else if (sscanf(line, "state cursor %ld", &d->cursor) == 1) {
        } else if (sscanf(line, "vocab %d %d", &V, &d->voc.unk) == 2) {
            d->voc.keys = xcalloc((size_t)V, sizeof(uint32_t));
            d->voc.V = V;
        } else if (strncmp(line, "token", 5) == 0
                   && (line[5] == ' ' || line[5] == '\0')) {
            /* the token's bytes in hex; none for the unknown token */
            const char *p = line + 5 + (line[5] == ' ');
            unsigned char b[4] = {0};
            int len = 0;
            for (unsigned x; *p != '\0'; p += 2) {
                if (len == 4 || p[1] == '\0' || sscanf(p, "%2x", &x) != 1)
                    die(1, "%s: bad token line '%s'", path, line);
                b[len++] = (unsigned char)x;
            }
            if (nvoc >= V)
                die(1, "%s: more tokens than its vocab line says", path);
            d->voc.keys[nvoc++] = token_key(b, len);
        } else if (sscanf(line, "tensor %31s %d %d", s1, &r, &c) == 3) {
            if (d->nt == 4 * MAXL + 2)
                die(1, "%s: too many tensors", path);
            tensor *t = &d->t[d->nt++];
            snprintf(t->name, sizeof t->name, "%s", s1);
            t->rows = r, t->cols = c;
            t->v = read_values(f, (size_t)r * (size_t)c, path);
        } else if (sscanf(line, "carry %d %d %d %d", &l, &k, &B, &H) == 4) {
            if (l < 1 || l > MAXL || k < 0 || k > 1)
                die(1, "%s: bad carry line '%s'", path, line);
            d->carry[l - 1][k] = read_values(f, (size_t)B * (size_t)H, path);
        }
    }
    fclose(f);
    if (d->cell < 0 || d->L < 1 || d->L > MAXL || d->H < 1 || nvoc != V
        || V < 2)
        die(1, "%s: not the output of rnn dump", path);
}

static const tensor *find_tensor(const dump *d, const char *name, int rows,
                                 int cols)
{
    for (int i = 0; i < d->nt; i++)
        if (strcmp(d->t[i].name, name) == 0) {
            if (d->t[i].rows != rows || d->t[i].cols != cols)
                die(1, "tensor %s is %d x %d, not %d x %d", name,
                    d->t[i].rows, d->t[i].cols, rows, cols);
            return &d->t[i];
        }
    die(1, "the dump has no tensor %s", name);
    return NULL;
}

/* Copies rnn's tensors into m->w (to_rnn 0), or writes m->g's as rnn's
 * tensors to out (to_rnn 1). */
static void rnn_tensors(net *m, const dump *d, FILE *out, int to_rnn)
{
    int G = m->gates * m->H;
    float *buf = xcalloc((size_t)G * (size_t)(m->V > m->H ? m->V : m->H),
                         sizeof *buf);
    for (int l = 0; l < m->L; l++) {
        int D = l == 0 ? m->V : m->H;
        const char *names[4] = {"Wxh", "Whh", "bh", "bhh"};
        size_t offs[4] = {m->wx[l], m->wh[l], m->b[l], m->b2[l]};
        int cols[4] = {D, m->H, 1, 1};
        for (int i = 0; i < (m->cell == CELL_GRU ? 4 : 3); i++) {
            char name[32];
            snprintf(name, sizeof name, "%s.%d", names[i], l + 1);
            if (to_rnn) {
                convert(m, m->g + offs[i], buf, cols[i], 1);
                fprintf(out, "tensor %s %d %d\n", name, G, cols[i]);
                for (size_t j = 0; j < (size_t)G * (size_t)cols[i]; j++)
                    fprintf(out, "%.9e\n", buf[j]);
            } else {
                const tensor *t = find_tensor(d, name, G, cols[i]);
                convert(m, m->w + offs[i], t->v, cols[i], 0);
            }
        }
    }
    size_t VH = (size_t)m->V * (size_t)m->H;
    if (to_rnn) {
        fprintf(out, "tensor Why %d %d\n", m->V, m->H);
        for (size_t j = 0; j < VH; j++)
            fprintf(out, "%.9e\n", m->g[m->why + j]);
        fprintf(out, "tensor by %d 1\n", m->V);
        for (int j = 0; j < m->V; j++)
            fprintf(out, "%.9e\n", m->g[m->by + (size_t)j]);
    } else {
        memcpy(m->w + m->why, find_tensor(d, "Why", m->V, m->H)->v,
               VH * sizeof(float));
        memcpy(m->w + m->by, find_tensor(d, "by", m->V, 1)->v,
               (size_t)m->V * sizeof(float));
    }
    free(buf);
}

/* Sets m, s and the states up from the output of `rnn dump` at o->dump:
 * its settings, vocabulary (in d), weights, and its streams at its cursor
 * with its carried states (used unless that window starts the text). */
static void from_dump(const options *o, dump *d, net *m, streams *s)
{
    read_dump(d, o->dump);
    text_read(&d->voc, o->data, d->val_frac);
    streams_init(s, &d->voc, d->B, d->T);
    net_init(m, d->cell, d->L, d->H, d->voc.V, d->T, d->B, 1, o->verbose);
    rnn_tensors(m, d, NULL, 0);
    s->next = (size_t)d->cursor % s->windows;
    size_t BH = (size_t)d->B * (size_t)d->H;
    for (int l = 0; l < d->L && s->next != 0; l++)
        for (int k = 0; k < (d->cell == CELL_LSTM ? 2 : 1); k++) {
            if (d->carry[l][k] == NULL)
                die(1, "%s: no carried state for layer %d", o->dump, l + 1);
            memcpy(k ? m->c0[l] : m->h0[l], d->carry[l][k],
                   BH * sizeof(float));
        }
}

static void dump_free(dump *d)
{
    for (int i = 0; i < d->nt; i++)
        free(d->t[i].v);
    for (int l = 0; l < MAXL; l++)
        free(d->carry[l][0]), free(d->carry[l][1]);
    free(d->voc.keys), free(d->voc.ids), free(d->voc.index);
}

static int cmd_grad(const options *o)
{
    if (o->dump == NULL)
        die(2, "grad needs --dump FILE (the output of rnn dump)");
    dump d;
    net m;
    streams s;
    from_dump(o, &d, &m, &s);
    int *x = xcalloc((size_t)d.T * (size_t)d.B, sizeof *x);
    int *y = xcalloc((size_t)d.T * (size_t)d.B, sizeof *y);
    if (streams_next(&s, x, y))
        zero_states(&m, 0);
    double loss = loss_and_gradient(&m, x, y, 1);
    printf("loss %.9e\n", loss);
    rnn_tensors(&m, &d, stdout, 1);
    free(x), free(y);
    net_free(&m);
    dump_free(&d);
    return 0;
}

/* --------------------------------------------------------------- train */

/* Trains, from new weights or (with --dump) from a checkpoint's, with its
 * settings; prints the loss and its moving average as bench/reference.py
 * train does, then the speed. */
static int cmd_train(const options *o)
{
    dump d;
    text t = {0};
    net m;
    streams s;
    double lr = o->lr, clip_at = o->clip;
    if (o->dump != NULL) {
        from_dump(o, &d, &m, &s);
        if (d.dropout != 0 || strcmp(d.optim, "adam") != 0)
            die(1, "%s: train needs Adam and no dropout", o->dump);
        lr = d.lr, clip_at = d.clip;
    } else {
        text_read(&t, o->data, o->val_frac);
        streams_init(&s, &t, o->batch, o->seq);
        net_init(&m, o->cell, o->layers, o->hidden, t.V, o->seq, o->batch,
                 1, o->verbose);
        net_init_weights(&m);
    }
    size_t TB = (size_t)m.T * (size_t)m.B;
    int *x = xcalloc(TB, sizeof *x), *y = xcalloc(TB, sizeof *y);
    double start = now(), ema = 0;
    for (long k = 1; k <= o->warmup + o->steps; k++) {
        if (k == o->warmup + 1)
            start = now();
        if (streams_next(&s, x, y))
            zero_states(&m, 0);
        double loss = loss_and_gradient(&m, x, y, 1);
        if (!isfinite(loss))
            die(1, "the loss at step %ld is not finite", k);
        carry_states(&m);
        clip(m.g, m.n, clip_at);
        adam(&m, lr);
        ema = 0.99 * ema + 0.01 * loss;
        if (o->print_every > 0 && (k == 1 || k % o->print_every == 0))
            printf("step %ld loss %.9f ema %.9f\n", k, loss,
                   ema / (1 - pow(0.99, (double)k)));
    }
    double seconds = now() - start;
    printf("vocabulary=%d parameters=%zu threads=%d\n", m.V, m.n,
           omp_get_max_threads());
    if (o->steps > 0)
        printf("chars_per_sec=%.0f\n", (double)o->steps * (double)TB
                                           / seconds);
    free(x), free(y);
    net_free(&m);
    if (o->dump != NULL)
        dump_free(&d);
    free(t.keys), free(t.ids), free(t.index);
    return 0;
}

/* --------------------------------------------------------------- check */

/* The largest relative error of a against b over each tensor of the model,
 * |a - b| / max(|a|, |b|, floor), floor = 1e-2 times the tensor's largest
 * |b| (as bench/compare.py); printed per tensor, the worst returned. */
static double compare_tensors(const net *m, const double *a, const double *b)
{
    size_t starts[4 * MAXL + 3];
    const char *names[4 * MAXL + 2];
    char buf[4 * MAXL + 2][16];
    int k = 0;
    const char *kinds[4] = {"Wx", "Wh", "b", "b2"};
    for (int l = 0; l < m->L; l++) {
        size_t offs[4] = {m->wx[l], m->wh[l], m->b[l], m->b2[l]};
        for (int i = 0; i < (m->cell == CELL_GRU ? 4 : 3); i++) {
            snprintf(buf[k], sizeof buf[k], "%s.%d", kinds[i], l + 1);
            names[k] = buf[k], starts[k++] = offs[i];
        }
    }
    names[k] = "Why", starts[k++] = m->why;
    names[k] = "by", starts[k++] = m->by;
    starts[k] = m->n;
    double worst = 0;
    for (int t = 0; t < k; t++) {
        double top = 0, e = 0;
        for (size_t i = starts[t]; i < starts[t + 1]; i++)
            top = fabs(b[i]) > top ? fabs(b[i]) : top;
        for (size_t i = starts[t]; i < starts[t + 1]; i++) {
            double den = fmax(fmax(fabs(a[i]), fabs(b[i])), 1e-2 * top);
            double r = den > 0 ? fabs(a[i] - b[i]) / den : 0;
            e = r > e ? r : e;
        }
        printf("    %-6s %6zu entries, largest |gradient| %.3e, largest "
               "relative error %.2e\n", names[t], starts[t + 1] - starts[t],
               top, e);
        worst = e > worst ? e : worst;
    }
    return worst;
}

/* Every parameter's gradient against central differences. */
static int check_gradient(int cell, const text *t)
{
    enum { L = 2, H = 5, T = 4, B = 3 };
    /* The primitives compute in single precision: a loss of about 4 is
     * rounded to about 5e-7, so differences over a small h are noise. The
     * four-point rule's error falls as h^4: with h = 0.05 the two errors
     * meet near 1e-3 of the largest entries; an error in a formula or a
     * layout is of the order of the entries. */
    const double h = 0.05, tol = 5e-2;
    net m;
    net_init(&m, cell, L, H, t->V, T, B, 1, 0);
    for (size_t i = 0; i < m.n; i++)
        m.w[i] = (float)(rng_uniform() - 0.5);
    for (int l = 0; l < L; l++)
        for (int i = 0; i < B * H; i++)
            m.h0[l][i] = (float)(rng_uniform() - 0.5),
            m.c0[l][i] = (float)(rng_uniform() - 0.5);
    int x[T * B], y[T * B];
    for (int i = 0; i < T * B; i++)
        x[i] = t->ids[i], y[i] = t->ids[i + 1];
    /* twice: a gradient must not depend on the one before */
    loss_and_gradient(&m, x, y, 1);
    double loss = loss_and_gradient(&m, x, y, 1);
    double *ga = xcalloc(m.n, sizeof *ga), *gn = xcalloc(m.n, sizeof *gn);
    for (size_t i = 0; i < m.n; i++)
        ga[i] = m.g[i];
    for (size_t i = 0; i < m.n; i++) {
        float w = m.w[i];
        double f[4];
        const double at[4] = {-2, -1, 1, 2};
        for (int k = 0; k < 4; k++) {
            m.w[i] = (float)(w + at[k] * h);
            loss_and_gradient(&m, x, y, 0);
            f[k] = loss_double(&m, y);
        }
        m.w[i] = w;
        gn[i] = (f[0] - 8 * f[1] + 8 * f[2] - f[3]) / (12 * h);
    }
    printf("  %s, %d layers of %d, T %d, B %d, V %d, random weights and "
           "starting states: loss %.6f\n", cell_names[cell], L, H, T, B,
           t->V, loss);
    double worst = compare_tensors(&m, ga, gn);
    printf("  %s: largest relative error %.2e (tolerance %.0e, central "
           "differences, 4 points, h = %g)%s\n", cell_names[cell], worst, tol,
           h, worst <= tol ? "" : "  FAILED");
    free(ga), free(gn);
    net_free(&m);
    return worst <= tol;
}

/* The inference primitives one step at a time, states carried, against
 * the training primitive's forward pass over a window (one stream). */
static int check_inference(int cell, const text *t)
{
    enum { L = 2, H = 16, T = 12 };
    const double tol = 1e-5;
    net a, b;
    net_init(&a, cell, L, H, t->V, T, 1, 1, 0);
    net_init(&b, cell, L, H, t->V, 1, 1, 0, 0);
    for (size_t i = 0; i < a.n; i++)
        a.w[i] = b.w[i] = (float)(rng_uniform() - 0.5);
    for (int l = 0; l < L; l++)
        for (int i = 0; i < H; i++) {
            a.h0[l][i] = b.h0[l][i] = (float)(rng_uniform() - 0.5);
            a.c0[l][i] = b.c0[l][i] = (float)(rng_uniform() - 0.5);
        }
    int x[T], y[T];
    for (int i = 0; i < T; i++)
        x[i] = t->ids[i], y[i] = t->ids[i + 1];
    loss_and_gradient(&a, x, y, 0);
    sync_weights(&b, 0);
    double worst = 0, top = 0;
    for (int s = 0; s < T; s++) {
        forward_layers(&b, x + s, s & 1);
        decode(&b);
        for (int j = 0; j < t->V; j++) {
            double u = a.logits[s * t->V + j], v = b.logits[j];
            worst = fmax(worst, fabs(u - v));
            top = fmax(top, fabs(u));
        }
    }
    printf("  %s: inference one step at a time against the training "
           "forward, %d steps: largest difference of a logit %.2e "
           "(largest logit %.2f; tolerance %.0e)%s\n", cell_names[cell], T,
           worst, top, tol, worst <= tol ? "" : "  FAILED");
    net_free(&a), net_free(&b);
    return worst <= tol;
}

static int cmd_check(const options *o)
{
    text t = {0};
    text_read(&t, o->data, 0);
    if (t.n < 64)
        die(1, "'%s' is too short for the check", o->data);
    int ok = 1;
    for (int c = 0; c < 3; c++) {
        ok &= check_gradient(c, &t);
        ok &= check_inference(c, &t);
    }
    printf("onednn check: %s\n", ok ? "passed" : "FAILED");
    free(t.keys), free(t.ids), free(t.index);
    return ok ? 0 : 1;
}

/* -------------------------------------------------------------- sample */

/* Draws a token from the logits z at temperature temp. */
static int draw(const float *z, int V, double temp, double *p)
{
    double top = z[0], sum = 0;
    for (int j = 1; j < V; j++)
        top = z[j] > top ? z[j] : top;
    for (int j = 0; j < V; j++)
        sum += p[j] = exp((z[j] - top) / temp);
    double u = rng_uniform() * sum;
    for (int j = 0; j < V - 1; j++)
        if ((u -= p[j]) < 0)
            return j;
    return V - 1;
}

static int cmd_sample(const options *o)
{
    text t = {0};
    text_read(&t, o->data, 0);
    net m;
    net_init(&m, o->cell, o->layers, o->hidden, t.V, 1, 1, 0, o->verbose);
    net_init_weights(&m);
    sync_weights(&m, 0);
    zero_states(&m, 0);
    long n = o->warmup + o->length;
    char *out = xcalloc((size_t)n * 4 + 1, 1);
    double *p = xcalloc((size_t)t.V, sizeof *p);
    size_t len = 0;
    int id = find_key(&t, token_key((const unsigned char *)"\n", 1));
    id = id < 0 ? 0 : id;
    double start = now();
    for (long i = 0; i < n; i++) {
        if (i == o->warmup)
            start = now();
        forward_layers(&m, &id, (int)(i & 1));
        decode(&m);
        id = draw(m.logits, t.V, o->temperature, p);
        for (int k = 0; k < 4; k++) {
            unsigned char c = (unsigned char)(t.keys[id] >> (24 - 8 * k));
            if (c != 0 || k == 0)
                out[len++] = (char)c;
        }
    }
    double seconds = now() - start;
    if (o->print)
        fwrite(out, 1, len, stdout);
    printf("%schars_per_sec=%.0f\n", o->print ? "\n" : "",
           (double)o->length / seconds);
    free(out), free(p);
    net_free(&m);
    free(t.keys), free(t.ids), free(t.index);
    return 0;
}

int main(int argc, char **argv)
{
    static const char *const names[] = {"train", "grad", "check", "sample"};
    static int (*const run[])(const options *) = {cmd_train, cmd_grad,
                                                  cmd_check, cmd_sample};
    options o;
    if (argc == 2 && strcmp(argv[1], "version") == 0) {
        const dnnl_version_t *v = dnnl_version();
        printf("oneDNN %d.%d.%d, %s threads, instructions %s\n", v->major,
               v->minor, v->patch, dnnl_runtime2str(v->cpu_runtime),
               dnnl_cpu_isa2str(dnnl_get_effective_cpu_isa()));
        return 0;
    }
    for (int c = 0; argc > 1 && c < 4; c++)
        if (strcmp(argv[1], names[c]) == 0) {
            parse(argc, argv, &o);
            return run[c](&o);
        }
    die(2, "usage: onednn train|grad|check|sample|version [options] (see "
           "the comment at the top of bench/onednn.c)");
    return 2;
}

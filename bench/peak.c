/* peak.c: the machine's single-precision FMA peak, in GFLOP/s.
 *
 * Each thread runs 16 (AVX2: 12) independent chains of fused multiply-adds
 * on full vector registers (zmm with AVX-512, ymm with AVX2 and FMA), enough
 * accumulators to cover the FMA latency of any current x86 core, so the
 * only limit is the FMA units' throughput. An FMA counts 2 FLOPs per lane.
 * It measures one thread, then one thread per core in the affinity mask,
 * each the best of several runs, and prints
 *
 *     peak_1thread_gflops=X peak_all_gflops=Y cores=N isa=NAME
 *
 * Build and run:  gcc -O2 -march=native -pthread -o build/bench/peak bench/peak.c
 *                 build/bench/peak [seconds per measurement, default 0.3]
 *
 * With --read BYTES it measures instead how fast the machine reads a buffer
 * of that size, again and again, as generation reads a model's weights for
 * every character it writes (bench/bench.sh): one thread reading all of it,
 * then one thread per core each reading its share (pinned), each the best
 * of 5 runs of about 0.2 s, and prints
 *
 *     read_bytes=N read_1thread_gbs=X read_all_gbs=Y cores=N
 *
 * in 10^9 bytes per second. A buffer that fits in a cache is read at the
 * cache's speed; one of hundreds of megabytes, at the memory's. The reads
 * are sums of vectors (8 independent chains), nothing written back: a read
 * stream, not STREAM's copy, since generation only reads the weights.
 */
#define _GNU_SOURCE
#include <pthread.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#if defined(__x86_64__) || defined(__i386__)
#include <immintrin.h>
#define X86 1
#endif

enum { CHAINS = 16 };

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + 1e-9 * ts.tv_nsec;
}

/* Each kernel runs n iterations of CHAINS FMAs, acc = acc * a + b, which
 * converges to b / (1 - a) = 1 and so never overflows or goes denormal,
 * and returns a sum of the accumulators so that none can be optimised away.
 * It returns the FLOPs per iteration through *flops. */
/* The accumulators are 16 named variables, not an array, so that they live
 * in registers whatever the optimiser decides about unrolling. AVX2 has only
 * 16 ymm registers: 16 accumulators and a and b would not fit, and two chains
 * would be kept on the stack (seen with objdump; the peak then measured 57
 * instead of 97 GFLOP/s on a Zen 3), so its kernel runs 12 chains, still
 * more than its two FMA pipes times four cycles of latency. */
#define REP16(X) X(0) X(1) X(2) X(3) X(4) X(5) X(6) X(7) \
                 X(8) X(9) X(10) X(11) X(12) X(13) X(14) X(15)
#define REP12(X) X(0) X(1) X(2) X(3) X(4) X(5) X(6) X(7) \
                 X(8) X(9) X(10) X(11)

#ifdef X86
__attribute__((target("avx512f"))) static float kernel_avx512(long n,
                                                                double *flops)
{
    const __m512 a = _mm512_set1_ps(0.999999f), b = _mm512_set1_ps(1e-6f);
#define DECL(i) __m512 acc##i = _mm512_set1_ps((float)i / CHAINS);
#define STEP(i) acc##i = _mm512_fmadd_ps(acc##i, a, b);
#define SUM(i) s = _mm512_add_ps(s, acc##i);
    REP16(DECL)
    for (long k = 0; k < n; k++) {
        REP16(STEP)
        __asm__ volatile("" ::: "memory");
    }
    __m512 s = _mm512_setzero_ps();
    REP16(SUM)
    *flops = 2.0 * 16 * CHAINS;
    return _mm512_reduce_add_ps(s);
#undef DECL
#undef STEP
#undef SUM
}

__attribute__((target("avx2,fma"))) static float kernel_avx2(long n,
                                                             double *flops)
{
    const __m256 a = _mm256_set1_ps(0.999999f), b = _mm256_set1_ps(1e-6f);
#define DECL(i) __m256 acc##i = _mm256_set1_ps((float)i / CHAINS);
#define STEP(i) acc##i = _mm256_fmadd_ps(acc##i, a, b);
#define SUM(i) s = _mm256_add_ps(s, acc##i);
    REP12(DECL)
    for (long k = 0; k < n; k++) {
        REP12(STEP)
        __asm__ volatile("" ::: "memory");
    }
    __m256 s = _mm256_setzero_ps();
    REP12(SUM)
    float out[8], sum = 0;
    _mm256_storeu_ps(out, s);
    for (int i = 0; i < 8; i++)
        sum += out[i];
    *flops = 2.0 * 8 * 12;
    return sum;
#undef DECL
#undef STEP
#undef SUM
}
#endif

/* Portable fallback: 4-lane vectors; the compiler fuses if it can. */
typedef float v4 __attribute__((vector_size(16)));
static float kernel_generic(long n, double *flops)
{
    const v4 a = {0.999999f, 0.999999f, 0.999999f, 0.999999f};
    const v4 b = {1e-6f, 1e-6f, 1e-6f, 1e-6f};
#define DECL(i) v4 acc##i = a * ((float)i / CHAINS);
#define STEP(i) acc##i = acc##i * a + b;
#define SUM(i) s += acc##i;
    REP16(DECL)
    for (long k = 0; k < n; k++) {
        REP16(STEP)
        __asm__ volatile("" ::: "memory");
    }
    v4 s = {0, 0, 0, 0};
    REP16(SUM)
    *flops = 2.0 * 4 * CHAINS;
    return s[0] + s[1] + s[2] + s[3];
#undef DECL
#undef STEP
#undef SUM
}

/* Sums n floats at p (n a multiple of 128, p aligned to 64 bytes). */
#ifdef X86
__attribute__((target("avx512f"))) static float read_avx512(const float *p,
                                                              size_t n)
{
    __m512 s[8];
    for (int k = 0; k < 8; k++)
        s[k] = _mm512_setzero_ps();
    for (size_t i = 0; i < n; i += 128)
        for (int k = 0; k < 8; k++)
            s[k] = _mm512_add_ps(s[k], _mm512_load_ps(p + i + 16 * k));
    for (int k = 1; k < 8; k++)
        s[0] = _mm512_add_ps(s[0], s[k]);
    return _mm512_reduce_add_ps(s[0]);
}

__attribute__((target("avx2"))) static float read_avx2(const float *p,
                                                         size_t n)
{
    __m256 s[8];
    for (int k = 0; k < 8; k++)
        s[k] = _mm256_setzero_ps();
    for (size_t i = 0; i < n; i += 128)
        for (int k = 0; k < 8; k++) {
            s[k] = _mm256_add_ps(s[k], _mm256_load_ps(p + i + 16 * k));
            s[k] = _mm256_add_ps(s[k], _mm256_load_ps(p + i + 16 * k + 8));
        }
    for (int k = 1; k < 8; k++)
        s[0] = _mm256_add_ps(s[0], s[k]);
    float out[8], sum = 0;
    _mm256_storeu_ps(out, s[0]);
    for (int i = 0; i < 8; i++)
        sum += out[i];
    return sum;
}
#endif

static float read_generic(const float *p, size_t n)
{
    v4 s[8] = {{0}};
    for (size_t i = 0; i < n; i += 32)
        for (int k = 0; k < 8; k++)
            s[k] += *(const v4 *)(p + i + 4 * k);
    for (int k = 1; k < 8; k++)
        s[0] += s[k];
    return s[0][0] + s[0][1] + s[0][2] + s[0][3];
}

static float (*kernel)(long, double *) = kernel_generic;
static float (*reader)(const float *, size_t) = read_generic;
static const char *isa = "generic";

static void choose_kernel(void)
{
#ifdef X86
    __builtin_cpu_init();
    if (__builtin_cpu_supports("avx512f"))
        kernel = kernel_avx512, reader = read_avx512, isa = "avx512";
    else if (__builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma"))
        kernel = kernel_avx2, reader = read_avx2, isa = "avx2";
#endif
}

static volatile float sink;

typedef struct {
    long n;
    pthread_barrier_t *start;
    int cpu;
} job;

static void *run(void *arg)
{
    job *j = arg;
    double flops;
    if (j->cpu >= 0) {
        cpu_set_t set;
        CPU_ZERO(&set);
        CPU_SET(j->cpu, &set);
        pthread_setaffinity_np(pthread_self(), sizeof set, &set);
    }
    pthread_barrier_wait(j->start);
    sink = kernel(j->n, &flops);
    return NULL;
}

/* GFLOP/s of `threads` threads, each running n iterations: the total FLOPs
 * over the wall time from the common start to the last thread's end. */
static double measure(int threads, const int *cpus, long n)
{
    pthread_t tid[threads];
    job jobs[threads];
    pthread_barrier_t start;
    pthread_barrier_init(&start, NULL, (unsigned)threads + 1);
    for (int i = 0; i < threads; i++) {
        jobs[i] = (job){n, &start, cpus != NULL ? cpus[i] : -1};
        pthread_create(&tid[i], NULL, run, &jobs[i]);
    }
    pthread_barrier_wait(&start);
    double t0 = now();
    for (int i = 0; i < threads; i++)
        pthread_join(tid[i], NULL);
    double seconds = now() - t0;
    pthread_barrier_destroy(&start);
    double flops;
    kernel(1, &flops);
    return flops * (double)n * threads / seconds / 1e9;
}

/* The best of 5 runs of about `seconds` each. */
static double best(int threads, const int *cpus, double seconds)
{
    long n = 1 << 16;
    double t0 = now();
    double flops;
    sink = kernel(n, &flops);
    double dt = now() - t0;
    n = (long)(n * seconds / (dt > 1e-6 ? dt : 1e-6));
    if (n < 1000)
        n = 1000;
    double top = 0;
    for (int r = 0; r < 5; r++) {
        double g = measure(threads, cpus, n);
        if (g > top)
            top = g;
    }
    return top;
}

/* ------------------------------------------------------------ reading */

typedef struct {
    const float *p;
    size_t n;
    long passes;
    pthread_barrier_t *start;
    int cpu;
} reading;

static void *read_run(void *arg)
{
    reading *r = arg;
    if (r->cpu >= 0) {
        cpu_set_t set;
        CPU_ZERO(&set);
        CPU_SET(r->cpu, &set);
        pthread_setaffinity_np(pthread_self(), sizeof set, &set);
    }
    pthread_barrier_wait(r->start);
    float s = 0;
    for (long k = 0; k < r->passes; k++) {
        s += reader(r->p, r->n);
        __asm__ volatile("" ::: "memory");
    }
    sink = s;
    return NULL;
}

/* GB/s of `threads` threads (pinned to cpus, if not NULL) each reading its
 * share of the n floats at p `passes` times. */
static double read_rate(const float *p, size_t n, int threads,
                        const int *cpus, long passes)
{
    pthread_t tid[threads];
    reading jobs[threads];
    pthread_barrier_t start;
    pthread_barrier_init(&start, NULL, (unsigned)threads + 1);
    size_t share = n / 128 / (size_t)threads * 128;
    for (int i = 0; i < threads; i++) {
        size_t len = i == threads - 1 ? n - share * (size_t)i : share;
        jobs[i] = (reading){p + share * (size_t)i, len, passes, &start,
                            cpus != NULL ? cpus[i] : -1};
        pthread_create(&tid[i], NULL, read_run, &jobs[i]);
    }
    pthread_barrier_wait(&start);
    double t0 = now();
    for (int i = 0; i < threads; i++)
        pthread_join(tid[i], NULL);
    double seconds = now() - t0;
    pthread_barrier_destroy(&start);
    return 4.0 * (double)n * (double)passes / seconds / 1e9;
}

/* The best of 5 runs of about 0.2 s each. */
static double read_best(const float *p, size_t n, int threads,
                        const int *cpus)
{
    double t0 = now();
    long passes = 1;
    read_rate(p, n, 1, NULL, 1);                 /* bring it in */
    while (now() - t0 < 0.02)
        read_rate(p, n, 1, NULL, passes), passes *= 2;
    double rate = read_rate(p, n, 1, NULL, passes);
    passes = (long)(0.2 * rate * 1e9 / (4.0 * (double)n)) + 1;
    double top = 0;
    for (int r = 0; r < 5; r++) {
        double g = read_rate(p, n, threads, cpus, passes);
        top = g > top ? g : top;
    }
    return top;
}

static int read_main(const char *size, int cores, const int *cpus)
{
    double want = atof(size);
    if (!(want >= 4096 && want <= 64e9)) {
        fprintf(stderr, "peak: --read BYTES: 4096 to 64e9, not '%s'\n", size);
        return 2;
    }
    /* whole chunks of 128 floats for each thread */
    size_t unit = 128 * (size_t)cores;
    size_t n = ((size_t)(want / 4) + unit - 1) / unit * unit;
    float *p = aligned_alloc(64, n * sizeof *p);
    if (p == NULL) {
        fprintf(stderr, "peak: cannot allocate %zu bytes\n", n * sizeof *p);
        return 1;
    }
    for (size_t i = 0; i < n; i++)
        p[i] = (float)(i & 1023) * 1e-3f;
    double one = read_best(p, n, 1, NULL);
    double all = cores > 1 ? read_best(p, n, cores, cpus) : one;
    printf("read_bytes=%zu read_1thread_gbs=%.1f read_all_gbs=%.1f cores=%d\n",
           n * sizeof *p, one, all, cores);
    free(p);
    return 0;
}

int main(int argc, char **argv)
{
    int read_mode = argc > 2 && strcmp(argv[1], "--read") == 0;
    double seconds = argc > 1 && !read_mode ? atof(argv[1]) : 0.3;
    if (seconds <= 0)
        seconds = 0.3;
    choose_kernel();
    cpu_set_t set;
    int cores = 0, cpus[CPU_SETSIZE];
    if (sched_getaffinity(0, sizeof set, &set) == 0) {
        for (int c = 0; c < CPU_SETSIZE; c++)
            if (CPU_ISSET(c, &set))
                cpus[cores++] = c;
    }
    if (cores == 0)
        cores = 1, cpus[0] = -1;
    if (read_mode)
        return read_main(argv[2], cores, cpus);
    double one = best(1, NULL, seconds);
    double all = cores > 1 ? best(cores, cpus, seconds) : one;
    printf("peak_1thread_gflops=%.1f peak_all_gflops=%.1f cores=%d isa=%s\n",
           one, all, cores, isa);
    return 0;
}

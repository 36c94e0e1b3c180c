/* blas.c: the fast products of rnn's kernel against OpenBLAS's cblas_sgemm,
   on the shapes that training the benchmark's models multiplies (issue
   "Fast on every CPU", item 5: use OpenBLAS where it wins).

     make bench-blas            (libopenblas-dev; RNN_KERNEL chooses ours)

   Each shape runs alternately in both, nine times, each time enough
   repetitions for about 0.3 GFLOP; the table gives the fastest of the
   nine, in GFLOP/s, on the threads of OMP_NUM_THREADS (OpenBLAS is given
   as many). "nn" is C += A B with A row-major M x K, B the weights; rnn
   takes B in its kernel's panels, packed once before the timing as the
   driver packs the weights once per pass. "tn" is C += A'B with A stored
   K x M, as the weight gradients are, and B as it is. */
#include <cblas.h>
#include <stdio.h>
#include <stdlib.h>
#include <omp.h>
#include "fast.h"
#include "sys.h"

typedef void product(int M, int N, int K, const real *A, const real *B,
                     real *C);
static const fast_kernel *kernel;
static int transposed;
static real *panels;    /* B in the kernel's panels, for "nn" */

static void ours(int M, int N, int K, const real *A, const real *B, real *C)
{
    fast_job job = {.M = M, .N = N, .K = K, .A = A, .ar = (size_t)K,
                    .ak = 1, .B = panels, .C = C, .packed = 1};
    if (transposed)
        kernel->tn(M, N, K, A, B, C);
    else
        kernel->jobs(&job, 1);
}

static void theirs(int M, int N, int K, const real *A, const real *B,
                   real *C)
{
    cblas_sgemm(CblasRowMajor, transposed ? CblasTrans : CblasNoTrans,
                CblasNoTrans, M, N, K, 1.0f, A, transposed ? M : K, B, N,
                1.0f, C, N);
}

static const struct {
    const char *form, *use;
    int M, N, K;
} shapes[] = {
    {"nn", "LSTM 2x128: recurrent step, 50 streams", 50, 512, 128},
    {"nn", "LSTM 2x128: state adjoint, 50 streams", 50, 128, 512},
    {"tn", "LSTM 2x128: weight gradient, 2500 positions", 512, 128, 2500},
    {"nn", "LSTM 2x128: inputs' adjoint, 2500 positions", 2500, 128, 512},
    {"nn", "LSTM 2x512: recurrent step, 64 streams", 64, 2048, 512},
    {"nn", "LSTM 2x512: state adjoint, 64 streams", 64, 512, 2048},
    {"tn", "LSTM 2x512: weight gradient, 6400 positions", 2048, 512, 6400},
    {"nn", "LSTM 2x512: inputs' adjoint, 6400 positions", 6400, 512, 2048},
};

int main(void)
{
    kernel = fast_kernel_in_use();
    openblas_set_num_threads(omp_get_max_threads());
    printf("kernel %s, %d thread(s); %s\n", kernel->name,
           omp_get_max_threads(), openblas_get_config());
    printf("%-46s %-2s %16s %7s %9s\n", "product", "", "M x N x K", "rnn",
           "OpenBLAS");
    for (size_t s = 0; s < sizeof shapes / sizeof shapes[0]; s++) {
        int M = shapes[s].M, N = shapes[s].N, K = shapes[s].K;
        real *A = sys_alloc((size_t)M * K, sizeof(real));
        real *B = sys_alloc((size_t)K * N, sizeof(real));
        real *C = sys_alloc((size_t)M * N, sizeof(real));
        for (size_t i = 0; i < (size_t)M * K; i++)
            A[i] = (real)(i % 7) / 100;
        for (size_t i = 0; i < (size_t)K * N; i++)
            B[i] = (real)(i % 5) / 100;
        transposed = shapes[s].form[0] == 't';
        panels = sys_alloc(kernel->panels_size(K, N), sizeof(real));
        kernel->pack(K, N, B, (size_t)N, 1, panels);
        int reps = (int)(3e8 / (2.0 * M * N * K)) + 1;
        double best[2] = {1e30, 1e30};
        product *f[2] = {ours, theirs};
        for (int round = 0; round < 9; round++)
            for (int w = 0; w < 2; w++) {
                double t = sys_now();
                for (int r = 0; r < reps; r++)
                    f[w](M, N, K, A, B, C);
                t = sys_now() - t;
                best[w] = t < best[w] ? t : best[w];
            }
        printf("%-46s %-2s %5d x %4d x %4d %7.1f %9.1f\n", shapes[s].use,
               shapes[s].form, M, N, K, 2.0 * M * N * K * reps / best[0] / 1e9,
               2.0 * M * N * K * reps / best[1] / 1e9);
        free(A), free(B), free(C), free(panels);
    }
    return 0;
}

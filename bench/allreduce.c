/* allreduce.c: the time of MPI_Allreduce of N floats (summed in place, as
 * rnn-mpi sums its gradient) on the processes of the job, the median of
 * REPS, in microseconds, printed by rank 0 as
 *
 *     allreduce processes=P floats=N median_us=X
 *
 * Build and run (Chapter "Many machines"):
 *     mpicc -O2 -o build/bench/allreduce bench/allreduce.c
 *     mpirun -np 2 build/bench/allreduce N [REPS, default 200]
 */
#include <mpi.h>
#include <stdio.h>
#include <stdlib.h>

static int by_value(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

int main(int argc, char **argv)
{
    MPI_Init(&argc, &argv);
    int rank, count;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &count);
    long n = argc > 1 ? atol(argv[1]) : 1000000;
    int reps = argc > 2 ? atoi(argv[2]) : 200;
    float *g = calloc((size_t)n, sizeof *g);
    double *t = calloc((size_t)reps, sizeof *t);
    for (int r = -10; r < reps; r++) {   /* ten to warm up */
        MPI_Barrier(MPI_COMM_WORLD);
        double t0 = MPI_Wtime();
        MPI_Allreduce(MPI_IN_PLACE, g, (int)n, MPI_FLOAT, MPI_SUM,
                      MPI_COMM_WORLD);
        if (r >= 0)
            t[r] = MPI_Wtime() - t0;
    }
    qsort(t, (size_t)reps, sizeof *t, by_value);
    if (rank == 0)
        printf("allreduce processes=%d floats=%ld median_us=%.1f\n", count, n,
               1e6 * t[reps / 2]);
    free(g), free(t);
    MPI_Finalize();
    return 0;
}

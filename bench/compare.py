#!/usr/bin/python3
"""Compares rnn's outputs with bench/reference.py's, for bench/parity.sh.

  compare.py grad A B [--tol 1e-4]
      A and B in the format of `rnn grad`: `loss X`, then per tensor
      `tensor NAME ROWS COLS` and ROWS*COLS values. A is rnn's, B the
      reference's (computed in double). Each entry's relative error is
          |a - b| / max(|a|, |b|, floor),  floor = 1e-2 * max |b| over the tensor
      Many entries are near zero by cancellation: a sum of T*B terms of
      either sign. Their absolute error is that of the sum's terms, not of
      the small result, so a pure relative error would flag rounding noise.
      Single precision computes each entry to about 2e-7 of the tensor's
      largest entry (PyTorch's own float32 gradient, measured against its
      double one on these models: 1.1e-7 to 2.7e-7), so the floor of 1% of
      the largest entry turns that into relative errors of about 2e-5, and
      the tolerance of 1e-4 still catches any error in the formulas, which
      is of the order of the entries themselves. --floor changes the 1e-2.
      Prints the loss and each tensor's largest error; fails above tol.
  compare.py train CSV OUT [--tol 1e-3]
      CSV is rnn's --log (step,train_loss,val_loss), OUT the lines
      `step K loss L ema E` of reference.py train. Compares the moving
      averages step by step, absolute, in nats; fails above tol.
Exit status 0 when within tolerance, 1 otherwise.
"""

import argparse
import sys


def read_grad(path):
    """Returns (loss, [(name, rows, cols, [values])])."""
    with open(path) as f:
        lines = f.read().split("\n")
    if not lines or not lines[0].startswith("loss "):
        raise ValueError("%s: the first line is not `loss X`" % path)
    loss, tensors, i = float(lines[0].split()[1]), [], 1
    while i < len(lines) and lines[i].strip():
        head = lines[i].split()
        if len(head) != 4 or head[0] != "tensor":
            raise ValueError("%s:%d: expected `tensor NAME ROWS COLS`" % (path, i + 1))
        name, rows, cols = head[1], int(head[2]), int(head[3])
        values = [float(v) for v in lines[i + 1:i + 1 + rows * cols]]
        if len(values) != rows * cols:
            raise ValueError("%s: tensor %s is short" % (path, name))
        tensors.append((name, rows, cols, values))
        i += 1 + rows * cols
    return loss, tensors


def cmd_grad(a):
    loss_a, ta = read_grad(a.rnn)
    loss_b, tb = read_grad(a.ref)
    ok = True
    if [t[:3] for t in ta] != [t[:3] for t in tb]:
        print("  the tensor tables differ:")
        print("    rnn:       " + " ".join("%s(%dx%d)" % t[:3] for t in ta))
        print("    reference: " + " ".join("%s(%dx%d)" % t[:3] for t in tb))
        return 1
    loss_err = abs(loss_a - loss_b) / max(abs(loss_a), abs(loss_b))
    ok = loss_err <= a.tol
    print("  %-8s %9s %16s %16s %10s" % ("", "entries", "rnn", "reference",
                                        "max relerr"))
    print("  %-8s %9d %16.9e %16.9e %10.2e%s" % ("loss", 1, loss_a, loss_b,
          loss_err, "" if loss_err <= a.tol else "  FAILED"))
    worst_all = loss_err
    for (name, rows, cols, va), (_, _, _, vb) in zip(ta, tb):
        floor = a.floor * max(abs(v) for v in vb)
        worst, at = 0.0, 0
        for k, (x, y) in enumerate(zip(va, vb)):
            d = abs(x - y)
            if d == 0:
                continue
            e = d / max(abs(x), abs(y), floor)
            if not e <= worst:          # also catches NaN
                worst, at = e, k
        bad = not worst <= a.tol
        ok = ok and not bad
        worst_all = worst if not worst <= worst_all else worst_all
        print("  %-8s %9d %16.9e %16.9e %10.2e%s" % (
            name, rows * cols, va[at], vb[at], worst,
            "  FAILED at [%d,%d]" % divmod(at, cols) if bad else ""))
    print("  largest relative error %.2e (tolerance %.0e)" % (worst_all, a.tol))
    return 0 if ok else 1


def cmd_train(a):
    rnn = {}
    with open(a.csv) as f:
        # The log's columns are found by name: rnn may add columns.
        header = f.readline().strip().split(",")
        if "step" not in header or "train_loss" not in header:
            raise ValueError("%s: no step and train_loss columns in %r" % (
                a.csv, ",".join(header)))
        step, loss = header.index("step"), header.index("train_loss")
        for line in f:
            fields = line.strip().split(",")
            if len(fields) == len(header) and fields[step]:
                rnn[int(fields[step])] = float(fields[loss])
    ref = {}
    with open(a.out) as f:
        for line in f:
            w = line.split()
            if len(w) == 6 and w[0] == "step":
                ref[int(w[1])] = float(w[5])
    steps = sorted(ref)
    if not steps or sorted(rnn) != steps:
        print("  rnn logged steps %s, the reference %s" % (
            _span(sorted(rnn)), _span(steps)))
        return 1
    worst, at = 0.0, steps[0]
    for k in steps:
        d = abs(rnn[k] - ref[k])
        if not d <= worst:
            worst, at = d, k
    ok = worst <= a.tol
    last = steps[-1]
    print("  %d steps; moving average at step 1: rnn %.5f, reference %.5f; "
          "at step %d: rnn %.5f, reference %.5f" % (
              len(steps), rnn[steps[0]], ref[steps[0]], last, rnn[last],
              ref[last]))
    print("  largest difference %.2e nats at step %d (tolerance %.0e)%s" % (
        worst, at, a.tol, "" if ok else "  FAILED"))
    return 0 if ok else 1


def _span(steps):
    return "none" if not steps else "%d..%d (%d)" % (steps[0], steps[-1], len(steps))


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = p.add_subparsers(dest="mode", required=True)
    g = sub.add_parser("grad")
    g.add_argument("rnn")
    g.add_argument("ref")
    g.add_argument("--tol", type=float, default=1e-4)
    g.add_argument("--floor", type=float, default=1e-2)
    t = sub.add_parser("train")
    t.add_argument("csv")
    t.add_argument("out")
    t.add_argument("--tol", type=float, default=1e-3)
    a = p.parse_args()
    try:
        sys.exit({"grad": cmd_grad, "train": cmd_train}[a.mode](a))
    except (ValueError, OSError) as e:
        print("  compare.py: %s" % e)
        sys.exit(1)


if __name__ == "__main__":
    main()

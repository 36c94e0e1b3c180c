#!/usr/bin/python3
"""rnn export and rnn import against PyTorch's modules (bench/parity.sh).

The model of a file that rnn export writes is PyTorch's nn.RNN (tanh),
nn.LSTM or nn.GRU, named rnn, with one-hot inputs, and an nn.Linear named
decoder (the book's chapter "The model outside the program"). The file is
read and written with the book's NumPy program, build/sample.py (make
tangle writes it), and the text is cut into tokens and measured as rnn
eval measures it by bench/reference.py.

Usage (with Debian's /usr/bin/python3, which has torch):
  exchange.py load --model M.safetensors --data FILE
      loads the file into that module with load_state_dict(strict=True)
      and prints loss=L, the mean cross-entropy of FILE in nats, as rnn
      eval computes it (16 streams from zero states), in double precision
  exchange.py make --cell C --layers L --hidden H --data FILE --out M
      makes such a module with PyTorch's own random initialisation (every
      weight and both biases of every layer uniform in +-1/sqrt(H)), for
      the characters of FILE, writes it to M as safetensors with the
      metadata rnn import needs, and prints its loss=L on FILE
"""

import argparse
import json
import os
import sys

import torch

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(HERE, "..", "build"))
import reference  # noqa: E402
import sample     # noqa: E402

KINDS = {"rnn": torch.nn.RNN, "lstm": torch.nn.LSTM, "gru": torch.nn.GRU}


class Model(torch.nn.Module):
    """PyTorch's model of rnn's, under the names that rnn export uses."""

    def __init__(self, cell, V, H, L):
        super().__init__()
        kw = {"nonlinearity": "tanh"} if cell == "rnn" else {}
        self.rnn = KINDS[cell](V, H, L, **kw)
        self.decoder = torch.nn.Linear(H, V)
        self.cell, self.H, self.L, self.p = cell, H, L, 0.0
        self.eye = torch.eye(V, dtype=torch.float64)

    zero_state = reference.CharModel.zero_state

    def forward(self, x, state):
        out, state = self.rnn(self.eye[x], state)
        return self.decoder(out.reshape(-1, self.H)), state


def loss(model, path, vocab):
    """rnn eval's loss of the text at path: 16 streams, from zero states."""
    with open(path, "rb") as f:
        ids, _ = reference.encode(f.read(), vocab,
                                  0 if vocab[0] == b"" else -1)
    return reference.evaluate(model.double(), ids, 16, 50)


def cmd_load(a):
    tensors, meta = sample.load(a.model)
    vocab = [t.encode("utf-8", "surrogateescape")
             for t in json.loads(meta["vocab"])]
    model = Model(meta["cell"], len(vocab), int(meta["hidden"]),
                  int(meta["layers"]))
    model.load_state_dict({k: torch.from_numpy(v) for k, v in
                           tensors.items()}, strict=True)
    print("loss=%.9f" % loss(model, a.data, vocab))


def cmd_make(a):
    torch.manual_seed(a.seed)
    with open(a.data, "rb") as f:
        _, vocab = reference.encode(f.read())
    model = Model(a.cell, len(vocab), a.hidden, a.layers)
    meta = {"format": "rnn", "cell": a.cell, "layers": str(a.layers),
            "hidden": str(a.hidden), "tokens": "char",
            "vocab": json.dumps([t.decode("utf-8", "surrogateescape")
                                 for t in vocab])}
    sample.save(a.out, {k: v.numpy() for k, v in
                        model.state_dict().items()}, meta)
    print("loss=%.9f" % loss(model, a.data, vocab))


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = p.add_subparsers(dest="mode", required=True)
    lo = sub.add_parser("load", help="an exported model in PyTorch")
    lo.add_argument("--model", required=True)
    lo.add_argument("--data", required=True)
    mk = sub.add_parser("make", help="a PyTorch model for rnn import")
    mk.add_argument("--cell", choices=sorted(KINDS), required=True)
    mk.add_argument("--layers", type=int, default=2)
    mk.add_argument("--hidden", type=int, default=64)
    mk.add_argument("--seed", type=int, default=1)
    mk.add_argument("--data", required=True)
    mk.add_argument("--out", required=True)
    a = p.parse_args()
    torch.set_num_threads(1)
    {"load": cmd_load, "make": cmd_make}[a.mode](a)


if __name__ == "__main__":
    main()

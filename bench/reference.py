#!/usr/bin/python3
"""A PyTorch trainer identical to rnn's: the reference and speed peer.

It trains the model rnn trains, with the same data pipeline, loss, gradient
clipping and optimiser, so that (1) rnn's gradients and training curves can be
checked against an independent implementation (bench/parity.sh), and (2) its
speed can be compared with a widely used framework's (bench/bench.sh).

What "the same" means:
  tokens    the corpus's distinct characters (UTF-8 code points; a byte that
            starts no valid sequence is a token of its own), sorted by their
            bytes, id = rank; in parity modes the checkpoint's vocabulary
  split     nval = floor(n * val_frac); training ids are ids[0:n - nval]
  streams   B contiguous streams, stride = (ntrain - 1) // B,
            windows = stride // T; window k of stream b has inputs
            ids[b*stride + k*T + t] and targets ids[... + 1], t < T; after
            the last window k wraps to 0, and at every k = 0 the carried
            states are reset to zero (otherwise carried, detached)
  model     one-hot input of size V; L layers of H units of torch.nn.RNN
            (tanh), LSTM (i,f,g,o) or GRU (r,z,n); Linear(H, V) on top.
            rnn's plain and LSTM cells have one bias per layer, bh.l, which
            is bias_ih_l{l-1}; bias_hh_l{l-1} is zero and frozen. The GRU has
            both: bh.l = bias_ih, bhh.l = bias_hh.
  dropout   inverted dropout on the outputs of every layer, the top one
            included (bench and timed modes only)
  loss      mean cross-entropy over the window's T*B positions, in nats
  clipping  norm = sqrt(sum of squared gradients, in double); if clip > 0
            and norm > clip, every gradient is multiplied by clip / norm
  optimiser torch.optim.Adam(lr, betas=(0.9, 0.999), eps=1e-8)
  average   ema = 0.99 ema + 0.01 loss from 0, reported as
            ema / (1 - 0.99^step)

Usage (always with Debian's /usr/bin/python3, which has torch):
  reference.py bench --cell lstm --layers 2 --hidden 128 --seq 50 --batch 50
                     --steps 20 [--warmup 3] [--threads 1] [--dropout 0]
                     --data FILE
      prints chars_per_sec=X (B*T characters per timed step), nothing else
  reference.py grad --model CKPT --data FILE [--float32]
      the loss and gradient of the first window (zero states, no dropout),
      in the format of `rnn grad`; float64 unless --float32
  reference.py train --model CKPT --data FILE --steps S
      trains S steps from the checkpoint's weights with its settings and
      prints `step K loss L ema E` per step
  reference.py timed --cell lstm --layers 2 --hidden 128 --batch 50 --seq 50
                     --seconds 600 [--lr --clip --dropout --val-frac --seed
                     --threads] --data FILE
      trains a new model for the time (constant rate), then validates on
      the held-out end as rnn does (B contiguous pieces from zero states,
      T at a time) and prints a line in the form of rnn's summary
  reference.py generate --cell lstm --layers 2 --hidden 128 --length 20000
                        [--warmup 200] [--threads 1] [--temperature 0.8]
                        --data FILE
      generation as `rnn sample` does it, step by step: a new model of that
      shape (the corpus's vocabulary, reference.py bench's initialisation;
      speed does not depend on the weights), from a newline, one character
      at a time through the model with its states carried (no gradients),
      each drawn from the softmax at the temperature; prints
      chars_per_sec=X over the characters after the warm-up
  reference.py steps --cell lstm --layers 2 --hidden 128 --batch 50 --seq 50
                     --steps 2000 --val-every 100 --init pytorch|rnn|zero
                     [--lr --clip --val-frac --seed --threads] --data FILE
      trains a new model for a number of steps (constant rate) from a
      starting point: pytorch, nn's own (every weight and both biases of
      each layer uniform on +-1/sqrt(H), both biases trained, Linear's
      own); rnn, rnn's old start (init_uniform: zero biases, an LSTM's
      forget-gate bias 1, one bias per layer as above); zero, the same with
      the forget-gate bias 0. Prints `val STEP LOSS` at every val-every
      steps and a summary line in the form of rnn's, with best_step and
      best_val
  reference.py info --model CKPT
      prints the checkpoint's settings and tensor shapes (for people)
"""

import argparse
import math
import sys

import numpy as np
import torch
import torch.nn.functional as F

CELLS = ["rnn", "lstm", "gru"]
GATES = {"rnn": 1, "lstm": 4, "gru": 3}
EMA_DECAY = 0.99


# ------------------------------------------------------------ checkpoints

def tensor_table(cell, V, H, L):
    """rnn's tensor table: [(name, rows, cols)] in the order of the block."""
    G = GATES[cell] * H
    table = []
    for l in range(1, L + 1):
        D = V if l == 1 else H
        table += [("Wxh.%d" % l, G, D), ("Whh.%d" % l, G, H), ("bh.%d" % l, G, 1)]
        if cell == "gru":
            table.append(("bhh.%d" % l, G, 1))
    return table + [("Why", V, H), ("by", V, 1)]


def number(v):
    """A dumped value: an integer, a real, or else a name."""
    for kind in (int, float):
        try:
            return kind(v)
        except ValueError:
            pass
    return v


def read_checkpoint(path):
    """Reads an rnn checkpoint through `rnn dump` (chapters/85-commands.nw),
    so that this file need not know the checkpoint's binary layout; RNN in
    the environment names the program (default ./rnn).

    Returns a dict: the settings by their command-line names with '-' as '_'
    (cell, tokens and optim as names, the rest as numbers), vocab (a list of
    byte strings), unk (the unknown token's id or -1), weights (a dict
    name -> float32 array of shape (rows, cols), biases (rows,)), table
    [(name, rows, cols)], step, cursor, and carry (a dict (layer from 0,
    state: 0 h, 1 an LSTM's c) -> float32 array (B, H), the states carried
    into the next window).
    """
    import os
    import subprocess
    rnn = os.environ.get("RNN", "./rnn")
    out = subprocess.run([rnn, "dump", "--model", path], capture_output=True,
                         text=True)
    if out.returncode != 0:
        raise ValueError(out.stderr.strip() or "%s dump failed" % rnn)
    lines = out.stdout.split("\n")
    ck, i = {"vocab": [], "weights": {}, "table": [], "carry": {}}, 0
    while i < len(lines) and lines[i]:
        f = lines[i].split(" ")
        i += 1
        if f[0] in ("setting", "state"):
            ck[f[1].replace("-", "_")] = number(f[2])
        elif f[0] == "vocab":
            ck["unk"] = int(f[2])
        elif f[0] == "token":
            ck["vocab"].append(bytes.fromhex(f[1]) if len(f) > 1 else b"")
        elif f[0] == "tensor":
            rows, cols = int(f[2]), int(f[3])
            w = np.array(lines[i:i + rows * cols], dtype=np.float32)
            i += rows * cols
            ck["table"].append((f[1], rows, cols))
            ck["weights"][f[1]] = w.reshape(rows, cols) if cols > 1 else w
        elif f[0] == "carry":
            l, k, B, H = (int(v) for v in f[1:5])
            w = np.array(lines[i:i + B * H], dtype=np.float32)
            i += B * H
            ck["carry"][(l - 1, k)] = w.reshape(B, H)
    return ck


# ------------------------------------------------------------------ text

def char_tokens(text):
    """Cuts bytes into rnn's character tokens: valid UTF-8 sequences, and
    single bytes where none starts (Python's strict decoder has the same
    notion of validity: no overlong forms, surrogates or code points past
    U+10FFFF)."""
    out = []
    for ch in text.decode("utf-8", errors="surrogateescape"):
        o = ord(ch)
        out.append(bytes([o - 0xdc00]) if 0xdc80 <= o <= 0xdcff
                   else ch.encode("utf-8"))
    return out


def encode(text, vocab=None, unk=-1):
    """Token ids of text: with the given vocabulary, or one built from the
    text (its distinct tokens sorted by their bytes). Returns (ids, vocab)."""
    if max(text) < 0x80:
        toks = None                   # ASCII: tokens are bytes, fast path
        arr = np.frombuffer(text, dtype=np.uint8)
        if vocab is None:
            vocab = [bytes([b]) for b in np.unique(arr)]
        lut = np.full(256, -1, dtype=np.int64)
        for i, t in enumerate(vocab):
            if len(t) == 1:
                lut[t[0]] = i
        ids = lut[arr]
        missing = ids < 0
    else:
        toks = char_tokens(text)
        if vocab is None:
            vocab = sorted(set(toks))
        index = {t: i for i, t in enumerate(vocab)}
        ids = np.array([index.get(t, -1) for t in toks], dtype=np.int64)
        missing = ids < 0
    if missing.any():
        if unk < 0:
            raise ValueError("the text has characters outside the vocabulary")
        ids[missing] = unk
    return ids, vocab


class Streams:
    """rnn's B contiguous streams of windows of T tokens."""

    def __init__(self, ids, B, T):
        ntrain = len(ids)
        self.stride = (ntrain - 1) // B
        self.windows = self.stride // T
        if self.windows == 0:
            raise ValueError("training text too short for %d x %d" % (B, T))
        self.T, self.next = T, 0
        self.ids = torch.as_tensor(ids, dtype=torch.long)
        # positions[t, b] = b*stride + t; window k adds k*T
        self.positions = (torch.arange(T)[:, None]
                          + self.stride * torch.arange(B)[None, :])

    def window(self):
        """(x, y, fresh): (T, B) input and target ids, and whether the
        states must be reset."""
        fresh = self.next == 0
        p = self.positions + self.next * self.T
        x, y = self.ids[p], self.ids[p + 1]
        self.next += 1
        if self.next == self.windows:
            self.next = 0
        return x, y, fresh


def training_ids(path, val_frac, vocab=None, unk=-1):
    with open(path, "rb") as f:
        text = f.read()
    ids, vocab = encode(text, vocab, unk)
    nval = int(len(ids) * val_frac)
    return ids[:len(ids) - nval], vocab


# ----------------------------------------------------------------- model

class CharModel(torch.nn.Module):
    """One-hot input, L recurrent layers, dropout after each, Linear out."""

    def __init__(self, cell, V, H, L, dropout=0.0, dtype=torch.float32,
                 two_biases=False):
        super().__init__()
        rnn_class = {"rnn": torch.nn.RNN, "lstm": torch.nn.LSTM,
                     "gru": torch.nn.GRU}[cell]
        kw = {"nonlinearity": "tanh"} if cell == "rnn" else {}
        # nn's dropout acts between layers; the top layer's is added below
        self.rnn = rnn_class(V, H, num_layers=L, dropout=dropout if L > 1 else 0,
                             dtype=dtype, **kw)
        self.out = torch.nn.Linear(H, V, dtype=dtype)
        self.cell, self.V, self.H, self.L, self.p = cell, V, H, L, dropout
        self.eye = torch.eye(V, dtype=dtype)
        if cell != "gru" and not two_biases:  # rnn's: one bias per layer
            for l in range(L):
                b = getattr(self.rnn, "bias_hh_l%d" % l)
                b.requires_grad_(False)
                with torch.no_grad():
                    b.zero_()

    def init_uniform(self, forget=1.0):
        """PyTorch's uniform(-1/sqrt(H), 1/sqrt(H)) for weights, zero biases,
        LSTM forget-gate biases forget (1, as rnn did by default before its
        checkpoints' version 3; 0 since)."""
        s = 1 / math.sqrt(self.H)
        with torch.no_grad():
            for name, p in self.named_parameters():
                if "bias" in name:
                    p.zero_()
                else:
                    p.uniform_(-s, s)
            if self.cell == "lstm":
                for l in range(self.L):
                    getattr(self.rnn, "bias_ih_l%d" % l)[self.H:2 * self.H] = \
                        forget

    def tensors(self):
        """[(rnn's name, parameter)] in the order of rnn's tensor table."""
        out = []
        for l in range(self.L):
            get = lambda n: getattr(self.rnn, "%s_l%d" % (n, l))
            out += [("Wxh.%d" % (l + 1), get("weight_ih")),
                    ("Whh.%d" % (l + 1), get("weight_hh")),
                    ("bh.%d" % (l + 1), get("bias_ih"))]
            if self.cell == "gru":
                out.append(("bhh.%d" % (l + 1), get("bias_hh")))
        return out + [("Why", self.out.weight), ("by", self.out.bias)]

    def load(self, weights):
        with torch.no_grad():
            for name, p in self.tensors():
                w = torch.from_numpy(np.ascontiguousarray(weights[name]))
                p.copy_(w.reshape(p.shape).to(p.dtype))

    def trainable(self):
        if self.cell != "gru" and self.rnn.bias_hh_l0.requires_grad:
            return list(self.parameters())        # both biases trained
        return [p for _, p in self.tensors()]

    def zero_state(self, B):
        z = torch.zeros(self.L, B, self.H, dtype=self.eye.dtype)
        return (z, z.clone()) if self.cell == "lstm" else z

    def forward(self, x, state):
        """x: (T, B) ids. Returns ((T*B, V) logits, final state)."""
        out, state = self.rnn(self.eye[x], state)
        if self.p > 0 and self.training:
            out = F.dropout(out, self.p, training=True)
        return self.out(out.reshape(-1, self.H)), state


def detach(state):
    return tuple(s.detach() for s in state) if isinstance(state, tuple) \
        else state.detach()


def clip_gradient(params, clip):
    """rnn's clipping: the global norm, summed in double, no epsilon."""
    grads = [p.grad for p in params]
    sq = sum(g.double().square().sum() for g in grads)
    norm = math.sqrt(float(sq))
    if clip > 0 and norm > clip:
        scale = clip / norm
        for g in grads:
            g.mul_(scale)
    return norm


class Trainer:
    def __init__(self, model, ids, B, T, lr, clip):
        self.model, self.clip, self.B = model, clip, B
        self.streams = Streams(ids, B, T)
        self.params = model.trainable()
        # foreach: the same formula, one call for all tensors (a little faster)
        self.opt = torch.optim.Adam(self.params, lr=lr, betas=(0.9, 0.999),
                                    eps=1e-8, foreach=True)
        self.state = None
        self.step_count, self.ema = 0, 0.0

    def step(self):
        x, y, fresh = self.streams.window()
        if fresh or self.state is None:
            self.state = self.model.zero_state(self.B)
        self.opt.zero_grad(set_to_none=True)
        logits, state = self.model(x, self.state)
        loss = F.cross_entropy(logits, y.reshape(-1))
        loss.backward()
        clip_gradient(self.params, self.clip)
        self.opt.step()
        self.state = detach(state)
        self.step_count += 1
        value = float(loss)
        self.ema = EMA_DECAY * self.ema + (1 - EMA_DECAY) * value
        return value

    def average(self):
        return self.ema / (1 - EMA_DECAY ** self.step_count)


# ----------------------------------------------------------------- modes

def model_from_checkpoint(ck, dtype=torch.float32):
    V = len(ck["vocab"])
    m = CharModel(ck["cell"], V, ck["hidden"], ck["layers"], 0.0, dtype)
    m.load(ck["weights"])
    return m


def checkpoint_ids(ck, data):
    if ck["tokens"] != "char":
        raise SystemExit("reference.py: only character tokens are supported")
    ids, _ = training_ids(data, ck["val_frac"], ck["vocab"], ck["unk"])
    return ids


def cmd_grad(a):
    ck = read_checkpoint(a.model)
    dtype = torch.float32 if a.float32 else torch.float64
    model = model_from_checkpoint(ck, dtype)
    streams = Streams(checkpoint_ids(ck, a.data), ck["batch"], ck["seq"])
    # the next window, as `rnn grad` computes it: at the saved cursor, from
    # the carried states, or from zeros at the first window of the text
    streams.next = ck["cursor"] % streams.windows
    x, y, fresh = streams.window()
    state = model.zero_state(ck["batch"])
    if not fresh:
        state = carried_state(ck, model, dtype)
    logits, _ = model(x, state)
    loss = F.cross_entropy(logits, y.reshape(-1))
    loss.backward()
    out = ["loss %.9e" % float(loss)]
    for name, p in model.tensors():
        g = p.grad.reshape(p.shape[0], -1)
        out.append("tensor %s %d %d" % (name, g.shape[0], g.shape[1]))
        out.extend("%.9e" % v for v in g.reshape(-1).tolist())
    sys.stdout.write("\n".join(out) + "\n")


def carried_state(ck, model, dtype):
    """The checkpoint's carried states in PyTorch's form: (L, B, H), as a
    pair (h, c) for an LSTM."""
    def stacked(k):
        return torch.stack([torch.from_numpy(ck["carry"][(l, k)])
                            for l in range(model.L)]).to(dtype)
    if model.cell == "lstm":
        return (stacked(0), stacked(1))
    return stacked(0)


def cmd_train(a):
    ck = read_checkpoint(a.model)
    if ck["dropout"] != 0:
        raise SystemExit("reference.py: train needs a checkpoint without dropout")
    if ck["optim"] != "adam":
        raise SystemExit("reference.py: train supports Adam only")
    torch.set_num_threads(a.threads)
    model = model_from_checkpoint(ck)
    t = Trainer(model, checkpoint_ids(ck, a.data), ck["batch"], ck["seq"],
                ck["lr"], ck["clip"])
    for _ in range(a.steps):
        loss = t.step()
        print("step %d loss %.9f ema %.9f" % (t.step_count, loss, t.average()))


def cmd_bench(a):
    import time
    torch.set_num_threads(a.threads)
    torch.manual_seed(1)
    ids, vocab = training_ids(a.data, a.val_frac)
    model = CharModel(a.cell, len(vocab), a.hidden, a.layers, a.dropout)
    model.init_uniform()
    model.train()
    t = Trainer(model, ids, a.batch, a.seq, a.lr, a.clip)
    for _ in range(a.warmup):
        t.step()
    start = time.perf_counter()
    for _ in range(a.steps):
        t.step()
    seconds = time.perf_counter() - start
    print("chars_per_sec=%.0f" % (a.steps * a.batch * a.seq / seconds))


def cmd_generate(a):
    import time
    torch.set_num_threads(a.threads)
    torch.manual_seed(1)
    _, vocab = training_ids(a.data, 0)
    model = CharModel(a.cell, len(vocab), a.hidden, a.layers)
    model.init_uniform()
    model.eval()
    x = torch.tensor([[vocab.index(b"\n") if b"\n" in vocab else 0]])
    out = []
    with torch.no_grad():
        state = model.zero_state(1)
        for i in range(a.warmup + a.length):
            if i == a.warmup:
                start = time.perf_counter()
            logits, state = model(x, state)
            p = torch.softmax(logits[0] / a.temperature, dim=0)
            x = torch.multinomial(p, 1).view(1, 1)
            out.append(vocab[int(x)])
    seconds = time.perf_counter() - start
    print("chars_per_sec=%.0f" % (a.length / seconds))


def evaluate(model, ids, B, T):
    """rnn's validation loss: the mean cross-entropy of the n - 1
    predictions of ids, cut into B contiguous pieces of s = ceil((n-1)/B)
    predictions, T at a time, each piece from a zero state, the state
    carried from window to window."""
    P = len(ids) - 1
    s = -(-P // B)
    ids = torch.as_tensor(ids, dtype=torch.long)
    model.eval()
    total, state = 0.0, model.zero_state(B)
    with torch.no_grad():
        for k in range(0, s, T):
            p = (torch.arange(k, min(k + T, s))[:, None]
                 + s * torch.arange(B)[None, :])
            valid = p < P
            x = ids[torch.where(valid, p, 0)]
            y = torch.where(valid, ids[torch.where(valid, p + 1, 0)], -100)
            logits, state = model(x, state)
            total += float(F.cross_entropy(logits, y.reshape(-1),
                                           ignore_index=-100,
                                           reduction="sum"))
    model.train()
    return total / P


def cmd_timed(a):
    """Trains a new model for a number of seconds, as rnn --time does (Adam,
    the global norm clipped, rnn's initialisation and streams; a constant
    rate), then prints its validation loss on the held-out end of the text,
    measured as rnn measures it, in rnn's summary form."""
    import time
    torch.set_num_threads(a.threads)
    torch.manual_seed(a.seed)
    with open(a.data, "rb") as f:
        ids, vocab = encode(f.read())
    nval = int(len(ids) * a.val_frac)
    model = CharModel(a.cell, len(vocab), a.hidden, a.layers, a.dropout)
    model.init_uniform(forget=0.0)    # rnn's default start
    model.train()
    t = Trainer(model, ids[:len(ids) - nval], a.batch, a.seq, a.lr, a.clip)
    start = time.perf_counter()
    while time.perf_counter() - start < a.seconds:
        t.step()
    train_seconds = time.perf_counter() - start
    val = evaluate(model, ids[len(ids) - nval:], a.batch, a.seq)
    print("done steps=%d train_loss=%.4f val_loss=%.4f val_bpc=%.4f "
          "chars_per_sec=%.0f seconds=%.2f"
          % (t.step_count, t.average(), val, val / math.log(2),
             t.step_count * a.batch * a.seq / train_seconds,
             time.perf_counter() - start))


def cmd_steps(a):
    """Trains a new model for a number of steps from a starting point
    (--init), validating as rnn does every --val-every steps."""
    torch.set_num_threads(a.threads)
    torch.manual_seed(a.seed)
    with open(a.data, "rb") as f:
        ids, vocab = encode(f.read())
    nval = int(len(ids) * a.val_frac)
    model = CharModel(a.cell, len(vocab), a.hidden, a.layers,
                      two_biases=a.init == "pytorch")
    if a.init != "pytorch":
        model.init_uniform(1.0 if a.init == "rnn" else 0.0)
    model.train()
    t = Trainer(model, ids[:len(ids) - nval], a.batch, a.seq, a.lr, a.clip)
    best, best_step, val = math.inf, 0, math.nan
    for k in range(1, a.steps + 1):
        t.step()
        if k % a.val_every == 0 or k == a.steps:
            val = evaluate(model, ids[len(ids) - nval:], a.batch, a.seq)
            print("val %d %.4f" % (k, val), flush=True)
            if val < best:
                best, best_step = val, k
    print("done steps=%d train_loss=%.4f val_loss=%.4f val_bpc=%.4f "
          "best_step=%d best_val=%.4f"
          % (k, t.average(), val, val / math.log(2), best_step, best))


def cmd_info(a):
    ck = read_checkpoint(a.model)
    for k in ("cell", "layers", "hidden", "tokens", "vocab_max", "batch", "seq",
              "optim", "lr", "clip", "dropout", "val_frac", "seed", "step",
              "cursor"):
        print("%s %s" % (k, ck[k]))
    print("vocab %d unk %d" % (len(ck["vocab"]), ck["unk"]))
    for name, rows, cols in ck["table"]:
        print("tensor %s %d %d" % (name, rows, cols))


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = p.add_subparsers(dest="mode", required=True)
    b = sub.add_parser("bench", help="measure training speed")
    b.add_argument("--cell", choices=CELLS, default="lstm")
    b.add_argument("--layers", type=int, default=1)
    b.add_argument("--hidden", type=int, default=128)
    b.add_argument("--seq", type=int, default=50)
    b.add_argument("--batch", type=int, default=32)
    b.add_argument("--steps", type=int, default=20)
    b.add_argument("--warmup", type=int, default=3)
    b.add_argument("--dropout", type=float, default=0.0)
    b.add_argument("--lr", type=float, default=0.002)
    b.add_argument("--clip", type=float, default=5.0)
    b.add_argument("--val-frac", type=float, default=0.1)
    b.add_argument("--threads", type=int, default=1)
    b.add_argument("--data", required=True)
    g = sub.add_parser("grad", help="loss and gradient of the first window")
    g.add_argument("--model", required=True)
    g.add_argument("--data", required=True)
    g.add_argument("--float32", action="store_true",
                   help="compute in single precision (default: double)")
    t = sub.add_parser("train", help="train from a checkpoint, print losses")
    t.add_argument("--model", required=True)
    t.add_argument("--data", required=True)
    t.add_argument("--steps", type=int, default=200)
    t.add_argument("--threads", type=int, default=1)
    m = sub.add_parser("timed", help="train for a time, then validate")
    for name, kind, default in (("cell", str, "lstm"), ("layers", int, 2),
                                ("hidden", int, 128), ("batch", int, 50),
                                ("seq", int, 50), ("lr", float, 0.002),
                                ("clip", float, 5.0), ("dropout", float, 0.0),
                                ("val-frac", float, 0.1), ("seed", int, 1),
                                ("threads", int, 2), ("seconds", float, 60)):
        m.add_argument("--" + name, type=kind, default=default)
    m.add_argument("--data", required=True)
    n = sub.add_parser("generate", help="measure generation speed")
    n.add_argument("--cell", choices=CELLS, default="lstm")
    n.add_argument("--layers", type=int, default=2)
    n.add_argument("--hidden", type=int, default=128)
    n.add_argument("--length", type=int, default=20000)
    n.add_argument("--warmup", type=int, default=200)
    n.add_argument("--threads", type=int, default=1)
    n.add_argument("--temperature", type=float, default=0.8)
    n.add_argument("--data", required=True)
    s = sub.add_parser("steps", help="train for steps from a starting point")
    for name, kind, default in (("cell", str, "lstm"), ("layers", int, 2),
                                ("hidden", int, 128), ("batch", int, 50),
                                ("seq", int, 50), ("lr", float, 0.002),
                                ("clip", float, 5.0), ("val-frac", float, 0.1),
                                ("seed", int, 1), ("threads", int, 1),
                                ("steps", int, 2000), ("val-every", int, 100)):
        s.add_argument("--" + name, type=kind, default=default)
    s.add_argument("--init", choices=["pytorch", "rnn", "zero"],
                   default="pytorch")
    s.add_argument("--data", required=True)
    i = sub.add_parser("info", help="describe a checkpoint")
    i.add_argument("--model", required=True)
    a = p.parse_args()
    try:
        {"bench": cmd_bench, "grad": cmd_grad, "train": cmd_train,
         "timed": cmd_timed, "generate": cmd_generate, "steps": cmd_steps,
         "info": cmd_info}[a.mode](a)
    except (ValueError, OSError) as e:
        sys.exit("reference.py: %s" % e)


if __name__ == "__main__":
    main()

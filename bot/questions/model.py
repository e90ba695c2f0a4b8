"""The intent model: word and character n-grams weighed by TF-IDF, then a linear layer and a
softmax (a logistic regression trained by bench/train_reader.py on the corpus in corpus/).

Only the learned numbers ship (model.npz: the n-gram vocabularies, their IDF weights, the
class weights); reading them needs numpy alone, and the same text always gets the same answer.
"""

import math
import re
from collections import Counter
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np

MODEL = Path(__file__).with_name("model.npz")
_TOKEN = re.compile(r"(?u)\b\w\w+\b")
_SPACES = re.compile(r"\s\s+")


@dataclass(frozen=True)
class Ngrams:
    """One TF-IDF vectorizer as scikit-learn's TfidfVectorizer computes it (sublinear tf, l2)."""

    analyzer: str  # "word" | "char_wb"
    low: int
    high: int
    index: dict[str, int]  # n-gram -> column
    idf: np.ndarray

    def grams(self, text: str) -> list[str]:
        text = text.lower()
        if self.analyzer == "word":
            tokens = _TOKEN.findall(text)
            return [
                " ".join(tokens[i : i + n])
                for n in range(self.low, self.high + 1)
                for i in range(len(tokens) - n + 1)
            ]
        found = []
        for word in _SPACES.sub(" ", text).split():
            word = f" {word} "
            for n in range(self.low, self.high + 1):
                found += [word[i : i + n] for i in range(max(1, len(word) - n + 1))]
                if len(word) <= n:
                    break
        return found

    def vector(self, text: str) -> dict[int, float]:
        counts = Counter(g for g in self.grams(text) if g in self.index)
        weights = {
            self.index[g]: (1 + math.log(c)) * float(self.idf[self.index[g]])
            for g, c in counts.items()
        }
        norm = math.sqrt(sum(w * w for w in weights.values())) or 1.0
        return {col: w / norm for col, w in weights.items()}


@dataclass(frozen=True)
class IntentModel:
    parts: tuple[Ngrams, ...]
    offsets: tuple[int, ...]  # each part's first column
    weights: np.ndarray  # (columns, intents)
    bias: np.ndarray  # (intents,)
    intents: tuple[str, ...]

    def ranked(self, text: str) -> list[tuple[str, float]]:
        """Every intent with its probability for `text`, most likely first."""
        columns: list[int] = []
        values: list[float] = []
        for part, offset in zip(self.parts, self.offsets, strict=True):
            for col, value in part.vector(text).items():
                columns.append(offset + col)
                values.append(value)
        scores = self.bias + (np.asarray(values) @ self.weights[columns] if columns else 0.0)
        exp = np.exp(scores - scores.max())
        probs = exp / exp.sum()
        order = sorted(range(len(probs)), key=lambda i: (-probs[i], i))
        return [(self.intents[i], float(probs[i])) for i in order]


@cache
def model() -> IntentModel:
    """The shipped model, read once (a few milliseconds)."""
    with np.load(MODEL, allow_pickle=False) as data:
        parts, offsets, start = [], [], 0
        for n, (analyzer, low, high) in enumerate(data["parts"].tolist()):
            vocabulary = data[f"vocabulary{n}"].tolist()
            parts.append(
                Ngrams(
                    str(analyzer),
                    int(low),
                    int(high),
                    {g: i for i, g in enumerate(vocabulary)},
                    data[f"idf{n}"].astype(np.float64),
                )
            )
            offsets.append(start)
            start += len(vocabulary)
        return IntentModel(
            tuple(parts),
            tuple(offsets),
            data["weights"].astype(np.float64),
            data["bias"].astype(np.float64),
            tuple(str(i) for i in data["intents"].tolist()),
        )

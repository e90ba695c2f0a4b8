"""Compare question readers: the old cue scoring, and models learned from the corpus.

    .venv/bin/python bench/compare_readers.py [tests.bot.question_phrasings ...]

1. Grouped folds over the corpus: each seed and all its typed variants fall in one fold, so a
   model is scored on questions it has never seen written in any form.
2. Each phrasing table named (a module with PHRASINGS), read with the test world's names:
   the intent alone (the company rules are checked end to end by tests/e2e).
"""

import importlib
import sys
import time
from pathlib import Path

import numpy as np
from sklearn.model_selection import GroupKFold
from sklearn.svm import LinearSVC

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from cue_reader import cue_intent
from train_reader import pipeline, plain

from bot.questions.corpus import expand
from bot.questions.reader import plain_words

WORLD = (
    ("Acme & Sons", "Globex Corporation", "Initech"),
    ("shop", "acme-blog", "globex-api", "globex-staging", "tps-reports"),
    ("Basic", "Pro"),
)


class Nearest:
    """The intent of the most similar corpus question (cosine over the same TF-IDF n-grams):
    what a sentence-embedding model with nearest-intent matching does, with n-grams as the
    embedding."""

    def __init__(self) -> None:
        self.features = pipeline().named_steps["ngrams"]

    def fit(self, texts: list[str], intents: list[str]) -> "Nearest":
        self.matrix = self.features.fit_transform(texts)
        self.intents = np.array(intents)
        return self

    def predict(self, texts: list[str]) -> np.ndarray:
        similar = self.features.transform(texts) @ self.matrix.T
        return self.intents[np.asarray(similar.argmax(axis=1)).ravel()]


def models() -> dict[str, object]:
    svm = pipeline()
    svm.steps[-1] = ("classes", LinearSVC(C=0.5))
    words = pipeline()
    union = words.named_steps["ngrams"]
    union.transformer_list = union.transformer_list[:1]
    return {
        "tfidf word+char, logistic regression (shipped)": pipeline(),
        "tfidf word+char, linear SVM": svm,
        "tfidf word only, logistic regression": words,
        "nearest corpus question (tfidf cosine)": Nearest(),
    }


def grouped_folds(rows: list[tuple[str, str]], texts: list[str]) -> None:
    seeds = [n // (expand.VARIANTS + 1) for n in range(len(rows))]
    intents = np.array([i for i, _ in rows])
    folds = list(GroupKFold(n_splits=5).split(texts, intents, seeds))
    print("grouped 5-fold over the corpus (seeds unseen in any form):")
    for name, model in models().items():
        right = 0
        for train, test in folds:
            fitted = model.fit([texts[i] for i in train], intents[train])
            right += int((fitted.predict([texts[i] for i in test]) == intents[test]).sum())
        print(f"  {right / len(rows):6.1%}  {name}")
    cues = np.array(
        [cue_intent(t, *[expand.COMPANIES, expand.APPS, expand.PLANS]) for _, t in rows]
    )
    print(f"  {(cues == intents).mean():6.1%}  cue scoring (the old reader; no training)")


def tables(names: list[str], rows: list[tuple[str, str]], texts: list[str]) -> None:
    fitted = {name: m.fit(texts, [i for i, _ in rows]) for name, m in models().items()}
    for module in names:
        table = importlib.import_module(module).PHRASINGS
        read = [plain_words(p.text, *WORLD)[0] for p in table]
        expected = np.array([p.intent for p in table])
        print(f"{module} ({len(table)} phrasings), intent right:")
        for name, model in fitted.items():
            print(f"  {(model.predict(read) == expected).mean():6.1%}  {name}")
        cues = np.array([cue_intent(p.text, *WORLD) for p in table])
        print(f"  {(cues == expected).mean():6.1%}  cue scoring (the old reader)")


def main() -> None:
    started = time.perf_counter()
    rows = expand.read()
    texts = plain([t for _, t in rows])
    if "--no-folds" not in sys.argv:
        grouped_folds(rows, texts)
    tables([a for a in sys.argv[1:] if not a.startswith("--")], rows, texts)
    print(f"({time.perf_counter() - started:.0f} s)")


if __name__ == "__main__":
    main()

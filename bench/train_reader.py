"""Train the question reader's intent model on the corpus and write bot/questions/model.npz.

    .venv/bin/python bench/train_reader.py          # after editing corpus/seeds.txt

Rewrites corpus.tsv from the seeds first, reads each row as the reader reads a question (names
become placeholders), fits scikit-learn's TF-IDF over word 1-2-grams and character 2-5-grams
(within words) and a logistic regression, and keeps only the numbers (model.npz): at run time
bot/questions/model.py reads them with numpy, without scikit-learn.
"""

import hashlib
import sys
import time
from pathlib import Path

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import FeatureUnion, Pipeline

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bot.questions.corpus import expand
from bot.questions.model import MODEL
from bot.questions.reader import plain_words

PARTS = (("word", 1, 2), ("char_wb", 2, 5))
C = 10.0  # inverse regularization, chosen by bench/compare_readers.py's grouped folds


def pipeline() -> Pipeline:
    vectorizers = [
        (
            f"{analyzer}{low}{high}",
            TfidfVectorizer(
                analyzer=analyzer,
                ngram_range=(low, high),
                sublinear_tf=True,
                min_df=2,
                dtype=np.float64,
            ),
        )
        for analyzer, low, high in PARTS
    ]
    return Pipeline(
        [
            ("ngrams", FeatureUnion(vectorizers)),
            ("classes", LogisticRegression(C=C, max_iter=3000)),
        ]
    )


def plain(texts: list[str]) -> list[str]:
    """The corpus's questions as the reader reads them (placeholders for the names)."""
    return [plain_words(t, expand.COMPANIES, expand.APPS, expand.PLANS)[0] for t in texts]


def corpus_digest() -> str:
    return hashlib.sha256(expand.CORPUS.read_bytes()).hexdigest()


def export(fitted: Pipeline, path: Path) -> None:
    union, classes = fitted.named_steps["ngrams"], fitted.named_steps["classes"]
    arrays: dict[str, np.ndarray] = {"parts": np.array([list(map(str, p)) for p in PARTS])}
    for n, (_, vectorizer) in enumerate(union.transformer_list):
        names = vectorizer.get_feature_names_out()
        arrays[f"vocabulary{n}"] = np.array(names, dtype=str)
        arrays[f"idf{n}"] = vectorizer.idf_.astype(np.float32)
    arrays["weights"] = classes.coef_.T.astype(np.float32)
    arrays["bias"] = classes.intercept_.astype(np.float32)
    arrays["intents"] = np.array(classes.classes_, dtype=str)
    arrays["corpus_sha256"] = np.array(corpus_digest())
    np.savez_compressed(path, **arrays)


def main() -> None:
    started = time.perf_counter()
    rows = expand.write() and expand.read()
    texts = plain([t for _, t in rows])
    fitted = pipeline().fit(texts, [i for i, _ in rows])
    export(fitted, MODEL)
    took = time.perf_counter() - started
    print(f"{len(rows)} questions, {took:.1f} s; {MODEL} is {MODEL.stat().st_size // 1024} KB")


if __name__ == "__main__":
    main()

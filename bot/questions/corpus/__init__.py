"""The paraphrase corpus the intent model learns from: hand-written seeds (seeds.txt), expanded
deterministically into the many ways a person types them (expand.py), kept as corpus.tsv."""

"""Questions typed to @billbot: read without a network model, then answered by a use case."""

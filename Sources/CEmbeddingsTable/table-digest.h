/* Written by scripts/embedder/distill.py; changes with the table so builds re-embed it. */
#define EMBEDDINGS_TABLE_SHA256 "98e77ec4ffde583fb8225b3cf9754b9f0d34e3e11f775647da67340f05c8740e"

#ifndef C_EMBEDDINGS_TABLE_H
#define C_EMBEDDINGS_TABLE_H

#include <stdint.h>

/// The bytes of Sources/CEmbeddingsTable/minilm-l6-v2-static.bin, linked in by table.S.
extern const unsigned char embeddings_table_bytes[];

/// The number of bytes in `embeddings_table_bytes`.
extern const uint64_t embeddings_table_size;

/// `embeddings_table_bytes` as a pointer (Swift does not import arrays of unknown size).
static inline const unsigned char *embeddings_table_start(void) { return embeddings_table_bytes; }

#endif

// Links the distilled embedding table into the binary, so executables need no file beside them.
// `.incbin` finds the file through the target's own folder on the include path
// (`headerSearchPath(".")` in Package.swift). table-digest.h changes whenever the table does,
// which makes the build re-assemble this file (the assembler does not track `.incbin`).
#include "table-digest.h"

#if defined(__APPLE__)
#define SYMBOL(name) _##name
    .section __TEXT,__const
#else
#define SYMBOL(name) name
    .section .rodata
#endif

    .globl SYMBOL(embeddings_table_bytes)
    .balign 64
SYMBOL(embeddings_table_bytes):
    .incbin "minilm-l6-v2-static.bin"
embeddings_table_end:

    .globl SYMBOL(embeddings_table_size)
    .balign 8
SYMBOL(embeddings_table_size):
    .quad embeddings_table_end - SYMBOL(embeddings_table_bytes)

#if defined(__ELF__)
    .section .note.GNU-stack,"",%progbits
#endif

// The core parser and the GitHub extensions (table, strikethrough, autolink, tagfilter, tasklist).
#include <cmark-gfm.h>
#include <cmark-gfm-core-extensions.h>

// Node type of tables, exported by libcmark-gfm-extensions (declared in its private table.h).
extern cmark_node_type CMARK_NODE_TABLE;

// Read once, after the extensions are registered (a function, so Swift does not see a mutable global).
static inline cmark_node_type kartu_table_node_type(void) { return CMARK_NODE_TABLE; }

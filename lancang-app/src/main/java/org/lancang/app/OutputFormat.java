package org.lancang.app;

/** How a listing command prints: a table for people, CSV or JSON for programs. */
enum OutputFormat {
    TEXT,
    CSV,
    JSON
}

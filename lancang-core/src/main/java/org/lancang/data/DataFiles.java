package org.lancang.data;

/**
 * Where the reference data comes from. The core does no I/O: an adapter (the store, the command line, a test) hands it
 * the text of each named file.
 */
@FunctionalInterface
public interface DataFiles {
    /** The whole text of the named file (for example {@code points.csv}); throws if there is no such file. */
    String read(String fileName);
}

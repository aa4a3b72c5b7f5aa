package org.lancang.data;

/**
 * Where the reference data comes from. The core does no I/O: an adapter (the store, the command line, a test) hands it
 * the text of each named file.
 */
@FunctionalInterface
public interface DataFiles {
    /** The whole text of the named file (for example {@code points.csv}); throws if there is no such file. */
    String read(String fileName);

    /**
     * Whether the named file is there, for the files a network may leave out. This default reads it to find out (an
     * adapter that can tell more cheaply says so); a failure of any kind counts as absent, as a missing file does.
     */
    default boolean has(String fileName) {
        try {
            read(fileName);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }
}

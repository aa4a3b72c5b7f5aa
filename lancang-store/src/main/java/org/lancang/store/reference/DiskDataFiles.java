package org.lancang.store.reference;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.lancang.data.DataFiles;

/**
 * A network folder on disk, outside the jar: what {@code lancang serve --network china-laos,/path/to/folder} serves, so
 * that a new line needs no rebuild. Its files are read as the jar's are, UTF-8; a file it lacks is absent (an optional
 * file) or, for a required one, an error naming the file and the folder.
 */
public final class DiskDataFiles implements DataFiles {
    private final Path folder;

    public DiskDataFiles(Path folder) {
        this.folder = folder.toAbsolutePath().normalize();
    }

    /** Whether {@code folder} is a network folder: a directory with a {@value ClasspathDataFiles#NETWORK_FILE}. */
    public static boolean isNetworkFolder(Path folder) {
        return Files.isRegularFile(folder.resolve(ClasspathDataFiles.NETWORK_FILE));
    }

    public Path folder() {
        return folder;
    }

    @Override
    public boolean has(String fileName) {
        return Files.isRegularFile(folder.resolve(fileName));
    }

    @Override
    public String read(String fileName) {
        Path file = folder.resolve(fileName);
        if (!Files.isRegularFile(file)) {
            throw new MissingDataFile("no " + fileName + " in the network folder " + folder + " (a network served as"
                    + " home needs the files of data/china-laos/: docs/features/networks.md)");
        }
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return folder.toString();
    }
}

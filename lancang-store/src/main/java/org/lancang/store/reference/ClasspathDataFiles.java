package org.lancang.store.reference;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.lancang.data.DataFiles;

/** Reads a reference data set that is packaged in the jar, under {@code data/<name>/}. */
public final class ClasspathDataFiles implements DataFiles {
    /** The China–Laos Railway, shipped with Lancang. */
    public static final String CHINA_LAOS = "china-laos";

    private final String folder;

    public ClasspathDataFiles(String dataSet) {
        this.folder = "data/" + dataSet + "/";
    }

    @Override
    public String read(String fileName) {
        try (InputStream in = ClasspathDataFiles.class.getClassLoader().getResourceAsStream(folder + fileName)) {
            if (in == null) {
                throw new IllegalStateException("reference data file " + folder + fileName + " is not in the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + folder + fileName, e);
        }
    }
}

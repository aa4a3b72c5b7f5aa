package org.lancang.store.reference;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.lancang.data.DataFiles;

/** Reads a reference data set that is packaged in the jar, under {@code data/<name>/}. */
public final class ClasspathDataFiles implements DataFiles {
    /** The China–Laos Railway, shipped with Lancang. */
    public static final String CHINA_LAOS = "china-laos";

    /** The file that makes a folder of {@code data/} a network (network.csv: its code, names and zones). */
    public static final String NETWORK_FILE = "network.csv";

    private final String dataSet;
    private final String folder;

    public ClasspathDataFiles(String dataSet) {
        this.dataSet = dataSet;
        this.folder = "data/" + dataSet + "/";
    }

    /** The folder's name under {@code data/}: the network's code. */
    public String dataSet() {
        return dataSet;
    }

    /** Whether the folder has this file (optional files, such as a network's stop coordinates). */
    public boolean has(String fileName) {
        return ClasspathDataFiles.class.getClassLoader().getResource(folder + fileName) != null;
    }

    /**
     * The networks packed into the jar: every folder of {@code data/} that has a {@value #NETWORK_FILE}, sorted by
     * name. Read from the class path, whether it is a folder (tests, a build) or the shaded jar.
     */
    public static List<String> networks() {
        URL marker = ClasspathDataFiles.class.getClassLoader().getResource("data/" + CHINA_LAOS + "/" + NETWORK_FILE);
        if (marker == null) {
            throw new IllegalStateException("no data/ folder on the class path: the reference data is not in the jar");
        }
        try {
            URI uri = marker.toURI();
            if (uri.getScheme().equals("jar")) {
                FileSystem jar;
                try {
                    jar = FileSystems.newFileSystem(uri, Map.of());
                } catch (FileSystemAlreadyExistsException e) {
                    jar = FileSystems.getFileSystem(uri);
                }
                return networksIn(jar.getPath("data"));
            }
            return networksIn(Path.of(uri).getParent().getParent());
        } catch (URISyntaxException | IOException e) {
            throw new IllegalStateException("cannot list the networks in data/ of the class path", e);
        }
    }

    private static List<String> networksIn(Path data) throws IOException {
        List<String> names = new ArrayList<>();
        try (Stream<Path> folders = Files.list(data)) {
            folders.filter(f -> Files.isRegularFile(f.resolve(NETWORK_FILE)))
                    .forEach(f -> names.add(f.getFileName().toString().replace("/", "")));
        }
        Collections.sort(names);
        return List.copyOf(names);
    }

    @Override
    public String read(String fileName) {
        return readPacked(folder + fileName);
    }

    /** A file of {@code data/} itself, shared by every network (the world's currencies). */
    public static String world(String fileName) {
        return readPacked("data/" + fileName);
    }

    private static String readPacked(String path) {
        try (InputStream in = ClasspathDataFiles.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new MissingDataFile("reference data file " + path + " is not in the jar (a network served as"
                        + " home needs the files of data/china-laos/: docs/features/networks.md)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }
}

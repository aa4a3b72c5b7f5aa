package org.lancang.store.db;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Which PostgreSQL to use: an external one by JDBC URL, or the embedded one with its data kept in {@code dataDir}.
 */
public record DatabaseConfig(String jdbcUrl, String user, String password, Path dataDir) {

    public static DatabaseConfig embedded(Path dataDir) {
        return new DatabaseConfig(null, null, null, Objects.requireNonNull(dataDir));
    }

    public static DatabaseConfig external(String jdbcUrl, String user, String password) {
        return new DatabaseConfig(Objects.requireNonNull(jdbcUrl), user, password, null);
    }

    public boolean isEmbedded() {
        return jdbcUrl == null;
    }
}

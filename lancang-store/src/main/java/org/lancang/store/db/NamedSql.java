package org.lancang.store.db;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * SQL with named parameters ({@code :name}) turned into JDBC's positional {@code ?} once, with the names in the order
 * they are bound. Quoted text ({@code 'a:b'}, {@code "x:y"}) and casts ({@code ::int}) are left alone.
 */
record NamedSql(String positional, List<String> names) {
    NamedSql {
        names = List.copyOf(names);
    }

    static NamedSql parse(String sql) {
        StringBuilder out = new StringBuilder(sql.length());
        List<String> names = new ArrayList<>();
        int i = 0;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (c == '\'' || c == '"') {
                int end = sql.indexOf(c, i + 1);
                end = end < 0 ? sql.length() : end + 1;
                out.append(sql, i, end);
                i = end;
            } else if (c == ':' && i + 1 < sql.length() && sql.charAt(i + 1) == ':') {
                out.append("::");
                i += 2;
            } else if (c == ':' && i + 1 < sql.length() && Character.isJavaIdentifierStart(sql.charAt(i + 1))) {
                int end = i + 1;
                while (end < sql.length() && Character.isJavaIdentifierPart(sql.charAt(end))) {
                    end++;
                }
                names.add(sql.substring(i + 1, end));
                out.append('?');
                i = end;
            } else {
                out.append(c);
                i++;
            }
        }
        return new NamedSql(out.toString(), names);
    }

    /** Binds the values by name; a name without a value is a mistake in the calling code, not a NULL. */
    void bind(PreparedStatement statement, Map<String, Object> values) throws SQLException {
        for (int k = 0; k < names.size(); k++) {
            String name = names.get(k);
            if (!values.containsKey(name)) {
                throw new IllegalArgumentException("no value for :" + name + " in " + positional);
            }
            Object value = values.get(name);
            if (value == null) {
                statement.setNull(k + 1, Types.OTHER);
            } else {
                statement.setObject(k + 1, value);
            }
        }
    }
}

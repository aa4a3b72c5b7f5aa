package org.lancang.users;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.lancang.errors.Validation;

/** What makes a username, display name, password and role list acceptable. */
public final class UserRules {
    public static final int MIN_PASSWORD_LENGTH = 10;
    public static final int MAX_PASSWORD_LENGTH = 200;
    public static final int MAX_DISPLAY_NAME_LENGTH = 100;

    private UserRules() {}

    /** Lower-cases and strips the username, so that "Alice " and "alice" are the same account. */
    public static String normalizeUsername(String username) {
        return username == null ? null : username.strip().toLowerCase(Locale.ROOT);
    }

    public static void checkUsername(Validation v, String field, String username) {
        if (username == null || username.isBlank()) {
            v.add(field, "is required");
        } else if (!username.matches("[a-z0-9][a-z0-9._-]{2,31}")) {
            v.add(
                    field,
                    "must be 3–32 characters: letters, digits, '.', '_' or '-', starting with a letter or digit",
                    "username-format");
        }
    }

    public static void checkDisplayName(Validation v, String field, String displayName) {
        if (displayName == null || displayName.isBlank()) {
            v.add(field, "is required");
        } else if (displayName.length() > MAX_DISPLAY_NAME_LENGTH) {
            v.add(field, "must be at most " + MAX_DISPLAY_NAME_LENGTH + " characters", "name-too-long");
        } else if (displayName.chars().anyMatch(Character::isISOControl)) {
            v.add(field, "must not contain control characters", "name-control-characters");
        }
    }

    public static void checkPassword(Validation v, String field, String password) {
        if (password == null || password.isEmpty()) {
            v.add(field, "is required");
        } else if (password.length() < MIN_PASSWORD_LENGTH) {
            v.add(field, "must be at least " + MIN_PASSWORD_LENGTH + " characters", "password-too-short");
        } else if (password.length() > MAX_PASSWORD_LENGTH) {
            v.add(field, "must be at most " + MAX_PASSWORD_LENGTH + " characters", "password-too-long");
        }
    }

    /** Parses role names; every unknown name is reported with its index. */
    public static Set<Role> parseRoles(Validation v, String field, Collection<String> names) {
        if (names == null || names.isEmpty()) {
            v.add(field, "at least one role is required", "roles-required");
            return Set.of();
        }
        EnumSet<Role> roles = EnumSet.noneOf(Role.class);
        List<String> list = new ArrayList<>(names);
        for (int i = 0; i < list.size(); i++) {
            String name = list.get(i);
            try {
                roles.add(Role.valueOf(name == null ? "" : name.strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                v.add(
                        field + "[" + i + "]",
                        "'" + name + "' is not a role; roles are " + List.of(Role.values()),
                        "role-unknown");
            }
        }
        return roles;
    }
}

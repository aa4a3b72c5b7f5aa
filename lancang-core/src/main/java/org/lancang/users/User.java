package org.lancang.users;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/** A person who signs in. The password hash never leaves the store. */
public record User(String username, String displayName, Set<Role> roles, Instant createdAt) {
    public User {
        Objects.requireNonNull(username, "username");
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }
}

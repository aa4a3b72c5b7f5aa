package org.lancang.web.http;

import java.util.EnumSet;
import java.util.Set;
import org.lancang.users.Role;

/**
 * Who may call an endpoint. Every route declares one: {@link #PUBLIC}, {@link #SIGNED_IN} or a set of roles.
 */
public record Access(boolean requiresSignIn, Set<Role> roles) {
    public static final Access PUBLIC = new Access(false, Set.of());
    /** Any signed-in user, whatever their roles. */
    public static final Access SIGNED_IN = new Access(true, Set.of());

    public Access {
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
    }

    public static Access roles(Role first, Role... more) {
        return new Access(true, EnumSet.of(first, more));
    }

    public boolean allows(Set<Role> held) {
        return roles.isEmpty() || held.stream().anyMatch(roles::contains);
    }

    /** For the OpenAPI document and error messages. */
    public String describe() {
        if (!requiresSignIn) {
            return "public";
        }
        return roles.isEmpty()
                ? "any signed-in user"
                : "roles: "
                        + String.join(
                                ", ", roles.stream().map(Enum::name).sorted().toList());
    }
}

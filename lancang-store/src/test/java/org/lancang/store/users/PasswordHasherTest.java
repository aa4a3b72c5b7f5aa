package org.lancang.store.users;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {
    private final PasswordHasher hasher = new PasswordHasher(1024, 1, 1); // cheap parameters: the algorithm is the same

    @Test
    void verifiesTheRightPasswordAndRefusesOthers() {
        String hash = hasher.hash("Luang Prabang 2021");
        assertThat(hash).startsWith("$argon2id$v=19$m=1024,t=1,p=1$");
        assertThat(hasher.verify("Luang Prabang 2021", hash)).isTrue();
        assertThat(hasher.verify("luang prabang 2021", hash)).isFalse();
        assertThat(hasher.verify("", hash)).isFalse();
    }

    @Test
    void saltsEveryHash() {
        assertThat(hasher.hash("same password")).isNotEqualTo(hasher.hash("same password"));
    }

    @Test
    void readsTheParametersFromTheStoredHash() {
        String strong = new PasswordHasher().hash("a password");
        assertThat(strong).contains("m=19456,t=2,p=1");
        assertThat(hasher.verify("a password", strong)).isTrue();
    }

    @Test
    void malformedHashesNeverVerify() {
        assertThat(hasher.verify("x", "")).isFalse();
        assertThat(hasher.verify("x", "$argon2id$v=19$m=x$$")).isFalse();
        assertThat(hasher.verify("x", "$2a$10$abcdefghijklmnopqrstuv")).isFalse();
    }
}

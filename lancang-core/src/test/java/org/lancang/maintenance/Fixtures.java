package org.lancang.maintenance;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.function.Consumer;
import org.assertj.core.api.Assertions;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.lancang.errors.FieldError;
import org.lancang.errors.InvalidInput;
import org.lancang.network.Network;
import org.lancang.reference.ReferenceData;
import org.lancang.testing.ReferenceFiles;

/** The real China–Laos network and its generated register, shared by the maintenance tests (both immutable). */
final class Fixtures {
    static final ReferenceData DATA = ReferenceData.parse(ReferenceFiles.chinaLaos());
    static final Network NETWORK = DATA.network();
    static final AssetRegister REGISTER = AssetRegister.generate(NETWORK);
    /** The network's single line: the one every report of these tests is on. */
    static final String LINE = NETWORK.mainLine().code();

    private Fixtures() {}

    static Instant utc(String isoWithoutZone) {
        return Instant.parse(isoWithoutZone + "Z");
    }

    /** Asserts the call is refused with an InvalidInput that names {@code field} among its errors. */
    static void refusedNaming(String field, ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(InvalidInput.class, (Consumer<InvalidInput>) e ->
                Assertions.assertThat(e.errors()).extracting(FieldError::field).contains(field));
    }
}

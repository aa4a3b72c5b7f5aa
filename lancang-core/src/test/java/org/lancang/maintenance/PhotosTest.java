package org.lancang.maintenance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.lancang.errors.InvalidInput;

/** Photos are recognised by their bytes, not by what the sender claims. */
class PhotosTest {
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13};
    static final byte[] JPEG = {(byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xe0, 0, 16};
    static final byte[] WEBP = "RIFF\0\0\0\0WEBPVP8 ".getBytes(StandardCharsets.ISO_8859_1);

    @Test
    void pngJpegAndWebpAreRecognisedByTheirFirstBytes() {
        assertThat(Photos.check(PNG, "image/png", "photo")).isEqualTo("image/png");
        assertThat(Photos.check(JPEG, null, "photo")).isEqualTo("image/jpeg");
        assertThat(Photos.check(WEBP, "application/octet-stream", "photo")).isEqualTo("image/webp");
    }

    @Test
    void htmlCalledAPngAnEmptyBodyAndAMismatchedTypeAreRefusedNamingTheField() {
        byte[] html = "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> Photos.check(html, "image/png", "photo"))
                .isInstanceOf(InvalidInput.class)
                .hasMessageContaining("photo")
                .hasMessageContaining("not a PNG");
        assertThatThrownBy(() -> Photos.check(new byte[0], "image/png", "photo"))
                .isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> Photos.check(PNG, "image/jpeg", "photo"))
                .isInstanceOf(InvalidInput.class)
                .hasMessageContaining("image/png");
        byte[] wave = "RIFF\0\0\0\0WAVEfmt ".getBytes(StandardCharsets.ISO_8859_1); // RIFF, but a sound
        assertThatThrownBy(() -> Photos.check(wave, null, "photo")).isInstanceOf(InvalidInput.class);
    }

    @Test
    void oneByteOverTheLimitIsRefused() {
        byte[] big = new byte[Photos.MAX_BYTES + 1];
        System.arraycopy(PNG, 0, big, 0, PNG.length);
        assertThatThrownBy(() -> Photos.check(big, "image/png", "photo"))
                .isInstanceOf(InvalidInput.class)
                .hasMessageContaining("larger");
        byte[] fits = new byte[Photos.MAX_BYTES];
        System.arraycopy(PNG, 0, fits, 0, PNG.length);
        assertThat(Photos.check(fits, "image/png", "photo")).isEqualTo("image/png");
    }
}

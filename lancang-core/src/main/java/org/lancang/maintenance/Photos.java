package org.lancang.maintenance;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.lancang.errors.InvalidInput;

/**
 * What a defect photo may be: PNG, JPEG or WebP of at most {@link #MAX_BYTES}. The type is read from the file's own
 * first bytes (its "magic number"), not from the name or the declared Content-Type, which the sender controls: a
 * script or an HTML page renamed to .png is refused, and the type we store and later serve is the one the bytes prove.
 */
public final class Photos {
    /** 5 MB: a phone photo at full resolution fits; a video or a raw scan does not. */
    public static final int MAX_BYTES = 5 * 1024 * 1024;

    public static final List<String> MEDIA_TYPES = List.of("image/png", "image/jpeg", "image/webp");

    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final byte[] JPEG = {(byte) 0xff, (byte) 0xd8, (byte) 0xff};

    private Photos() {}

    /**
     * The media type the bytes prove, or {@link InvalidInput} naming {@code field}: empty, larger than
     * {@link #MAX_BYTES}, not a PNG/JPEG/WebP, or declared as another type than the bytes are.
     *
     * @param declared the Content-Type the sender gave, or {@code null}; parameters such as {@code ;charset} ignored
     */
    public static String check(byte[] bytes, String declared, String field) {
        if (bytes == null || bytes.length == 0) {
            throw new InvalidInput(field, "is empty: send the image bytes");
        }
        if (bytes.length > MAX_BYTES) {
            throw new InvalidInput(field, bytes.length + " bytes is larger than the " + MAX_BYTES + " allowed");
        }
        String actual = detect(bytes);
        if (actual == null) {
            throw new InvalidInput(field, "is not a PNG, JPEG or WebP image (checked by its first bytes)");
        }
        if (declared != null && !declared.isBlank()) {
            String type = declared.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
            if (!type.equals(actual) && !type.equals("application/octet-stream")) {
                throw new InvalidInput(field, "is declared as " + type + " but its bytes are " + actual);
            }
        }
        return actual;
    }

    /** The media type the first bytes show, or {@code null} for anything but PNG, JPEG and WebP. */
    static String detect(byte[] b) {
        if (startsWith(b, PNG, 0)) {
            return "image/png";
        }
        if (startsWith(b, JPEG, 0)) {
            return "image/jpeg";
        }
        if (b.length >= 12
                && startsWith(b, "RIFF".getBytes(StandardCharsets.US_ASCII), 0)
                && startsWith(b, "WEBP".getBytes(StandardCharsets.US_ASCII), 8)) {
            return "image/webp";
        }
        return null;
    }

    private static boolean startsWith(byte[] b, byte[] prefix, int offset) {
        if (b.length < offset + prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (b[offset + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}

package org.lancang.ticketing;

import java.math.BigInteger;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The short reference of a booking that a person reads out at a ticket window or over the phone: seven characters from
 * an alphabet without the look-alikes 0/O, 1/I/L (so "B2K7XQ9" is never misheard or mistyped). It is not a secret:
 * seeing a booking still needs its owner or an agent. The booking's UUID stays its id.
 *
 * <p>References are numbered: the n-th reference is n put through a fixed permutation of the 31⁷ possible values
 * (an affine map modulo 31⁷, a bijection because its multiplier is prime to 31), so two numbers never share a reference
 * and consecutive bookings do not get consecutive-looking references.
 */
public record BookingReference(String value) {
    /** Digits and capitals without 0, 1, I, L and O. */
    public static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

    public static final int LENGTH = 7;

    /** How many references there are: 31⁷ = 27,512,614,111. */
    public static final long CAPACITY = 27_512_614_111L;

    private static final BigInteger MODULUS = BigInteger.valueOf(CAPACITY);
    /** Prime to 31, so the map is a bijection on [0, CAPACITY). */
    private static final BigInteger MULTIPLIER = BigInteger.valueOf(16_180_339_887L);

    private static final BigInteger OFFSET = BigInteger.valueOf(9_876_543_210L);

    public BookingReference {
        Objects.requireNonNull(value, "value");
        if (!valid(value)) {
            throw new IllegalArgumentException(
                    "a booking reference is " + LENGTH + " characters from " + ALPHABET + ", not '" + value + "'");
        }
    }

    /** The reference numbered {@code n} (0 ≤ n &lt; {@link #CAPACITY}); distinct numbers give distinct references. */
    public static BookingReference numbered(long n) {
        if (n < 0 || n >= CAPACITY) {
            throw new IllegalArgumentException("reference number " + n + " is outside 0…" + (CAPACITY - 1));
        }
        long x = BigInteger.valueOf(n)
                .multiply(MULTIPLIER)
                .add(OFFSET)
                .mod(MODULUS)
                .longValueExact();
        char[] out = new char[LENGTH];
        for (int k = LENGTH - 1; k >= 0; k--) {
            out[k] = ALPHABET.charAt((int) (x % ALPHABET.length()));
            x /= ALPHABET.length();
        }
        return new BookingReference(new String(out));
    }

    /**
     * What a person typed or read out, if it is a reference: case, spaces and hyphens do not matter ("b2k 7xq-9").
     */
    public static Optional<BookingReference> parse(String typed) {
        if (typed == null) {
            return Optional.empty();
        }
        String folded = typed.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
        return valid(folded) ? Optional.of(new BookingReference(folded)) : Optional.empty();
    }

    private static boolean valid(String s) {
        if (s.length() != LENGTH) {
            return false;
        }
        for (int k = 0; k < s.length(); k++) {
            if (ALPHABET.indexOf(s.charAt(k)) < 0) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return value;
    }
}

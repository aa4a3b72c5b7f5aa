package org.lancang.testing;

/**
 * The seed of a seeded (property) test, the one way every module's tests pick and print it. {@code -Dseed=N} on the
 * Maven command line (surefire hands it to the tests) replays draw N; without it each run draws a new seed, so that CI
 * explores new inputs, and the printed line says how to replay a failure. The seed belongs in every assertion's
 * description too, since surefire keeps the printed line only in the test's output file.
 */
public final class Seeds {
    /** The system property that replays a seed. */
    public static final String PROPERTY = "seed";

    private Seeds() {}

    /** The seed given by {@code -Dseed=N}, else a new one; printed as "Test seed: N (rerun with -Dseed=N)". */
    public static long seed(Class<?> test) {
        String given = System.getProperty(PROPERTY, "").trim();
        long seed = given.isEmpty() ? System.nanoTime() : Long.parseLong(given);
        System.out.println(test.getSimpleName() + " seed: " + seed + " (rerun with -D" + PROPERTY + "=" + seed + ")");
        return seed;
    }
}

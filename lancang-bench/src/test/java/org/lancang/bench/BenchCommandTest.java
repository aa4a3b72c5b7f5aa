package org.lancang.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code lancang bench timetable} runs from this module and prints each measurement with its target. */
class BenchCommandTest {
    @Test
    void timetableBenchPrintsEveryMeasurement() {
        StringWriter out = new StringWriter();
        CommandLine cli = Bench.commandLine();
        cli.setOut(new PrintWriter(out));
        int code = cli.execute("timetable", "--iterations", "1", "--warmup", "0");
        assertThat(code).isZero();
        assertThat(out.toString())
                .contains("lancang bench timetable: ")
                .containsPattern("one \\w+ run [A-Z]+→[A-Z]+, \\d+ stops")
                .contains("reference day: every train computed + conflict-checked")
                .contains("insert one freight path KMS→VTS")
                .containsPattern("sweep is \\d+× faster");
    }

    @Test
    void anUnknownBenchmarkIsRefused() {
        StringWriter err = new StringWriter();
        CommandLine cli = Bench.commandLine();
        cli.setErr(new PrintWriter(err));
        assertThat(cli.execute("nothing")).isEqualTo(2);
        assertThat(err.toString()).contains("unknown benchmark 'nothing'");
    }
}

package dev.mailroom.microbenchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collection;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs the JMH micro-benchmarks of this package ({@code ./mvnw test -Pjmh}; tag {@code jmh}, never part of
 * {@code ./mvnw test}) and writes JMH's JSON result to {@code target/benchmark/jmh-<timestamp>.json}. The defaults keep
 * a run to a couple of minutes; {@code -Djmh.*} properties override them (docs/performance.md).
 */
@Tag("jmh")
class MicroBenchmarks {

    static final String DESK = "helpdesk@example.test";

    @Test
    void run() throws RunnerException, IOException {
        Path dir = Path.of("target", "benchmark");
        Files.createDirectories(dir);
        Path result = dir.resolve("jmh-" + DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC)
                .format(Instant.now()) + ".json");
        ChainedOptionsBuilder options = new OptionsBuilder()
                .include(System.getProperty("jmh.include", MicroBenchmarks.class.getPackageName() + "\\..*Benchmark"))
                .forks(Integer.getInteger("jmh.forks", 1))
                .warmupIterations(Integer.getInteger("jmh.warmupIterations", 3))
                .warmupTime(TimeValue.fromString(System.getProperty("jmh.warmupTime", "2s")))
                .measurementIterations(Integer.getInteger("jmh.iterations", 5))
                .measurementTime(TimeValue.fromString(System.getProperty("jmh.time", "2s")))
                .jvmArgs(System.getProperty("jmh.jvmArgs", "-Xmx1g").trim().split("\\s+"))
                .shouldFailOnError(true)
                .resultFormat(ResultFormatType.JSON)
                .result(result.toString());
        String profilers = System.getProperty("jmh.profilers", "").trim();
        if (!profilers.isEmpty()) {
            for (String profiler : profilers.split(",")) {
                options.addProfiler(profiler.trim());
            }
        }
        Collection<RunResult> results = new Runner(options.build()).run();
        assertThat(results).as("benchmarks run").isNotEmpty();
        System.out.println("JMH result: " + result.toAbsolutePath());
    }
}

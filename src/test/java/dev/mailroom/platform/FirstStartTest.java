package dev.mailroom.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Import;

import dev.mailroom.testing.Api;

/** The default set-up, as the README's run command gets it: H2 in a file under the data directory, a generated admin password. */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "mailroom.data-dir=target/first-start-test")
@Import(Api.class)
class FirstStartTest {

    private static final Path DATA_DIR = Path.of("target/first-start-test");

    @Autowired
    Api api;

    @Autowired
    MailroomProperties properties;

    @BeforeAll
    static void startFromNothing() throws IOException {
        if (Files.exists(DATA_DIR)) {
            try (Stream<Path> files = Files.walk(DATA_DIR)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    @Test
    void createsTheDatabaseAndBlobStoreUnderTheDataDirectory() {
        assertThat(properties.dataDir()).isEqualTo(DATA_DIR.toAbsolutePath().normalize());
        assertThat(DATA_DIR.resolve("db/mailroom.mv.db")).exists();
        assertThat(DATA_DIR.resolve("blobs")).isDirectory();
    }

    @Test
    void printsTheGeneratedAdminPasswordOnceAndItWorks(CapturedOutput output) {
        assertThat(api.as("admin", generatedPassword(output)).get("/api/accounts/me").status()).isEqualTo(200);
        assertThat(api.anonymous().get("/api/accounts/me").status()).isEqualTo(401);
    }

    @Test
    void logsWhereTheDataIsAndWhichDatabase(CapturedOutput output) {
        assertThat(output.getAll()).contains("Data directory: " + DATA_DIR.toAbsolutePath().normalize())
                .contains("Database: H2");
    }

    @Test
    void servesTheApiDescriptionAndPrometheusMetricsToTheAdmin(CapturedOutput output) {
        var admin = api.as("admin", generatedPassword(output));
        assertThat(api.anonymous().get("/api-docs").status()).isIn(302, 401);
        var docs = admin.get("/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.get("info").get("title").asString()).isEqualTo("Mailroom API");
        assertThat(docs.get("paths").has("/api/accounts")).isTrue();

        assertThat(api.anonymous().getText("/actuator/prometheus").status()).isIn(302, 401);
        var metrics = admin.getText("/actuator/prometheus");
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.text()).contains("jvm_memory_used_bytes").contains("http_server_requests_seconds");
    }

    private static String generatedPassword(CapturedOutput output) {
        Matcher matcher = Pattern.compile("generated password: (\\S+)").matcher(output.getAll());
        assertThat(matcher.find()).as("the generated password is in the log").isTrue();
        return matcher.group(1);
    }
}

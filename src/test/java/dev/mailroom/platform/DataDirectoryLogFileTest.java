package dev.mailroom.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/** The log file's place: under the data directory unless the user chose one, or chose none. */
class DataDirectoryLogFileTest {

    private static StandardEnvironment environment(Map<String, Object> properties) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", properties));
        new DataDirectoryEnvironment().postProcessEnvironment(environment, new SpringApplication());
        return environment;
    }

    @Test
    void theLogFileIsUnderTheDataDirectoryByDefault() {
        var environment = environment(Map.of("mailroom.data-dir", "/var/lib/mailroom"));

        assertThat(environment.getProperty("logging.file.name")).isEqualTo(Path.of("/var/lib/mailroom/logs/mailroom.log").toString());
    }

    @Test
    void aLogFileOrPathTheUserSetWinsAndAnEmptyNameTurnsFileLoggingOff() {
        assertThat(environment(Map.of("logging.file.path", "/var/log/mailroom")).getProperty("logging.file.name")).isNull();
        assertThat(environment(Map.of("logging.file.name", "/tmp/x.log")).getProperty("logging.file.name")).isEqualTo("/tmp/x.log");
        assertThat(environment(Map.of("logging.file.name", "")).getProperty("logging.file.name")).isEmpty();
    }
}

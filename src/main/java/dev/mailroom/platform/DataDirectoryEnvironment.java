package dev.mailroom.platform;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Derives the embedded H2 database location from {@code mailroom.data-dir} unless a JDBC URL is configured, and the log
 * file ({@code <data-dir>/logs/mailroom.log}) unless {@code logging.file.name} or {@code logging.file.path} is set. This
 * runs before Spring Boot sets up logging, so the file is written from the first line on.
 * H2 refuses implicitly relative paths, so the data directory is made absolute here rather than in the URL.
 */
public class DataDirectoryEnvironment implements EnvironmentPostProcessor, Ordered {

    static final String DATASOURCE_URL = "spring.datasource.url";
    static final String LOG_FILE = "logging.file.name";
    static final String LOG_PATH = "logging.file.path";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Path dataDir = Path.of(environment.getProperty("mailroom.data-dir", "data")).toAbsolutePath().normalize();
        Map<String, Object> derived = new HashMap<>();
        if (!environment.containsProperty(DATASOURCE_URL)) {
            derived.put(DATASOURCE_URL, h2Url(dataDir));
        }
        // set (even empty, which turns file logging off), either of them wins
        if (!environment.containsProperty(LOG_FILE) && !environment.containsProperty(LOG_PATH)) {
            derived.put(LOG_FILE, logFile(dataDir).toString());
        }
        if (!derived.isEmpty()) {
            environment.getPropertySources().addLast(new MapPropertySource("mailroomDataDirectory", derived));
        }
    }

    /** The log file under a data directory (Spring Boot's file logging, rotated as {@code logging.logback.rollingpolicy.*} says). */
    public static Path logFile(Path dataDir) {
        return dataDir.resolve("logs").resolve("mailroom.log");
    }

    /**
     * The embedded database under a data directory. H2 keeps only 8 parsed statements per connection by default, fewer
     * than the intake alone runs per email, so each would be parsed again every time.
     */
    public static String h2Url(Path dataDir) {
        return "jdbc:h2:file:" + dataDir.resolve("db").resolve("mailroom") + ";DB_CLOSE_ON_EXIT=FALSE;QUERY_CACHE_SIZE=256";
    }

    @Override
    public int getOrder() {
        // After application.properties and the environment are loaded, so an explicit URL anywhere wins.
        return Ordered.LOWEST_PRECEDENCE;
    }
}

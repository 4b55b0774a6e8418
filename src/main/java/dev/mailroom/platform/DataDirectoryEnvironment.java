package dev.mailroom.platform;

import java.nio.file.Path;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Derives the embedded H2 database location from {@code mailroom.data-dir} unless a JDBC URL is configured.
 * H2 refuses implicitly relative paths, so the data directory is made absolute here rather than in the URL.
 */
public class DataDirectoryEnvironment implements EnvironmentPostProcessor, Ordered {

    static final String DATASOURCE_URL = "spring.datasource.url";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.containsProperty(DATASOURCE_URL)) {
            return;
        }
        Path dataDir = Path.of(environment.getProperty("mailroom.data-dir", "data")).toAbsolutePath().normalize();
        String url = h2Url(dataDir);
        environment.getPropertySources().addLast(new MapPropertySource("mailroomDataDirectory", Map.of(DATASOURCE_URL, url)));
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

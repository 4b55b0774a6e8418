package dev.mailroom.platform;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Says at start where Mailroom keeps its data, which database it uses and where to reach it. */
@Component
class StartupReport {

    private static final Logger log = LoggerFactory.getLogger(StartupReport.class);

    private final MailroomProperties properties;
    private final DataSource dataSource;
    private final Environment environment;

    StartupReport(MailroomProperties properties, DataSource dataSource, Environment environment) {
        this.properties = properties;
        this.dataSource = dataSource;
        this.environment = environment;
    }

    @EventListener(ApplicationReadyEvent.class)
    void report() {
        String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
        log.info("Mailroom is ready on http://localhost:{}/ (API docs at /swagger-ui.html, health at /actuator/health)", port);
        log.info("Data directory: {}", properties.dataDir());
        log.info("Database: {}", describeDatabase());
    }

    private String describeDatabase() {
        try (Connection connection = dataSource.getConnection()) {
            var meta = connection.getMetaData();
            return meta.getDatabaseProductName() + " " + meta.getDatabaseProductVersion() + " at " + meta.getURL();
        } catch (SQLException e) {
            return "unreachable (" + e.getMessage() + ")";
        }
    }
}

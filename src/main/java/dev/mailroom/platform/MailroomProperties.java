package dev.mailroom.platform;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where Mailroom keeps its files. The H2 database, the blob store and (later) the key file live below {@code dataDir}.
 */
@ConfigurationProperties("mailroom")
public record MailroomProperties(Path dataDir) {

    public MailroomProperties {
        dataDir = (dataDir == null ? Path.of("data") : dataDir).toAbsolutePath().normalize();
    }

    public Path blobDir() {
        return dataDir.resolve("blobs");
    }
}

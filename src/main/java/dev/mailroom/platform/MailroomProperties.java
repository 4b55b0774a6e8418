package dev.mailroom.platform;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where Mailroom keeps its files. The H2 database, the blob store and the key file live below {@code dataDir}; the
 * blob store can be put elsewhere with {@code blobDir} (several nodes share one directory they all mount).
 */
@ConfigurationProperties("mailroom")
public record MailroomProperties(Path dataDir, Path blobDir) {

    public MailroomProperties {
        dataDir = (dataDir == null ? Path.of("data") : dataDir).toAbsolutePath().normalize();
        blobDir = (blobDir == null ? dataDir.resolve("blobs") : blobDir).toAbsolutePath().normalize();
    }
}

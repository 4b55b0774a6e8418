package dev.mailroom.storage;

import java.io.IOException;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.mailroom.platform.MailroomProperties;

@Configuration
class BlobStoreConfiguration {

    @Bean
    BlobStore blobStore(MailroomProperties properties) throws IOException {
        return new FileSystemBlobStore(properties.blobDir());
    }
}

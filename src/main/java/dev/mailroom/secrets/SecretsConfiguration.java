package dev.mailroom.secrets;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.mailroom.platform.MailroomProperties;

@Configuration
class SecretsConfiguration {

    @Bean
    SecretBox secretBox(SecretsProperties secrets, MailroomProperties mailroom) {
        return new SecretBox(SecretKeys.load(secrets, mailroom.dataDir()));
    }
}

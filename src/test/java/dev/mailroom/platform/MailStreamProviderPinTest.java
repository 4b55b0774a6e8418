package dev.mailroom.platform;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.util.StreamProvider;

import org.eclipse.angus.mail.util.MailStreamProvider;
import org.junit.jupiter.api.Test;

class MailStreamProviderPinTest {

    @Test
    void jakartaMailFindsAngusMailsStreamProviderThroughTheSystemProperty() {
        MailStreamProviderPin.pin();

        assertThat(System.getProperty(MailStreamProviderPin.PROPERTY)).isEqualTo(MailStreamProvider.class.getName());
        assertThat(StreamProvider.provider()).isInstanceOf(MailStreamProvider.class);
    }
}

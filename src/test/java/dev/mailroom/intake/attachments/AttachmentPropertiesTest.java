package dev.mailroom.intake.attachments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

class AttachmentPropertiesTest {

    @Test
    void defaultsStoreUpToFiveMegabytesWithTheTicketAndRetryForAboutAnHour() {
        var defaults = new AttachmentProperties(null, null, null, null);

        assertThat(defaults.inlineLimit()).isEqualTo(DataSize.ofMegabytes(5));
        assertThat(defaults.maxSize()).isEqualTo(DataSize.ofMegabytes(100));
        assertThat(defaults.maxAttempts()).isEqualTo(8);
        Duration waited = Duration.ZERO;
        for (int failed = 1; failed < defaults.maxAttempts(); failed++) {
            waited = waited.plus(defaults.delayAfter(failed));
        }
        assertThat(waited).isEqualTo(Duration.ofSeconds(30 + 60 + 120 + 240 + 480 + 960 + 1800));
    }

    @Test
    void theDelayDoublesUpToHalfAnHour() {
        var properties = new AttachmentProperties(null, null, 30, Duration.ofSeconds(10));

        assertThat(properties.delayAfter(1)).isEqualTo(Duration.ofSeconds(10));
        assertThat(properties.delayAfter(2)).isEqualTo(Duration.ofSeconds(20));
        assertThat(properties.delayAfter(4)).isEqualTo(Duration.ofSeconds(80));
        assertThat(properties.delayAfter(29)).isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void nonsenseIsRefusedAtStart() {
        assertThatThrownBy(() -> new AttachmentProperties(null, null, 0, null))
                .hasMessageContaining("max-attempts must be at least 1");
        assertThatThrownBy(() -> new AttachmentProperties(null, null, null, Duration.ZERO))
                .hasMessageContaining("retry-delay must be positive");
    }
}

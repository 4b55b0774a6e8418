package dev.mailroom.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ByteSizesTest {

    @Test
    void sizesReadAsPeopleWriteThem() {
        assertThat(ByteSizes.words(1)).isEqualTo("1 byte");
        assertThat(ByteSizes.words(512)).isEqualTo("512 bytes");
        assertThat(ByteSizes.words(300 * 1024)).isEqualTo("300 KB");
        assertThat(ByteSizes.words(1_258_291)).isEqualTo("1.2 MB");
        assertThat(ByteSizes.words(5L * 1024 * 1024)).isEqualTo("5 MB");
        assertThat(ByteSizes.words(62L * 1024 * 1024 + 300_000)).isEqualTo("62 MB");
        assertThat(ByteSizes.words(3L * 1024 * 1024 * 1024 / 2)).isEqualTo("1.5 GB");
    }
}

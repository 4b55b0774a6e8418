package dev.mailroom.tickets.threading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;

import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;

import dev.mailroom.platform.MailIdentity;
import dev.mailroom.secrets.SecretBox;
import dev.mailroom.tickets.threading.ThreadIdReading.Verdict;

class ThreadIdsTest {

    private final SecretBox installation = new SecretBox(randomKey());
    private final ThreadIds ids = new ThreadIds(installation, new MailIdentity("desk.example.com", "desk.example.com"));

    @Test
    void generatedIdCarriesTheTicketAndReadsBackAsSigned() {
        String id = ids.generate("INC-42");

        assertThat(id).matches("<INC-42\\.[0-9a-f]{16}\\.[0-9a-f]{24}@desk\\.example\\.com>");
        assertThat(ids.read(id)).isEqualTo(new ThreadIdReading(Verdict.SIGNED, "INC-42"));
        assertThat(ids.read(id.substring(1, id.length() - 1)).signed()).as("without brackets").isTrue();
        assertThat(ids.read(id.replace("desk.example.com", "DESK.Example.com")).signed()).as("domain case").isTrue();
        assertThat(ids.generate("INC-42")).as("random part").isNotEqualTo(id);
    }

    @Test
    void changedTicketNumberIsForged() {
        String id = ids.generate("INC-42");

        ThreadIdReading reading = ids.read(id.replace("INC-42.", "INC-43."));

        assertThat(reading.verdict()).isEqualTo(Verdict.FORGED);
        assertThat(reading.displayId()).isEqualTo("INC-43");
    }

    @Test
    void changedSignatureOrRandomPartIsForged() {
        String id = ids.generate("INC-7");
        int signatureStart = id.indexOf('@') - 24;
        char first = id.charAt(signatureStart);
        String otherSignature = id.substring(0, signatureStart) + (first == '0' ? '1' : '0') + id.substring(signatureStart + 1);
        int randomStart = id.indexOf('.') + 1;
        char r = id.charAt(randomStart);
        String otherRandom = id.substring(0, randomStart) + (r == '0' ? '1' : '0') + id.substring(randomStart + 1);

        assertThat(ids.read(otherSignature).verdict()).isEqualTo(Verdict.FORGED);
        assertThat(ids.read(otherRandom).verdict()).isEqualTo(Verdict.FORGED);
    }

    @Test
    void anotherInstallationsSignatureIsForged() {
        ThreadIds elsewhere = new ThreadIds(new SecretBox(randomKey()), new MailIdentity("desk.example.com", "desk.example.com"));

        assertThat(ids.read(elsewhere.generate("INC-42")).verdict()).isEqualTo(Verdict.FORGED);
    }

    @Test
    void otherDomainsAndShapesAreNotOurs() {
        String id = ids.generate("INC-42");

        assertThat(ids.read(id.replace("@desk.example.com", "@evil.example.com")).verdict()).isEqualTo(Verdict.NOT_OURS);
        assertThat(ids.read("<CAF=abc123@mail.gmail.com>").verdict()).isEqualTo(Verdict.NOT_OURS);
        assertThat(ids.read("<INC-42.ack.abc@desk.example.com>").verdict()).isEqualTo(Verdict.NOT_OURS);
        assertThat(ids.read(null).verdict()).isEqualTo(Verdict.NOT_OURS);
    }

    @Test
    void onlyDisplayIdsCanBeSigned() {
        assertThatThrownBy(() -> ids.generate("INC-42.x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ids.generate("42")).isInstanceOf(IllegalArgumentException.class);
    }

    private static SecretKeySpec randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return new SecretKeySpec(key, "AES");
    }
}

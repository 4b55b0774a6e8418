package dev.mailroom.tickets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.mailroom.storage.BlobRef;
import dev.mailroom.web.BadRequestException;

/** The small normalizations applied to what intake and API clients hand in. */
class TicketValuesTest {

    @Test
    void fileNamesLoseTheirPathAndHeaderBreakingCharacters() {
        assertThat(FileNames.safe("C:\\fakepath\\report.pdf")).isEqualTo("report.pdf");
        assertThat(FileNames.safe("../../etc/passwd")).isEqualTo("passwd");
        assertThat(FileNames.safe("a\"b;c\r\nd.txt")).isEqualTo("abcd.txt");
        assertThat(FileNames.safe("...hidden")).isEqualTo("hidden");
        assertThat(FileNames.safe("Bericht für März.pdf")).isEqualTo("Bericht für März.pdf");
        assertThat(FileNames.safe("dir/")).isEqualTo("attachment");
        assertThat(FileNames.safe(null)).isEqualTo("attachment");
        String cut = FileNames.safe("x".repeat(400) + ".docx");
        assertThat(cut).hasSize(FileNames.MAX_LENGTH).endsWith(".docx");
    }

    @Test
    void contentTypesAreParsedOrUnknown() {
        assertThat(ContentTypes.normalize("image/png")).isEqualTo("image/png");
        assertThat(ContentTypes.normalize(" text/plain; charset=UTF-8 ")).isEqualTo("text/plain;charset=UTF-8");
        assertThat(ContentTypes.normalize("nonsense")).isEqualTo(ContentTypes.UNKNOWN);
        assertThat(ContentTypes.normalize("*/*")).isEqualTo(ContentTypes.UNKNOWN);
        assertThat(ContentTypes.normalize(null)).isEqualTo(ContentTypes.UNKNOWN);
    }

    @Test
    void messageIdsAreKeptInAngleBrackets() {
        assertThat(MessageIds.normalize("abc@host")).isEqualTo("<abc@host>");
        assertThat(MessageIds.normalize(" <abc@host> ")).isEqualTo("<abc@host>");
        assertThat(MessageIds.normalize(" ")).isNull();
        assertThatThrownBy(() -> MessageIds.normalize("x".repeat(1000))).isInstanceOf(BadRequestException.class);
    }

    @Test
    void bodiesAreSanitizedAndGetTextFromTheirHtml() {
        SanitizedBody fromHtml = SanitizedBody.of(null, "<div>Hello<br>world</div><img src=x onerror=alert(1)>");
        assertThat(fromHtml.html()).doesNotContain("onerror", "alert");
        assertThat(fromHtml.text()).isEqualTo("Hello\nworld");

        SanitizedBody both = SanitizedBody.of("Plain wins", "<p>Rich</p>");
        assertThat(both.text()).isEqualTo("Plain wins");

        SanitizedBody textOnly = SanitizedBody.of("Only text", null);
        assertThat(textOnly.html()).isNull();

        assertThat(SanitizedBody.of(" ", "<script>evil()</script>").isEmpty()).isTrue();
    }

    @Test
    void addressListsRoundTripAndRefuseCommas() {
        assertThat(AddressList.split(AddressList.join("to", List.of(" a@x.org", "", "b@y.org ")))).containsExactly("a@x.org", "b@y.org");
        assertThat(AddressList.join("to", List.of())).isNull();
        assertThat(AddressList.split(null)).isEmpty();
        assertThatThrownBy(() -> AddressList.join("cc", List.of("Doe, John <j@x.org>")))
                .isInstanceOf(BadRequestException.class)
                .extracting(e -> ((BadRequestException) e).field()).isEqualTo("cc");
    }

    @Test
    void newAttachmentsAreCleanedForStorage() {
        var blob = new BlobRef("a".repeat(64), 10);
        NewAttachment cleaned = NewAttachment.stored("/tmp/logo.png", "IMAGE/PNG", " <logo@mail> ", blob).cleaned();

        assertThat(cleaned.fileName()).isEqualTo("logo.png");
        assertThat(cleaned.contentType()).isEqualTo("image/png");
        assertThat(cleaned.contentId()).isEqualTo("logo@mail");
        assertThat(cleaned.sizeBytes()).isEqualTo(10);
        assertThat(cleaned.state()).isEqualTo(AttachmentState.STORED);
        assertThat(NewAttachment.pending("big.iso", null, null, 99, new EmailPart(1, "2")).state()).isEqualTo(AttachmentState.PENDING);
    }
}

package dev.mailroom.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

import dev.mailroom.tickets.Conversation;
import dev.mailroom.tickets.ConversationDirection;
import dev.mailroom.tickets.Ticket;
import dev.mailroom.tickets.TicketPriority;
import dev.mailroom.tickets.TicketSource;
import dev.mailroom.tickets.TicketStatus;
import dev.mailroom.users.DeskUser;
import dev.mailroom.users.UserKind;
import dev.mailroom.users.UserStatus;
import dev.mailroom.web.BadRequestException;

/** JMustache rendering of the notification templates: escaping per part, the ticket reference, errors with lines. */
class TemplateRendererTest {

    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

    private final TemplateRenderer renderer = new TemplateRenderer();
    private final TemplateFields fields = new TemplateFields(new NotificationProperties("Acme Desk"),
            "https://desk.example.com/");
    private final DefaultTemplates defaults = new DefaultTemplates();

    private final Ticket ticket = new Ticket(42, "INC-42", "INC-", 42, "Printer <b>broken</b> & \"jammed\"",
            "It jams.", null, 7, TicketStatus.OPEN, TicketPriority.HIGH, null, null, TicketSource.EMAIL, null,
            "<orig@customer.test>", NOW, NOW, null, null);
    private final DeskUser requester = new DeskUser(7, "ann@customer.test", "Ann <O'Neil>", UserKind.REQUESTER,
            UserStatus.ACTIVE, true, NOW, NOW);

    private Map<String, Object> fields(Optional<Conversation> reply) {
        return fields.of(ticket, requester, reply);
    }

    private RenderedNotification render(String subject, String text, String html) {
        return renderer.render(template(subject, text, html), fields(Optional.empty()), "INC-42", "INC-");
    }

    private static NotificationTemplate template(String subject, String text, String html) {
        return new NotificationTemplate(NotificationKind.ACKNOWLEDGMENT, true, subject, text, html, true, null, null);
    }

    @Test
    void htmlBodyIsEscapedWhileSubjectAndTextAreNot() {
        RenderedNotification rendered = render("[{{ticket.displayId}}] {{ticket.subject}}",
                "Hello {{requester.name}}: {{ticket.subject}}", "<p>Hello {{requester.name}}: {{ticket.subject}}</p>");

        assertThat(rendered.subject()).isEqualTo("[INC-42] Printer <b>broken</b> & \"jammed\"");
        assertThat(rendered.bodyText()).isEqualTo("Hello Ann <O'Neil>: Printer <b>broken</b> & \"jammed\"");
        assertThat(rendered.bodyHtml()).isEqualTo(
                "<p>Hello Ann &lt;O&#39;Neil&gt;: Printer &lt;b&gt;broken&lt;/b&gt; &amp; &quot;jammed&quot;</p>");
        assertThat(rendered.referenceAdded()).isFalse();
    }

    @Test
    void aSubjectWithoutTheReferenceGetsItInFront() {
        RenderedNotification rendered = render("We got your mail: {{ticket.subject}}", "", "");

        assertThat(rendered.subject()).isEqualTo("[INC-42] We got your mail: Printer <b>broken</b> & \"jammed\"");
        assertThat(rendered.referenceAdded()).isTrue();
    }

    @Test
    void aReferenceInAnotherSpellingCountsButAnotherTicketsDoesNot() {
        assertThat(render("Your request (inc-42)", "", "").subject()).isEqualTo("Your request (inc-42)");
        assertThat(render("About INC-420", "", "").subject()).isEqualTo("[INC-42] About INC-420");
    }

    @Test
    void lineBreaksNeverReachTheSubjectHeader() {
        assertThat(render("{{ticket.reference}}\r\nBcc: x@evil.test\n{{ticket.subject}}", "", "").subject())
                .isEqualTo("[INC-42] Bcc: x@evil.test Printer <b>broken</b> & \"jammed\"");
    }

    @Test
    void sanitizedReplyHtmlGoesInUnescapedWithTripleBraces() {
        Conversation reply = new Conversation(5, 42, ConversationDirection.OUTGOING, null, List.of(), List.of(), null,
                "Try turning it off & on.", "<p>Try <b>off</b> &amp; on.</p>", "tech", NOW);
        RenderedNotification rendered = renderer.render(defaults.of(NotificationKind.TECHNICIAN_REPLY),
                fields(Optional.of(reply)), "INC-42", "INC-");

        assertThat(rendered.bodyHtml()).contains("<div><p>Try <b>off</b> &amp; on.</p></div>")
                .contains("https://desk.example.com/tickets/INC-42");
        assertThat(rendered.bodyText()).startsWith("Try turning it off & on.").contains("tech, Acme Desk");
        assertThat(rendered.subject()).isEqualTo("Re: [INC-42] Printer <b>broken</b> & \"jammed\"");
    }

    @Test
    void aTextOnlyReplyIsEscapedForTheHtmlBody() {
        Conversation reply = new Conversation(5, 42, ConversationDirection.OUTGOING, null, List.of(), List.of(), null,
                "Use <Ctrl>\nthen retry", null, "tech", NOW);
        Map<String, Object> values = fields(Optional.of(reply));

        assertThat(renderer.render(template("x", "", "{{{reply.html}}}"), values, "INC-42", "INC-").bodyHtml())
                .isEqualTo("Use &lt;Ctrl&gt;<br>\nthen retry");
    }

    @Test
    void everyShippedDefaultRendersWithTheReference() {
        for (NotificationKind kind : NotificationKind.values()) {
            RenderedNotification rendered = renderer.render(defaults.of(kind), fields(Optional.empty()), "INC-42", "INC-");
            assertThat(rendered.referenceAdded()).as(kind.name()).isFalse();
            assertThat(rendered.subject()).as(kind.name()).contains("[INC-42]");
            assertThat(rendered.bodyText()).as(kind.name()).contains("INC-42").doesNotContain("{{");
        }
    }

    @Test
    void theLinkAppearsOnlyWithABaseUrl() {
        TemplateFields withoutBaseUrl = new TemplateFields(new NotificationProperties(null), "");
        String text = renderer.render(defaults.of(NotificationKind.ACKNOWLEDGMENT),
                withoutBaseUrl.of(ticket, requester, Optional.empty()), "INC-42", "INC-").bodyText();

        assertThat(text).doesNotContain("Follow it here").contains("IT Service Desk");
        assertThat(render("x", "{{ticket.link}}", "").bodyText()).isEqualTo("https://desk.example.com/tickets/INC-42");
    }

    @Test
    void aSyntaxErrorNamesThePartAndTheLine() {
        assertThat(refusal(() -> render("ok", "line one\n\n{{#ticket.link}}\nno close", "")))
                .satisfies(e -> assertThat(e.field()).isEqualTo("bodyText")).hasMessageContaining("line");
        assertThat(refusal(() -> render("ok", "", "<p>\n{{#ticket.link}}x{{/ticket.subject}}</p>")))
                .satisfies(e -> assertThat(e.field()).isEqualTo("bodyHtml")).hasMessageContaining("on line 2");
    }

    @Test
    void anUnknownFieldNamesItAndTheLine() {
        assertThat(refusal(() -> render("Hi {{requester.nmae}}", "", "")))
                .satisfies(e -> assertThat(e.field()).isEqualTo("subject"))
                .hasMessage("unknown field 'requester.nmae' on line 1");
    }

    private static BadRequestException refusal(ThrowingCallable rendering) {
        return catchThrowableOfType(BadRequestException.class, rendering);
    }
}

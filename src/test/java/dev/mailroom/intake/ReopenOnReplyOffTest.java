package dev.mailroom.intake;

import static dev.mailroom.intake.IntakeHarness.step;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;

import dev.mailroom.tickets.TicketChanges;
import dev.mailroom.tickets.TicketService;
import dev.mailroom.tickets.TicketStatus;
import dev.mailroom.testing.MailroomTest;
import tools.jackson.databind.JsonNode;

/** With {@code mailroom.intake.reopen-on-reply=false} the requester's reply is added but the ticket stays RESOLVED. */
@MailroomTest
@Import(IntakeHarness.class)
@TestPropertySource(properties = "mailroom.intake.reopen-on-reply=false")
class ReopenOnReplyOffTest {

    @RegisterExtension
    static final GreenMailExtension greenMail = new GreenMailExtension(
            ServerSetupTest.IMAP.createCopy("127.0.0.1").dynamicPort());

    @Autowired
    IntakeHarness intake;
    @Autowired
    TicketService tickets;

    @Test
    void requestersReplyLeavesTheTicketResolved() throws Exception {
        var desk = intake.desk(greenMail);
        JsonNode created = intake.receive(desk, """
                From: nora@customer.test
                To: %DESK%
                Subject: Password reset
                Message-ID: <orig-off-1@customer.test>

                Please reset my password.
                """);
        var ticket = tickets.findByDisplayId(created.get("ticketDisplayId").asString()).orElseThrow();
        tickets.update(ticket.id(), TicketChanges.status(TicketStatus.RESOLVED));

        JsonNode reply = intake.receive(desk, """
                From: nora@customer.test
                To: %DESK%
                Subject: Re: Password reset
                Message-ID: <reply-off-1@customer.test>
                In-Reply-To: <orig-off-1@customer.test>

                It still does not work.
                """);

        assertThat(reply.get("status").asString()).isEqualTo("PROCESSED");
        assertThat(reply.get("ticketDisplayId").asString()).isEqualTo(ticket.displayId());
        assertThat(step(reply, "reply").get("detail").asString()).contains("stays RESOLVED", "reopen-on-reply is off");
        assertThat(tickets.findById(ticket.id()).orElseThrow().status()).isEqualTo(TicketStatus.RESOLVED);
        assertThat(tickets.conversations(ticket.id())).hasSize(1);
    }
}

package dev.mailroom.tickets;

import dev.mailroom.testing.MailroomTest;

@MailroomTest
class TicketStoreH2Test extends AbstractTicketStoreTest {
}

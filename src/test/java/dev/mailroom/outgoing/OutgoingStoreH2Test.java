package dev.mailroom.outgoing;

import dev.mailroom.testing.MailroomTest;

@MailroomTest
class OutgoingStoreH2Test extends OutgoingStoreContract {
}

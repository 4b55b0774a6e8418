package dev.mailroom.outgoing;

import dev.mailroom.testing.MailroomTest;
import dev.mailroom.testing.OnPostgres;

@MailroomTest
@OnPostgres
class OutgoingStorePostgresTest extends OutgoingStoreContract {
}

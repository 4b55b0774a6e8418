package dev.mailroom.audit;

import dev.mailroom.testing.MailroomTest;

@MailroomTest
class AuditH2Test extends AuditContract {
}

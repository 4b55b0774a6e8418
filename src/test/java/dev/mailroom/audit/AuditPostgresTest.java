package dev.mailroom.audit;

import dev.mailroom.testing.MailroomTest;
import dev.mailroom.testing.OnPostgres;

@MailroomTest
@OnPostgres
class AuditPostgresTest extends AuditContract {
}

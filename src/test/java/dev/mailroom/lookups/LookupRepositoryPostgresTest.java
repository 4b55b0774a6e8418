package dev.mailroom.lookups;

import dev.mailroom.testing.MailroomTest;
import dev.mailroom.testing.OnPostgres;

@MailroomTest
@OnPostgres
class LookupRepositoryPostgresTest extends LookupRepositoryContract {
}

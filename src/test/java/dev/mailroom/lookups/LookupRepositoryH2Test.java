package dev.mailroom.lookups;

import dev.mailroom.testing.MailroomTest;

@MailroomTest
class LookupRepositoryH2Test extends LookupRepositoryContract {
}

package dev.mailroom.users;

import dev.mailroom.testing.MailroomTest;
import dev.mailroom.testing.OnPostgres;

@MailroomTest
@OnPostgres
class UserRepositoryPostgresTest extends UserRepositoryContract {
}

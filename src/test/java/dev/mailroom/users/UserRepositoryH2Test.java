package dev.mailroom.users;

import dev.mailroom.testing.MailroomTest;

@MailroomTest
class UserRepositoryH2Test extends UserRepositoryContract {
}

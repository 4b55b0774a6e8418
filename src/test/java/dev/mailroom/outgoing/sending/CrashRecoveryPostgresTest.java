package dev.mailroom.outgoing.sending;

import dev.mailroom.testing.OnPostgres;

/** The claim and the lease on PostgreSQL: the same conditional updates must let exactly one sender win there too. */
@SenderTest
@OnPostgres
class CrashRecoveryPostgresTest extends CrashRecoveryTest {
}

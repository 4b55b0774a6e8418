package dev.mailroom.acceptance;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import dev.mailroom.incoming.fetch.PollHooks;
import dev.mailroom.transport.ServerTrust;

/** Certificate trust for the acceptance servers, and a way for a test to act at a chosen moment of a poll. */
@TestConfiguration(proxyBeanMethods = false)
class AcceptanceConfiguration {

    /** Trusts the self-signed certificate of the acceptance servers, and nothing else: no trust-any shortcut. */
    @Bean
    @Primary
    ServerTrust acceptanceServerTrust() {
        return ServerTrust.trusting(AcceptanceServers.get().trustStore());
    }

    @Bean
    PollInterruptions pollInterruptions() {
        return new PollInterruptions();
    }

    /** Runs an action once, before the commit of a chosen batch of a chosen mailbox; does nothing otherwise. */
    static final class PollInterruptions implements PollHooks {
        private volatile long serverId = -1;
        private volatile int batch;
        private volatile Runnable action;
        private int seen;

        synchronized void beforeCommitOfBatch(long serverId, int batch, Runnable action) {
            this.serverId = serverId;
            this.batch = batch;
            this.action = action;
            this.seen = 0;
        }

        @Override
        public void beforeCommit(long serverId) {
            Runnable run = null;
            synchronized (this) {
                if (serverId == this.serverId && action != null && ++seen == batch) {
                    run = action;
                    action = null;
                }
            }
            if (run != null) {
                run.run();
            }
        }
    }
}

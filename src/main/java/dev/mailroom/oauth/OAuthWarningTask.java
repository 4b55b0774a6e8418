package dev.mailroom.oauth;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;

/** Runs {@link OAuthWarningCheck} every {@code mailroom.oauth.warning-interval} on one node at a time (db-scheduler). */
@Configuration
class OAuthWarningTask {

    @Bean
    RecurringTask<Void> oauthWarningTask(OAuthWarningCheck check, OAuthProperties properties) {
        return Tasks.recurring("oauth-warnings", FixedDelay.of(properties.warningInterval()))
                .execute((instance, context) -> check.check());
    }
}

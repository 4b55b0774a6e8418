package dev.mailroom.intake.stage;

import java.util.List;

import org.springframework.stereotype.Component;

import dev.mailroom.audit.AuditMessages;
import dev.mailroom.incoming.IncomingServerSettings;
import dev.mailroom.intake.IntakeContext;
import dev.mailroom.intake.IntakeStage;
import dev.mailroom.intake.StageResult;
import dev.mailroom.tickets.threading.SubjectReference;
import dev.mailroom.tickets.threading.SubjectReferences;

/**
 * "Subject matched with other regex prefix": the subject carries a request-ID prefix the server reserves for replies
 * (e.g. {@code REQ-17}), yet threading found no ticket for it. Such an email is meant for an existing request, so a
 * new ticket would only split the conversation.
 */
@Component
public class ReservedPrefixStage implements IntakeStage {

    @Override
    public String name() {
        return "reserved-prefix";
    }

    @Override
    public StageResult judge(IntakeContext context) {
        List<String> reserved = context.settings().map(IncomingServerSettings::requestIdPrefixes).orElse(List.of());
        if (reserved.isEmpty()) {
            return StageResult.pass("the server reserves no request-ID prefixes");
        }
        List<SubjectReference> found = SubjectReferences.find(context.email().subject(), reserved);
        if (found.isEmpty()) {
            return StageResult.pass("the subject carries none of the reserved request-ID prefixes " + String.join(", ", reserved));
        }
        SubjectReference reference = found.get(0);
        String why = context.whySubjectReferenceMissed(reference.displayId()).orElse("it matched no ticket");
        return StageResult.failed(AuditMessages.SUBJECT_MATCHED_OTHER_PREFIX, "the subject carries " + reference.displayId()
                + " (prefix " + reference.prefix() + " is reserved for replies on this server) but did not thread: " + why);
    }
}

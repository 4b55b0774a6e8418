package dev.mailroom.intake.attachments;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.mailroom.intake.parse.ParseLimits;
import dev.mailroom.intake.parse.PartLocator;

/** The parser and the attachment worker read raw mail with the same limits, so part numbers mean the same to both. */
@Configuration
class AttachmentParsing {

    @Bean
    ParseLimits parseLimits(AttachmentProperties properties) {
        return ParseLimits.DEFAULT.withInlineAttachmentBytes(properties.inlineLimit().toBytes());
    }

    @Bean
    PartLocator partLocator(ParseLimits limits) {
        return new PartLocator(limits);
    }
}

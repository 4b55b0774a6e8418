/**
 * The Email Preference: guest ticket creation, Use Reply-To email address and Email-to-Request, stored with a version
 * and changed through {@code /api/email-preference}. The parent judges each email under the preference in force; this
 * package does not import the parent. Imports only {@code platform}.
 */
package dev.mailroom.intake.preference;

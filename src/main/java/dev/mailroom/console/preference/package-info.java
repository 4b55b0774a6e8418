/**
 * The Email Preference screen: guest ticket creation, Use Reply-To email address and Email-to-Request, saved through
 * {@code intake.preference}. The one console subpackage that needs nothing from its parent; nothing imports it.
 */
package dev.mailroom.console.preference;

/**
 * HTML from mail and from API clients made safe to show in a browser (an OWASP sanitizer policy: no scripts or event
 * handlers, images only from https, cid: or data:), and HTML turned into plain text. Imports no other Mailroom package.
 */
package dev.mailroom.sanitize;

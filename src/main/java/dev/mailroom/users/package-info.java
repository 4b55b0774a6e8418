/**
 * Desk users: requesters and technicians known by email address (one per address whatever its case), guests created
 * from incoming mail, the life cycle ACTIVE → ARCHIVED → DELETED with restore, and {@code /api/users}. Imports only the
 * base ({@code platform}, {@code web}); never the flow or the edges.
 */
package dev.mailroom.users;

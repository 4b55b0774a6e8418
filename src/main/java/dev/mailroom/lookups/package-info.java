/**
 * Technician groups and categories: named entries tickets point to, unique whatever their case, not deleted while a
 * ticket uses them, served at {@code /api/groups} and {@code /api/categories}. Imports only the base ({@code platform},
 * {@code web}); never the flow or the edges.
 */
package dev.mailroom.lookups;

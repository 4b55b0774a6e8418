package dev.mailroom.lookups;

/** The two lookup tables; each is the same shape, so one repository serves both. */
public enum LookupKind {
    TECHNICIAN_GROUP("technician_group", "technician_group_id", "Technician group"),
    CATEGORY("category", "category_id", "Category");

    private final String table;
    private final String ticketColumn;
    private final String label;

    LookupKind(String table, String ticketColumn, String label) {
        this.table = table;
        this.ticketColumn = ticketColumn;
        this.label = label;
    }

    String table() {
        return table;
    }

    /** The column of {@code ticket} that points to this table. */
    String ticketColumn() {
        return ticketColumn;
    }

    public String label() {
        return label;
    }
}

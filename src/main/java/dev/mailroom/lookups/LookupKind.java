package dev.mailroom.lookups;

/** The two lookup tables; each is the same shape, so one repository serves both. */
public enum LookupKind {
    TECHNICIAN_GROUP("technician_group", "Technician group"),
    CATEGORY("category", "Category");

    private final String table;
    private final String label;

    LookupKind(String table, String label) {
        this.table = table;
        this.label = label;
    }

    String table() {
        return table;
    }

    public String label() {
        return label;
    }
}

package warden.projection;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A table a projection only adds rows to, each row at most once: a row already there (the same event handled again)
 * is kept as it is. A column may carry the cast its text needs ({@code "payload::jsonb"}).
 */
public final class Append {

    private final String table;
    private final List<String> columns;
    private final int positionColumn;
    private final String insertSql;
    private final String copySql;

    private Append(String table, List<String> columns, int positionColumn) {
        this.table = table;
        this.columns = columns;
        this.positionColumn = positionColumn;
        String names = columns.stream().map(Append::name).collect(Collectors.joining(","));
        this.insertSql = "insert into " + table + "(" + names + ") values ("
                + columns.stream()
                        .map(column -> "?" + column.substring(name(column).length()))
                        .collect(Collectors.joining(","))
                + ") on conflict do nothing";
        this.copySql = "copy " + table + "(" + names + ") from stdin";
    }

    public static Append into(String table, String... columns) {
        return new Append(table, List.of(columns), -1);
    }

    /**
     * The same target, whose {@code column} holds the place in the event store of the event a row comes from: filled by
     * {@link ProjectionWrites}, so the projection leaves it out of the values it appends.
     */
    public Append eventPositionIn(String column) {
        int index = columns.indexOf(column);
        if (index < 0) throw new IllegalArgumentException(table + " has no column " + column);
        return new Append(table, columns, index);
    }

    /** The index of the event's position among the columns, or -1. */
    int positionColumn() {
        return positionColumn;
    }

    private static String name(String column) {
        int cast = column.indexOf("::");
        return cast < 0 ? column : column.substring(0, cast);
    }

    String table() {
        return table;
    }

    String insertSql() {
        return insertSql;
    }

    String copySql() {
        return copySql;
    }
}

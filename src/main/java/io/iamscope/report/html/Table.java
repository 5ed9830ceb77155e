package io.iamscope.report.html;

import java.util.List;

/**
 * A table of a page, sortable by a click on a column's heading and filtered by the text typed above it.
 *
 * @param id      the table's id on the page
 * @param caption what it lists
 * @param columns the headings
 * @param more    what is not listed and how to see it, or null
 */
public record Table(String id, String caption, List<String> columns, List<Row> rows, String more) {
    public Table {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
    }

    /** A row; {@code marked} rows (an administrator, a critical finding) stand out. */
    public record Row(List<Cell> cells, boolean marked) {
        public Row {
            cells = List.copyOf(cells);
        }
    }

    /**
     * A cell.
     *
     * @param sort what the column sorts by, when not the text (a number's digits, padded)
     * @param code whether the text is an identifier (set in monospace)
     * @param css  the cell's class ({@code nowrap}), or null
     */
    public record Cell(String text, String sort, boolean code, String css) {
        public Cell(String text, String sort, boolean code) {
            this(text, sort, code, null);
        }

        /** A time, kept on one line (an ISO 8601 time broken at its hyphens reads badly). */
        public static Cell time(String text) {
            return new Cell(text, null, false, "nowrap");
        }

        public static Cell text(String text) {
            return new Cell(text, null, false);
        }

        public static Cell code(String text) {
            return new Cell(text, null, true);
        }

        /** A number, sorted as one. */
        public static Cell number(long n) {
            return new Cell(Long.toString(n), String.format("%012d", n), false);
        }
    }

    public boolean hasMore() {
        return more != null;
    }

    public boolean empty() {
        return rows.isEmpty();
    }
}

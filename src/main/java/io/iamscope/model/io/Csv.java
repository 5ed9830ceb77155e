package io.iamscope.model.io;

import java.util.ArrayList;
import java.util.List;

/** A small RFC 4180 reader: comma-separated cells, double quotes around cells that hold commas or quotes. */
final class Csv {
    private Csv() {
    }

    /** The rows of the text, each a list of cells; blank lines are skipped. */
    static List<List<String>> parse(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                end(rows, row, cell);
                row = new ArrayList<>();
            } else {
                cell.append(c);
            }
        }
        end(rows, row, cell);
        return rows;
    }

    private static void end(List<List<String>> rows, List<String> row, StringBuilder cell) {
        row.add(cell.toString());
        cell.setLength(0);
        if (row.size() > 1 || !row.get(0).isBlank()) {
            rows.add(row);
        }
    }
}

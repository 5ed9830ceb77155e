package io.iamscope.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.iamscope.graph.rules.BuiltInTechniques;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * docs/techniques.md's table of the escalation checklist (rows 1-73) against the registry: every row is there, each
 * names techniques that exist or says why it is not modelled. A technique renamed or removed, or a row dropped,
 * fails here rather than leaving the document wrong.
 */
class ChecklistTableTest {
    private static final int ROWS = 73;
    private static final Pattern ROW = Pattern.compile("^\\| (\\d+) \\| ([^|]+) \\| ([^|]+) \\| ([^|]*) \\|$");
    private static final Pattern ID = Pattern.compile("`([a-z0-9-]+)`");

    private record Row(int id, List<String> techniques, String why) {
    }

    @Test
    void everyRowHasTechniquesThatExistOrAReason() throws IOException {
        TreeMap<Integer, Row> rows = table();
        assertEquals(IntStream.rangeClosed(1, ROWS).boxed().toList(), List.copyOf(rows.keySet()), "rows of the table");
        Set<String> known = BuiltInTechniques.ALL.stream().map(t -> t.info().id()).collect(Collectors.toSet());
        List<String> problems = new ArrayList<>();
        for (Row r : rows.values()) {
            if (r.techniques().isEmpty() && r.why().isBlank()) {
                problems.add("row " + r.id() + ": neither a technique nor a reason");
            }
            for (String t : r.techniques()) {
                if (!known.contains(t) && !t.equals(GraphBuilder.ASSUME_ROLE)) {
                    problems.add("row " + r.id() + ": no technique `" + t + "`");
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    /** The test reads what it claims to: a row naming an unknown technique is caught. */
    @Test
    void aRowWithAnUnknownTechniqueIsRead() {
        Matcher m = ROW.matcher("| 3 | AttachUserPolicy (self) | `iam-attach-user-policy`, `no-such-thing` |  |");
        assertTrue(m.matches());
        assertEquals(List.of("iam-attach-user-policy", "no-such-thing"), ids(m.group(3)));
    }

    private static TreeMap<Integer, Row> table() throws IOException {
        List<String> lines = Files.readAllLines(Path.of("docs/techniques.md"));
        int start = lines.indexOf("## The checklist, row by row");
        assertTrue(start >= 0, "docs/techniques.md has no checklist table");
        TreeMap<Integer, Row> rows = new TreeMap<>();
        for (String line : lines.subList(start + 1, lines.size())) {
            if (line.startsWith("## ")) {
                break;
            }
            Matcher m = ROW.matcher(line);
            if (m.matches()) {
                int id = Integer.parseInt(m.group(1));
                Row previous = rows.put(id, new Row(id, ids(m.group(3)), m.group(4).trim()));
                assertEquals(null, previous, "row " + id + " twice");
            }
        }
        return rows;
    }

    private static List<String> ids(String cell) {
        List<String> out = new ArrayList<>();
        Matcher m = ID.matcher(cell);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }
}

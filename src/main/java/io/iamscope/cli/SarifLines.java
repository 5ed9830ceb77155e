package io.iamscope.cli;

import io.iamscope.analysis.findings.Finding;
import io.iamscope.analysis.findings.StatementCite;
import io.iamscope.analysis.review.Review;
import io.iamscope.model.io.JsonPointerLines;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The lines of the statements a review cites, in the snapshot files, for SARIF regions: a statement's location
 * reads {@code FILE at POINTER} (a document held in a JSON string reads {@code FILE at FIELD at POINTER}: the line
 * is the field's).
 */
final class SarifLines {
    private SarifLines() {
    }

    static Function<String, Integer> of(Review review, List<Path> files) {
        Map<String, Set<String>> wanted = new HashMap<>();
        Map<String, String[]> parsed = new HashMap<>();
        for (List<Finding> list : List.of(review.findings(),
                review.suppressed().stream().map(s -> s.finding()).toList())) {
            for (Finding f : list) {
                for (StatementCite s : f.statements()) {
                    String[] at = split(s.location(), files);
                    if (at != null) {
                        parsed.put(s.location(), at);
                        wanted.computeIfAbsent(at[0], k -> new HashSet<>()).add(at[1]);
                    }
                }
            }
        }
        Map<String, Map<String, Integer>> lines = new HashMap<>();
        wanted.forEach((file, pointers) -> lines.put(file, JsonPointerLines.of(Path.of(file), pointers)));
        return location -> {
            String[] at = location == null ? null : parsed.get(location);
            return at == null ? null : lines.getOrDefault(at[0], Map.of()).get(at[1]);
        };
    }

    /** {file, pointer} of a location in one of the files, or null. */
    private static String[] split(String location, List<Path> files) {
        if (location == null) {
            return null;
        }
        for (Path f : files) {
            String prefix = f + " at ";
            if (location.startsWith(prefix)) {
                String rest = location.substring(prefix.length());
                int inner = rest.indexOf(" at ");
                return new String[] {f.toString(), inner < 0 ? rest : rest.substring(0, inner)};
            }
        }
        return null;
    }
}

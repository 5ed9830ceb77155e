package io.iamscope.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.iamscope.policy.parse.JsonText;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.iamscope.analysis.findings.FindingCode;
import io.iamscope.analysis.findings.Suppression;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Reads {@code --suppress FILE}, YAML or JSON (docs/review.md, "Suppressions"): a list of entries, or an object
 * whose {@code suppressions} is that list; each entry has {@code code} (a finding code, or a pattern of codes
 * with {@code *}), {@code arn} (a pattern of subjects), {@code reason}, and an optional {@code expires} date
 * ({@code YYYY-MM-DD}, the last day it applies). A malformed file is an input error (exit 2).
 */
final class SuppressionFile {
    private SuppressionFile() {
    }

    static List<Suppression> read(Path file) {
        String name = file.toString().toLowerCase(Locale.ROOT);
        // A key twice is refused in either form, as in every input (JsonText).
        ObjectMapper mapper = name.endsWith(".json") ? JsonText.MAPPER
                : YAMLMapper.builder().enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                        .build();
        JsonNode root;
        try {
            root = mapper.readTree(file.toFile());
        } catch (IOException e) {
            throw invalid(file, "cannot be read: " + e.getMessage().lines().findFirst().orElse(""));
        }
        JsonNode list = root != null && root.isObject() ? root.get("suppressions") : root;
        if (list == null || !list.isArray()) {
            throw invalid(file, "expected a list of suppressions, or an object with `suppressions`");
        }
        List<Suppression> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            out.add(entry(file, i + 1, list.get(i)));
        }
        return out;
    }

    private static Suppression entry(Path file, int n, JsonNode e) {
        String where = "entry " + n;
        String code = text(e, "code");
        String arn = text(e, "arn");
        String reason = text(e, "reason");
        if (code == null || arn == null || reason == null || reason.isBlank()) {
            throw invalid(file, where + ": `code`, `arn` and `reason` are required");
        }
        boolean known = Arrays.stream(FindingCode.values()).anyMatch(c -> matches(code, c.name()));
        if (!known) {
            throw invalid(file, where + ": `" + code + "` is not a finding code (docs/review.md lists them)");
        }
        LocalDate expires = null;
        String date = text(e, "expires");
        if (date != null) {
            try {
                expires = LocalDate.parse(date);
            } catch (DateTimeParseException x) {
                throw invalid(file, where + ": `expires` must be a date YYYY-MM-DD, not `" + date + "`");
            }
        }
        return new Suppression(code, arn, reason, expires, file.getFileName() + " " + where);
    }

    private static boolean matches(String pattern, String code) {
        StringBuilder regex = new StringBuilder();
        for (char ch : pattern.toCharArray()) {
            regex.append(ch == '*' ? ".*" : ch == '?' ? "." : java.util.regex.Pattern.quote(String.valueOf(ch)));
        }
        return code.matches(regex.toString());
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static UserInputException invalid(Path file, String message) {
        return new UserInputException("SUPPRESSIONS_INVALID: " + file + ": " + message);
    }
}

package io.iamscope.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.iamscope.analysis.findings.Finding;
import io.iamscope.analysis.findings.FindingCode;
import io.iamscope.analysis.findings.Severity;
import io.iamscope.analysis.findings.StatementCite;
import io.iamscope.analysis.findings.Suppressions.Suppressed;
import io.iamscope.analysis.review.Review;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Renders a review as SARIF 2.1.0 for code-scanning tools: one rule per finding code (title, help text, AWS
 * documentation page, default level, category and GitHub's {@code security-severity}), one result per finding,
 * located in the snapshot file (at the line of the statement behind it when known) and logically at its subject's
 * ARN, with the finding's id as a stable fingerprint. Suppressed findings are results with an external, accepted
 * suppression and its justification.
 */
public final class ReviewSarifRenderer {
    static final String SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/"
            + "sarif-schema-2.1.0.json";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ReviewSarifRenderer() {
    }

    /**
     * @param artifacts the snapshot files, as the command was given them (results point at the first, or at the
     *                  file a statement's location names)
     * @param lineOf    the line of a statement's location ({@code FILE at POINTER}) in its file, or null
     */
    public static void render(Review r, List<String> artifacts, Function<String, Integer> lineOf, PrintWriter out) {
        write(log(r, artifacts, lineOf), out);
    }

    static Sarif.Log log(Review r, List<String> artifacts, Function<String, Integer> lineOf) {
        List<Sarif.Result> results = new ArrayList<>();
        r.findings().forEach(f -> results.add(result(f, null, artifacts, lineOf)));
        r.suppressed().forEach(s -> results.add(result(s.finding(), s, artifacts, lineOf)));
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("profile", r.profile());
        properties.put("asOf", r.asOf().toString());
        properties.put("accounts", r.accounts());
        if (!r.notes().isEmpty()) {
            properties.put("notCovered", r.notes());
        }
        return log(artifacts, results, properties);
    }

    /** A log of one run of iamscope with a rule per finding code, over the artifacts given. */
    static Sarif.Log log(List<String> artifacts, List<Sarif.Result> results, Map<String, Object> properties) {
        List<Sarif.Rule> rules = new ArrayList<>();
        for (FindingCode c : FindingCode.values()) {
            rules.add(rule(c));
        }
        List<Sarif.Artifact> files = artifacts.stream()
                .map(a -> new Sarif.Artifact(new Sarif.ArtifactLocation(uri(a), null))).toList();
        Sarif.Driver driver = new Sarif.Driver("iamscope", io.iamscope.model.ToolVersion.version(), "https://github.com/iamscope/iamscope", rules);
        return new Sarif.Log(SCHEMA, "2.1.0", List.of(new Sarif.Run(new Sarif.Tool(driver), files, results,
                properties)));
    }

    /** Writes a log, pretty-printed, with a final newline. */
    static void write(Sarif.Log log, PrintWriter out) {
        try {
            JsonGenerator g = MAPPER.getFactory().createGenerator(out);
            g.useDefaultPrettyPrinter();
            MAPPER.writeValue(g, log);
            out.println();
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Sarif.Rule rule(FindingCode c) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("category", c.category().word());
        properties.put("severity", c.severity().word());
        properties.put("security-severity", securitySeverity(c.severity()));
        properties.put("tags", List.of("security", "aws", "iam", c.category().word()));
        String help = c.help() + " AWS documentation: " + c.doc();
        String markdown = c.help() + "\n\n[" + c.doc() + "](" + c.doc() + ")";
        return new Sarif.Rule(c.name(), camel(c.name()), Sarif.Text.of(c.title()), Sarif.Text.of(c.help()),
                new Sarif.Text(help, markdown), c.doc().startsWith("http") ? c.doc() : null,
                new Sarif.Configuration(level(c.severity())), properties);
    }

    private static Sarif.Result result(Finding f, Suppressed suppressed, List<String> artifacts,
                                       Function<String, Integer> lineOf) {
        StatementCite statement = f.statements().isEmpty() ? null : f.statements().get(0);
        String file = artifacts.isEmpty() ? null : artifacts.get(0);
        Integer line = null;
        if (statement != null && statement.location() != null) {
            for (String a : artifacts) {
                if (statement.location().startsWith(a + " at ")) {
                    file = a;
                }
            }
            line = lineOf.apply(statement.location());
        }
        Sarif.PhysicalLocation physical = file == null ? null : new Sarif.PhysicalLocation(
                new Sarif.ArtifactLocation(uri(file), artifacts.indexOf(file)), line == null ? null
                : new Sarif.Region(line));
        Sarif.Location location = new Sarif.Location(physical, List.of(new Sarif.LogicalLocation(
                shortName(f.subject()), f.subject(), "resource")));
        return result(f, suppressed, location, "", Map.of());
    }

    /**
     * The result of a finding at a location: its rule, level, message ({@code prefix} first), fingerprint and
     * properties ({@code more} last).
     */
    static Sarif.Result result(Finding f, Suppressed suppressed, Sarif.Location location, String prefix,
                               Map<String, Object> more) {
        StatementCite statement = f.statements().isEmpty() ? null : f.statements().get(0);
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("severity", f.severity().word());
        properties.put("category", f.category().word());
        properties.put("subject", f.subject());
        properties.put("conditional", f.conditional());
        if (!f.conditionKeys().isEmpty()) {
            properties.put("conditionKeys", f.conditionKeys());
        }
        if (!f.affected().isEmpty()) {
            properties.put("principals", f.affected().size());
        }
        if (statement != null) {
            properties.put("statement", statement.describe() + (statement.pointer() == null ? ""
                    : " at " + statement.pointer()));
        }
        properties.put("fix", f.fix());
        properties.putAll(more);
        String message = prefix + f.title() + (f.conditional() ? " (conditional" + (f.conditionKeys().isEmpty() ? ""
                : " on " + String.join(", ", f.conditionKeys())) + ")" : "") + ". Fix: " + f.fix();
        List<Sarif.Suppression> suppressions = suppressed == null ? List.of() : List.of(new Sarif.Suppression(
                "external", "accepted", suppressed.by().reason() + " (" + suppressed.by().origin() + ")"));
        return new Sarif.Result(f.code().name(), f.code().ordinal(), level(f.severity()), Sarif.Text.of(message),
                List.of(location), Map.of("iamscopeFindingId/v1", f.id()), suppressions, properties);
    }

    /** SARIF levels: error for critical and high, warning for medium, note below (SARIF 3.27.10). */
    static String level(Severity s) {
        return switch (s) {
            case CRITICAL, HIGH -> "error";
            case MEDIUM -> "warning";
            default -> "note";
        };
    }

    /** GitHub code scanning's 0.0-10.0 scale (over 9.0 critical, 7.0 high, 4.0 medium, else low). */
    static String securitySeverity(Severity s) {
        return switch (s) {
            case CRITICAL -> "9.5";
            case HIGH -> "8.0";
            case MEDIUM -> "5.5";
            case LOW -> "3.0";
            case INFO -> "0.0";
        };
    }

    /** A relative path as a URI reference (forward slashes), as SARIF's artifactLocation.uri wants. */
    static String uri(String path) {
        return path.replace('\\', '/').replace(" ", "%20");
    }

    private static String camel(String code) {
        StringBuilder sb = new StringBuilder();
        for (String part : code.toLowerCase(java.util.Locale.ROOT).split("_")) {
            sb.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
        return sb.toString();
    }

    static String shortName(String arn) {
        int slash = arn.lastIndexOf('/');
        return slash >= 0 ? arn.substring(slash + 1) : arn;
    }
}

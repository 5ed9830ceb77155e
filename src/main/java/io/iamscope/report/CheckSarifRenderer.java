package io.iamscope.report;

import io.iamscope.analysis.diff.ChangeKind;
import io.iamscope.analysis.diff.FindingChange;
import io.iamscope.analysis.diff.SnapshotDiff;
import io.iamscope.analysis.findings.Finding;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * {@code iamscope check --format sarif}: SARIF 2.1.0 with one result per finding the change introduces or widens,
 * located where the change is written (the Terraform plan's resource change, the template's resource) so that
 * code scanning annotates it; the rules, levels and fingerprints are the review's ({@link ReviewSarifRenderer}).
 */
public final class CheckSarifRenderer {
    private CheckSarifRenderer() {
    }

    /**
     * Where a finding's change is written.
     *
     * @param file    the plan or template, as given
     * @param line    its 1-based line, or null when not known
     * @param address the Terraform resource address or the CloudFormation logical id, or null when the finding
     *                follows from no one planned resource
     */
    public record Anchor(String file, Integer line, String address) {
    }

    /**
     * @param inputs the plans and templates, as given
     * @param anchor where each finding's change is written
     */
    public static void render(SnapshotDiff diff, List<String> inputs, Function<Finding, Anchor> anchor,
                              PrintWriter out) {
        ReviewSarifRenderer.write(log(diff, inputs, anchor), out);
    }

    static Sarif.Log log(SnapshotDiff diff, List<String> inputs, Function<Finding, Anchor> anchor) {
        List<Sarif.Result> results = new ArrayList<>();
        for (FindingChange c : diff.findings()) {
            if (c.kind() == ChangeKind.REMOVED) {
                continue;
            }
            Finding f = c.finding();
            Anchor a = anchor.apply(f);
            Sarif.PhysicalLocation physical = a == null ? null : new Sarif.PhysicalLocation(
                    new Sarif.ArtifactLocation(ReviewSarifRenderer.uri(a.file()), indexOf(inputs, a.file())),
                    a.line() == null ? null : new Sarif.Region(a.line()));
            List<Sarif.LogicalLocation> logical = new ArrayList<>();
            if (a != null && a.address() != null) {
                logical.add(new Sarif.LogicalLocation(a.address(), a.file() + ":" + a.address(), "resource"));
            }
            logical.add(new Sarif.LogicalLocation(ReviewSarifRenderer.shortName(f.subject()), f.subject(),
                    "resource"));
            Map<String, Object> more = new LinkedHashMap<>();
            more.put("change", c.kind() == ChangeKind.ADDED ? "introduced" : "widened");
            if (!c.newlyAffected().isEmpty()) {
                more.put("newlyAffected", c.newlyAffected());
            }
            if (a != null && a.address() != null) {
                more.put("plannedResource", a.address());
            }
            String prefix = (a == null || a.address() == null ? "" : a.address() + ": ")
                    + (c.kind() == ChangeKind.ADDED ? "" : "widened: ");
            results.add(ReviewSarifRenderer.result(f, null, new Sarif.Location(physical, logical), prefix, more));
        }
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("before", diff.before());
        properties.put("after", diff.after());
        if (!diff.warnings().isEmpty()) {
            properties.put("warnings", diff.warnings());
        }
        return ReviewSarifRenderer.log(inputs, results, properties);
    }

    private static Integer indexOf(List<String> inputs, String file) {
        int i = inputs.indexOf(file);
        return i < 0 ? null : i;
    }
}

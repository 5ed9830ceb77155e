package io.iamscope.cli;

import io.iamscope.analysis.findings.Finding;
import io.iamscope.analysis.findings.StatementCite;
import io.iamscope.model.io.JsonPointerLines;
import io.iamscope.model.io.cloudformation.CloudFormationTemplate;
import io.iamscope.model.io.terraform.TerraformPlan;
import io.iamscope.report.CheckSarifRenderer.Anchor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Where the change behind a finding of {@code check} is written, for SARIF: the statement it cites when that
 * statement comes from a plan or template (a Terraform resource change's line, found from its JSON pointer; a
 * template resource's line), else the planned resource that made its subject or one of the principals it
 * concerns, else the first input with no line.
 */
final class CheckAnchors implements Function<Finding, Anchor> {
    /** One plan or template: its resources' lines by address or logical id, and the ARNs it made. */
    private record Input(String file, Function<String, Integer> lineOfAddress, Map<String, String> addresses,
                         boolean template) {
    }

    private final List<Input> inputs = new ArrayList<>();

    void plan(TerraformPlan plan, Map<String, String> addresses) {
        Map<String, String> pointers = new LinkedHashMap<>();
        plan.resources().forEach(r -> pointers.put(r.address(), r.pointer()));
        Path file = plan.file();
        inputs.add(new Input(file.toString(), address -> {
            String pointer = pointers.get(address);
            return pointer == null ? null : JsonPointerLines.of(file, Set.of(pointer)).get(pointer);
        }, addresses, false));
    }

    void template(CloudFormationTemplate template, Map<String, String> addresses) {
        inputs.add(new Input(template.file().toString(), id -> template.lines().get(id), addresses, true));
    }

    /** The plans and templates, as given. */
    List<String> files() {
        return inputs.stream().map(Input::file).toList();
    }

    @Override
    public Anchor apply(Finding f) {
        for (StatementCite s : f.statements()) {
            Anchor a = s.location() == null ? null : cited(s.location());
            if (a != null) {
                return a;
            }
        }
        List<String> arns = new ArrayList<>();
        arns.add(f.subject());
        f.affected().forEach(x -> arns.add(x.arn()));
        for (String arn : arns) {
            for (int i = inputs.size() - 1; i >= 0; i--) {
                Input in = inputs.get(i); // the last change to it
                String address = in.addresses().get(arn);
                if (address != null) {
                    return new Anchor(in.file(), in.lineOfAddress().apply(address), address);
                }
            }
        }
        return inputs.isEmpty() ? null : new Anchor(inputs.get(0).file(), null, null);
    }

    /**
     * A statement's location in a plan ({@code PLAN at /resource_changes/N/change/after/ATTR (ADDRESS)}) or a
     * template ({@code TEMPLATE at /Resources/ID/Properties/... (ID)}), else null.
     */
    private Anchor cited(String location) {
        for (Input in : inputs) {
            String prefix = in.file() + " at ";
            if (!location.startsWith(prefix)) {
                continue;
            }
            String rest = location.substring(prefix.length());
            int open = rest.indexOf(" (");
            int close = rest.indexOf(')', open + 1);
            String pointer = open < 0 ? rest : rest.substring(0, open);
            String address = open < 0 || close < 0 ? null : rest.substring(open + 2, close);
            if (in.template()) {
                String[] parts = pointer.split("/");
                String id = parts.length > 2 ? parts[2] : address;
                return new Anchor(in.file(), id == null ? null : in.lineOfAddress().apply(id), id);
            }
            Integer line = JsonPointerLines.of(Path.of(in.file()), Set.of(pointer)).get(pointer);
            return new Anchor(in.file(), line != null ? line : address == null ? null
                    : in.lineOfAddress().apply(address), address);
        }
        return null;
    }
}

package io.iamscope.model.io.cloudformation;

import com.fasterxml.jackson.databind.JsonNode;
import io.iamscope.model.io.cloudformation.Intrinsics.Unresolved;
import io.iamscope.model.io.planned.IamApplier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The nested stacks a template creates ({@code AWS::CloudFormation::Stack}, and SAM's {@code AWS::Serverless::
 * Application}, which the transform makes one): a {@code TemplateURL} that is a local path, as the templates given to
 * {@code aws cloudformation package} have ("the local path to the nested stack template": AWS CLI Command
 * Reference, cloudformation package), is read relative to the parent template's directory and applied as its own
 * stack: named {@code PARENT-LogicalId-GENERATED} (CloudFormation names a nested stack after its parent and logical
 * id, with a random suffix), its {@code Parameters} resolved in the parent (one that does not resolve is unknown
 * in the child, never its default). Every change it makes is recorded under the parent's logical id of the stack, in
 * the template given, so reports point there.
 *
 * <p>A URL (https, s3) cannot be read offline, nor a path that is not a file: a warning naming the resource says
 * the nested stack's resources are not checked and what they grant is not counted (check its template with its
 * own {@code --cloudformation}). A template nested in itself is read once.
 */
final class NestedStacks {
    private static final Pattern URL = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*://.*");
    /** Beyond this depth a chain of nested stacks is taken as a loop. */
    private static final int MAX_DEPTH = 16;

    private final IamApplier to;
    private final CloudFormationTemplate parent;
    private final TemplateValues values;
    private final String region;
    private final String stack;
    private final List<Path> ancestors;

    NestedStacks(IamApplier to, CloudFormationTemplate parent, TemplateValues values, String region, String stack,
                 List<Path> ancestors) {
        this.to = to;
        this.parent = parent;
        this.values = values;
        this.region = region;
        this.stack = stack;
        this.ancestors = ancestors;
    }

    void apply(String id) {
        String notChecked = ": the resources of nested stack " + id + " are not checked (what they grant is not"
                + " counted)";
        JsonNode url = values.properties(id).get("TemplateURL");
        String location;
        try {
            location = url == null ? null : values.intrinsics().string(url);
        } catch (Unresolved e) {
            to.warn(values.where(id) + ": TemplateURL does not resolve (" + e.getMessage() + ")" + notChecked);
            return;
        }
        if (location == null) {
            to.warn(values.where(id) + ": no TemplateURL" + notChecked);
            return;
        }
        if (URL.matcher(location).matches()) {
            to.warn(values.where(id) + ": TemplateURL `" + location + "` is not a local file and cannot be read"
                    + " offline" + notChecked + "; give the template as packaged from local files, or check the"
                    + " nested template with its own --cloudformation");
            return;
        }
        Path dir = parent.file().toAbsolutePath().getParent();
        Path file = (dir == null ? Path.of(location) : dir.resolve(location)).normalize();
        if (!Files.isRegularFile(file)) {
            to.warn(values.where(id) + ": TemplateURL `" + location + "` is not a file (" + file + ")" + notChecked);
            return;
        }
        List<Path> chain = new ArrayList<>(ancestors);
        chain.add(parent.file().toAbsolutePath().normalize());
        if (chain.contains(file) || chain.size() > MAX_DEPTH) {
            to.warn(values.where(id) + ": TemplateURL `" + location + "` nests a template in itself: read once");
            return;
        }
        CloudFormationTemplate child = CloudFormationTemplate.read(relativeToWorkingDirectory(file));
        Map<String, String> known = new LinkedHashMap<>();
        Map<String, String> unknown = new LinkedHashMap<>();
        JsonNode given = values.properties(id).path("Parameters");
        for (Iterator<Map.Entry<String, JsonNode>> it = given.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> p = it.next();
            try {
                JsonNode v = values.intrinsics().resolve(p.getValue());
                if (v.isArray()) {
                    List<String> items = new ArrayList<>();
                    v.forEach(x -> items.add(x.asText()));
                    known.put(p.getKey(), String.join(",", items));
                } else if (!v.isMissingNode()) {
                    known.put(p.getKey(), v.asText());
                }
            } catch (Unresolved e) {
                unknown.put(p.getKey(), "given by " + values.where(id) + ", which does not resolve (" + e.getMessage()
                        + ")");
            }
        }
        String childStack = stack + "-" + id + "-GENERATED";
        String previous = to.sourceAlias();
        to.sourceAs(previous != null ? previous : id);
        try {
            CloudFormationOverlay.applyStack(to, child, new Intrinsics(child.root(), to.accountId(), region, childStack,
                    known, unknown), region, childStack, chain);
        } finally {
            to.sourceAs(previous);
        }
    }

    /** The path as the user would write it from where iamscope runs, when it is under it (shorter messages). */
    private static Path relativeToWorkingDirectory(Path file) {
        Path here = Path.of("").toAbsolutePath();
        return file.startsWith(here) ? here.relativize(file) : file;
    }
}

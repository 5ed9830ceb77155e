package io.iamscope.model.io.cloudformation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The intrinsic functions of a template resolved where they can be without deploying it (AWS CloudFormation User
 * Guide, "Intrinsic function reference" and "Pseudo parameters reference"): {@code Ref} to a parameter (its value
 * or default), a pseudo parameter ({@code AWS::AccountId} and {@code AWS::Partition} from the account checked,
 * {@code AWS::Region} when given) or an IAM resource of the template (its physical name; for a managed policy its
 * ARN), {@code Fn::GetAtt X.Arn} of an IAM resource, {@code Fn::Sub}, {@code Fn::Join}, {@code Fn::Select},
 * {@code Fn::Split}, {@code Fn::FindInMap}, {@code Fn::If} on a condition that resolves. Anything else (an import,
 * a parameter with no value, another resource's attribute) throws {@link Unresolved}: the caller decides what an
 * unknown value stands for, never "nothing".
 */
final class Intrinsics {
    /** A value that cannot be known before the stack is deployed, and why. */
    static final class Unresolved extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Unresolved(String reason) {
            super(reason, null, false, false);
        }
    }

    private static final Pattern SUB = Pattern.compile("\\$\\{([^}]*)}");
    private static final Map<String, String> NAME_PROPERTY = Map.of("AWS::IAM::Role", "RoleName",
            "AWS::IAM::User", "UserName", "AWS::IAM::Group", "GroupName", "AWS::IAM::ManagedPolicy",
            "ManagedPolicyName", "AWS::IAM::InstanceProfile", "InstanceProfileName", "AWS::IAM::Policy",
            "PolicyName");
    private static final Map<String, String> ARN_KIND = Map.of("AWS::IAM::Role", "role", "AWS::IAM::User", "user",
            "AWS::IAM::Group", "group", "AWS::IAM::ManagedPolicy", "policy", "AWS::IAM::InstanceProfile",
            "instance-profile");

    private final JsonNode root;
    private final String account;
    private final String region;
    private final String stack;
    private final Map<String, String> parameters;
    /** Parameters given a value that is not known (a nested stack's, from its parent), with why. */
    private final Map<String, String> unknownParameters;
    private final Set<String> generated = new LinkedHashSet<>();

    Intrinsics(JsonNode root, String account, String region, String stack, Map<String, String> parameters) {
        this(root, account, region, stack, parameters, Map.of());
    }

    Intrinsics(JsonNode root, String account, String region, String stack, Map<String, String> parameters,
               Map<String, String> unknownParameters) {
        this.root = root;
        this.account = account;
        this.region = region;
        this.stack = stack;
        this.parameters = Map.copyOf(parameters);
        this.unknownParameters = Map.copyOf(unknownParameters);
    }

    /** The logical ids whose physical name CloudFormation generates, so far asked for. */
    Set<String> generated() {
        return generated;
    }

    /** The value with its intrinsics resolved; a MissingNode for {@code AWS::NoValue}. */
    JsonNode resolve(JsonNode v) {
        if (v == null || v.isMissingNode()) {
            return MissingNode.getInstance();
        }
        if (v.isArray()) {
            ArrayNode out = JsonNodeFactory.instance.arrayNode();
            v.forEach(x -> {
                JsonNode r = resolve(x);
                if (!r.isMissingNode()) {
                    out.add(r);
                }
            });
            return out;
        }
        if (!v.isObject()) {
            return v;
        }
        if (v.size() == 1) {
            String fn = v.fieldNames().next();
            JsonNode arg = v.get(fn);
            switch (fn) {
                case "Ref" -> {
                    return ref(arg.asText());
                }
                case "Fn::GetAtt" -> {
                    return text(getAtt(arg));
                }
                case "Fn::Sub" -> {
                    return text(sub(arg));
                }
                case "Fn::Join" -> {
                    return text(join(arg));
                }
                case "Fn::Select" -> {
                    JsonNode list = resolve(arg.path(1));
                    int i;
                    try {
                        i = Integer.parseInt(string(arg.path(0)));
                    } catch (NumberFormatException e) {
                        throw new Unresolved("Fn::Select index is not a number");
                    }
                    if (!list.isArray() || i < 0 || i >= list.size()) {
                        throw new Unresolved("Fn::Select index " + i + " out of its list");
                    }
                    return list.get(i);
                }
                case "Fn::Split" -> {
                    ArrayNode out = JsonNodeFactory.instance.arrayNode();
                    for (String s : string(arg.path(1)).split(Pattern.quote(string(arg.path(0))), -1)) {
                        out.add(s);
                    }
                    return out;
                }
                case "Fn::FindInMap" -> {
                    JsonNode found = root.path("Mappings").path(string(arg.path(0))).path(string(arg.path(1)))
                            .path(string(arg.path(2)));
                    if (found.isMissingNode()) {
                        throw new Unresolved("Fn::FindInMap finds nothing");
                    }
                    return resolve(found);
                }
                case "Fn::If" -> {
                    return resolve(condition(arg.path(0).asText()) ? arg.path(1) : arg.path(2));
                }
                default -> {
                    if (fn.startsWith("Fn::")) {
                        throw new Unresolved(fn + " is known only once the stack is deployed");
                    }
                }
            }
        }
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode r = resolve(e.getValue());
            if (!r.isMissingNode()) {
                out.set(e.getKey(), r);
            }
        }
        return out;
    }

    /** The value resolved to one string. */
    String string(JsonNode v) {
        JsonNode r = resolve(v);
        if (!r.isValueNode() || r.isNull()) {
            throw new Unresolved("a string was expected");
        }
        return r.asText();
    }

    /** Whether the template's condition of that name holds (its Fn::Equals, Fn::And, Fn::Or, Fn::Not). */
    boolean condition(String name) {
        JsonNode c = root.path("Conditions").get(name);
        if (c == null) {
            throw new Unresolved("no condition `" + name + "`");
        }
        return holds(c);
    }

    private boolean holds(JsonNode c) {
        if (c.has("Condition")) {
            return condition(c.get("Condition").asText());
        }
        if (c.has("Fn::Equals")) {
            return string(c.get("Fn::Equals").path(0)).equals(string(c.get("Fn::Equals").path(1)));
        }
        if (c.has("Fn::Not")) {
            return !holds(c.get("Fn::Not").path(0));
        }
        if (c.has("Fn::And") || c.has("Fn::Or")) {
            boolean and = c.has("Fn::And");
            for (JsonNode x : c.get(and ? "Fn::And" : "Fn::Or")) {
                if (holds(x) != and) {
                    return !and;
                }
            }
            return and;
        }
        throw new Unresolved("a condition that does not resolve");
    }

    private JsonNode ref(String name) {
        switch (name) {
            case "AWS::AccountId" -> {
                return text(account);
            }
            case "AWS::Partition" -> {
                return text(partition());
            }
            case "AWS::URLSuffix" -> {
                return text("amazonaws.com");
            }
            case "AWS::StackName" -> {
                return text(stack);
            }
            case "AWS::NoValue" -> {
                return MissingNode.getInstance();
            }
            case "AWS::Region" -> {
                if (region == null) {
                    throw new Unresolved("AWS::Region is the stack's region (give --region)");
                }
                return text(region);
            }
            default -> {
                // a parameter or a resource
            }
        }
        if (name.startsWith("AWS::")) {
            throw new Unresolved(name + " is known only once the stack is deployed");
        }
        JsonNode parameter = root.path("Parameters").get(name);
        if (parameter != null) {
            if (unknownParameters.containsKey(name)) {
                throw new Unresolved("parameter " + name + " is " + unknownParameters.get(name));
            }
            if (parameters.containsKey(name)) {
                return text(parameters.get(name));
            }
            if (parameter.has("Default")) {
                return parameter.get("Default");
            }
            throw new Unresolved("parameter " + name + " has no default (give --parameter " + name + "=VALUE)");
        }
        JsonNode resource = root.path("Resources").get(name);
        if (resource == null) {
            throw new Unresolved("`" + name + "` is neither a parameter nor a resource of the template");
        }
        String type = resource.path("Type").asText();
        if (type.equals("AWS::IAM::ManagedPolicy")) {
            return text(arn(name));
        }
        if (NAME_PROPERTY.containsKey(type)) {
            return text(physicalName(name));
        }
        ServiceResource service = ServiceResource.of(type);
        if (service != null) {
            return text(switch (service.ref()) {
                case NAME -> physicalName(name);
                case ARN -> serviceArn(name);
                case URL -> ServiceResource.queueUrl(region(name), account, physicalName(name));
            });
        }
        throw new Unresolved("the Ref of " + name + " (" + type + ") is known only once it is created");
    }

    private String getAtt(JsonNode arg) {
        String id = string(arg.path(0));
        String attribute = string(arg.path(1));
        JsonNode resource = root.path("Resources").get(id);
        String type = resource == null ? "" : resource.path("Type").asText();
        if (ARN_KIND.containsKey(type) && (attribute.equals("Arn") || attribute.equals("PolicyArn"))) {
            return arn(id);
        }
        ServiceResource service = ServiceResource.of(type);
        if (service != null && (attribute.equals("Arn") || attribute.equals("TopicArn") || attribute.equals("Id")
                && service == ServiceResource.SECRET)) {
            return serviceArn(id);
        }
        if (service == ServiceResource.QUEUE && attribute.equals("QueueName")) {
            return physicalName(id);
        }
        if (service == ServiceResource.QUEUE && attribute.equals("QueueUrl")) {
            return ServiceResource.queueUrl(region(id), account, physicalName(id));
        }
        throw new Unresolved("Fn::GetAtt " + id + "." + attribute + " is known only once the stack is deployed");
    }

    /** The ARN of a resource of a type in {@link ServiceResource}, made as its service makes it. */
    String serviceArn(String logicalId) {
        ServiceResource service = ServiceResource.of(root.path("Resources").path(logicalId).path("Type").asText());
        return service.arn(partition(), service.regional() ? region(logicalId) : "", account, physicalName(logicalId));
    }

    String partition() {
        return "aws";
    }

    private String region(String logicalId) {
        if (region == null) {
            throw new Unresolved("the ARN of " + logicalId + " has the stack's region (give --region)");
        }
        return region;
    }

    /** The stack's region ({@code --region}). */
    String stackRegion() {
        if (region == null) {
            throw new Unresolved("the stack's region is not known (give --region)");
        }
        return region;
    }

    /**
     * The physical name of a resource of the template (IAM's, or one in {@link ServiceResource}): its name property,
     * or the name CloudFormation makes.
     */
    String physicalName(String logicalId) {
        JsonNode resource = root.path("Resources").path(logicalId);
        String type = resource.path("Type").asText();
        ServiceResource service = ServiceResource.of(type);
        String property = service != null ? service.nameProperty() : NAME_PROPERTY.get(type);
        JsonNode name = property == null ? null : resource.path("Properties").get(property);
        if (name != null) {
            return string(name);
        }
        // "If you don't specify a name, AWS CloudFormation generates a unique physical ID" (User Guide, "Name
        // type"): the stack name, the logical id and a random suffix; the suffix is unknown until created.
        generated.add(logicalId);
        return stack + "-" + logicalId + "-GENERATED";
    }

    /** The ARN of an IAM resource of the template. */
    String arn(String logicalId) {
        JsonNode resource = root.path("Resources").path(logicalId);
        JsonNode path = resource.path("Properties").get("Path");
        return "arn:aws:iam::" + account + ":" + ARN_KIND.get(resource.path("Type").asText())
                + (path == null ? "/" : string(path)) + physicalName(logicalId);
    }

    private String sub(JsonNode arg) {
        String template = arg.isArray() ? string(arg.path(0)) : string(arg);
        JsonNode variables = arg.isArray() ? arg.path(1) : MissingNode.getInstance();
        Matcher m = SUB.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String value;
            if (name.startsWith("!")) {
                value = "${" + name.substring(1) + "}"; // "${!Literal}" is written as "${Literal}"
            } else if (variables.has(name)) {
                value = string(variables.get(name));
            } else if (name.contains(".") && !name.startsWith("AWS::")) {
                int dot = name.indexOf('.');
                value = getAtt(JsonNodeFactory.instance.arrayNode().add(name.substring(0, dot))
                        .add(name.substring(dot + 1)));
            } else {
                value = string(ref(name));
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    private String join(JsonNode arg) {
        String delimiter = string(arg.path(0));
        JsonNode list = resolve(arg.path(1));
        if (!list.isArray()) {
            throw new Unresolved("Fn::Join of something that is not a list");
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < list.size(); i++) {
            if (!list.get(i).isValueNode()) {
                throw new Unresolved("Fn::Join of a value that is not a string");
            }
            out.append(i == 0 ? "" : delimiter).append(list.get(i).asText());
        }
        return out.toString();
    }

    private static JsonNode text(String s) {
        return JsonNodeFactory.instance.textNode(s);
    }
}

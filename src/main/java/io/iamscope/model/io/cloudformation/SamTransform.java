package io.iamscope.model.io.cloudformation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What AWS SAM's transform ({@code Transform: AWS::Serverless-2016-10-31}) makes of a template's IAM, written as the
 * plain CloudFormation resources it deploys (AWS SAM Developer Guide, "AWS SAM resources and properties" and
 * "Generated CloudFormation resources for AWS SAM"):
 * <ul>
 * <li>{@code AWS::Serverless::Function}: with {@code Role}, that role (nothing new); without, the role SAM generates,
 * logical id {@code <FunctionLogicalId>Role}, trusting {@code lambda.amazonaws.com} (or the function's
 * {@code AssumeRolePolicyDocument}), with AWSLambdaBasicExecutionRole (and AWSLambdaVPCAccessExecutionRole with
 * {@code VpcConfig}, AWSXrayWriteOnlyAccess with {@code Tracing: Active}, the queue, stream and table execution
 * roles for SQS, Kinesis and DynamoDB events), {@code PermissionsBoundary}, {@code RolePath}, and its
 * {@code Policies}: managed policy names or ARNs, policy documents (inline, {@code <RoleLogicalId>Policy<N>}) and
 * SAM policy templates ({@link SamPolicyTemplates}), tagged as the function is and {@code lambda:createdBy: SAM};
 * {@code Globals.Function} first merged in;</li>
 * <li>{@code AWS::Serverless::StateMachine}: the same, trusting {@code states.amazonaws.com};</li>
 * <li>{@code AWS::Serverless::Application} with a local {@code Location}: a nested stack (read as one);</li>
 * <li>{@code AWS::Serverless::Api}, {@code HttpApi}, {@code SimpleTable}, {@code LayerVersion}: no IAM of their own
 * (an Api's {@code Auth.ResourcePolicy}, an API Gateway resource policy, is a warning: not modelled);</li>
 * <li>any other {@code AWS::Serverless::} type (Connector, GraphQLApi, ...): a warning naming it, not counted.</li>
 * </ul>
 * Function events that only add Lambda permissions for AWS services (Api, S3, SNS, Schedule, ...) are not expanded.
 */
final class SamTransform {
    static final String NAME = "AWS::Serverless-2016-10-31";
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final Set<String> NO_IAM = Set.of("AWS::Serverless::HttpApi", "AWS::Serverless::SimpleTable",
            "AWS::Serverless::LayerVersion");
    /** AWS managed policies SAM names that live under {@code service-role/}. */
    private static final Set<String> SERVICE_ROLE_POLICIES = Set.of("AWSLambdaBasicExecutionRole",
            "AWSLambdaVPCAccessExecutionRole", "AWSLambdaDynamoDBExecutionRole", "AWSLambdaKinesisExecutionRole",
            "AWSLambdaSQSQueueExecutionRole", "AWSLambdaRole", "AWSLambdaENIManagementAccess",
            "AWSLambdaMSKExecutionRole");
    /** The execution role policy SAM adds for a poll-based event source, by event type. */
    private static final Map<String, String> EVENT_POLICIES = Map.of("SQS", "AWSLambdaSQSQueueExecutionRole",
            "Kinesis", "AWSLambdaKinesisExecutionRole", "DynamoDB", "AWSLambdaDynamoDBExecutionRole");

    private final String file;
    private final JsonNode globals;
    private final ObjectNode resources = F.objectNode();
    private final Map<String, Integer> lines;
    private final List<String> warnings = new ArrayList<>();

    private SamTransform(String file, JsonNode root, Map<String, Integer> lines) {
        this.file = file;
        this.globals = root.path("Globals");
        this.lines = new LinkedHashMap<>(lines);
    }

    /**
     * The template with the transforms it names applied: SAM's expanded, any other (a macro, AWS::Include,
     * AWS::LanguageExtensions) a warning, its resources checked as written.
     */
    static CloudFormationTemplate applyTo(CloudFormationTemplate t) {
        JsonNode transform = t.root().get("Transform");
        if (transform == null) {
            return t;
        }
        List<String> names = new ArrayList<>();
        if (transform.isArray()) {
            transform.forEach(n -> names.add(n.isTextual() ? n.asText() : n.toString()));
        } else {
            names.add(transform.isTextual() ? transform.asText() : transform.toString());
        }
        List<String> warnings = new ArrayList<>(t.warnings());
        for (String name : names) {
            if (!name.equals(NAME)) {
                warnings.add(t.file() + ": Transform `" + name + "`: the resources it makes are not checked, only"
                        + " those written in the template");
            }
        }
        if (!names.contains(NAME)) {
            return new CloudFormationTemplate(t.file(), t.root(), t.lines(), warnings);
        }
        SamTransform sam = new SamTransform(t.file().toString(), t.root(), t.lines());
        for (Iterator<Map.Entry<String, JsonNode>> it = t.resources().fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            sam.resource(e.getKey(), e.getValue());
        }
        ObjectNode root = t.root().deepCopy();
        root.remove("Transform");
        root.remove("Globals");
        root.set("Resources", sam.resources);
        warnings.addAll(sam.warnings);
        return new CloudFormationTemplate(t.file(), root, sam.lines, warnings);
    }

    private void resource(String id, JsonNode r) {
        String type = r.path("Type").asText();
        switch (type) {
            case "AWS::Serverless::Function" -> executionRole(id, r, "Function", "lambda.amazonaws.com",
                    "AWS::Lambda::Function");
            case "AWS::Serverless::StateMachine" -> executionRole(id, r, "StateMachine", "states.amazonaws.com",
                    "AWS::StepFunctions::StateMachine");
            case "AWS::Serverless::Application" -> application(id, r);
            case "AWS::Serverless::Api" -> {
                if (!r.path("Properties").path("Auth").path("ResourcePolicy").isMissingNode()) {
                    warn(id, "Auth.ResourcePolicy is an API Gateway resource policy, which is not modelled: what it"
                            + " grants is not counted");
                }
            }
            default -> {
                if (!type.startsWith("AWS::Serverless::")) {
                    resources.set(id, r);
                } else if (!NO_IAM.contains(type)) {
                    warn(id, type + " is not expanded: the roles and policies SAM makes for it are not counted");
                }
            }
        }
    }

    /**
     * A function's or state machine's resource, and the role SAM makes for it when it names none (properties of
     * {@code Globals.<section>} it does not set merged in).
     */
    private void executionRole(String id, JsonNode r, String section, String service, String deployedType) {
        ObjectNode props = r.path("Properties").isObject() ? ((ObjectNode) r.get("Properties")).deepCopy()
                : F.objectNode();
        globals.path(section).fields().forEachRemaining(g -> {
            if (!props.has(g.getKey())) {
                props.set(g.getKey(), g.getValue());
            }
        });
        ObjectNode deployed = copyAttributes(r, deployedType);
        ObjectNode deployedProps = deployed.putObject("Properties");
        if (props.has("FunctionName")) {
            deployedProps.set("FunctionName", props.get("FunctionName"));
        }
        if (props.has("Name")) {
            deployedProps.set("StateMachineName", props.get("Name"));
        }
        if (props.has("Role")) {
            deployedProps.set(roleProperty(section), props.get("Role"));
            resources.set(id, deployed);
            return;
        }
        String roleId = id + "Role";
        deployedProps.set(roleProperty(section), F.objectNode().set("Fn::GetAtt", F.arrayNode().add(roleId).add("Arn")));
        resources.set(id, deployed);
        ObjectNode role = copyAttributes(r, "AWS::IAM::Role");
        ObjectNode roleProps = role.putObject("Properties");
        roleProps.set("AssumeRolePolicyDocument", props.has("AssumeRolePolicyDocument")
                ? props.get("AssumeRolePolicyDocument") : trust(service));
        ArrayNode managed = roleProps.putArray("ManagedPolicyArns");
        if (section.equals("Function")) {
            managed.add(managedArn("AWSLambdaBasicExecutionRole"));
            if (props.has("VpcConfig")) {
                managed.add(managedArn("AWSLambdaVPCAccessExecutionRole"));
            }
            if ("Active".equals(props.path("Tracing").asText())) {
                managed.add(managedArn("AWSXrayWriteOnlyAccess"));
            }
            props.path("Events").forEach(event -> {
                String policy = EVENT_POLICIES.get(event.path("Type").asText());
                if (policy != null) {
                    managed.add(managedArn(policy));
                }
            });
        }
        ArrayNode inline = roleProps.putArray("Policies");
        JsonNode policies = props.path("Policies");
        List<JsonNode> list = new ArrayList<>();
        if (policies.isArray()) {
            policies.forEach(list::add);
        } else if (!policies.isMissingNode() && !policies.isNull()) {
            list.add(policies);
        }
        for (int i = 0; i < list.size(); i++) {
            policy(id, roleId + "Policy" + i, list.get(i), managed, inline);
        }
        if (props.has("PermissionsBoundary")) {
            roleProps.set("PermissionsBoundary", props.get("PermissionsBoundary"));
        }
        if (props.has("RolePath")) {
            roleProps.set("Path", props.get("RolePath"));
        }
        // SAM tags the role it makes as it tags the function: the function's Tags and lambda:createdBy = SAM.
        ArrayNode tags = roleProps.putArray("Tags");
        tags.addObject().put("Key", "lambda:createdBy").put("Value", "SAM");
        props.path("Tags").fields().forEachRemaining(t -> tags.addObject().put("Key", t.getKey())
                .set("Value", t.getValue()));
        resources.set(roleId, role);
        if (lines.containsKey(id)) {
            lines.put(roleId, lines.get(id)); // the role is written by the function's lines
        }
    }

    /** One entry of {@code Policies}: a managed policy, a policy document, or a SAM policy template. */
    private void policy(String id, String name, JsonNode p, ArrayNode managed, ArrayNode inline) {
        if (p.isTextual()) {
            managed.add(p.asText().startsWith("arn:") ? p : managedArn(p.asText()));
            return;
        }
        if (p.isObject() && p.has("Statement")) {
            inline.addObject().put("PolicyName", name).set("PolicyDocument", p);
            return;
        }
        String key = p.isObject() && p.size() == 1 ? p.fieldNames().next() : null;
        if (key != null && (key.equals("Ref") || key.startsWith("Fn::"))) {
            managed.add(p); // an intrinsic that gives a managed policy's ARN
            return;
        }
        JsonNode document = key == null ? null : SamPolicyTemplates.document(key, p.get(key));
        if (document == null) {
            warn(id, "Policies entry " + (key == null ? p.toString() : "`" + key + "`") + " is not a policy template"
                    + " iamscope knows: counted as anything, conditional");
            // A document that never resolves: the reader makes it stand for anything, conditional on a named key.
            document = F.objectNode().set("Fn::Transform", F.objectNode().put("Name", NAME)
                    .put("PolicyTemplate", key == null ? "?" : key));
        }
        inline.addObject().put("PolicyName", name).set("PolicyDocument", document);
    }

    /** {@code AWS::Serverless::Application}: a nested stack when its {@code Location} is a template's path. */
    private void application(String id, JsonNode r) {
        ObjectNode stack = copyAttributes(r, "AWS::CloudFormation::Stack");
        ObjectNode props = stack.putObject("Properties");
        JsonNode location = r.path("Properties").path("Location");
        if (location.isObject() && location.has("ApplicationId")) {
            warn(id, "Location is a Serverless Application Repository application, which cannot be read offline:"
                    + " the resources it creates are not checked (not counted)");
            return;
        }
        props.set("TemplateURL", location);
        if (r.path("Properties").has("Parameters")) {
            props.set("Parameters", r.path("Properties").get("Parameters"));
        }
        resources.set(id, stack);
    }

    private static String roleProperty(String section) {
        return section.equals("StateMachine") ? "RoleArn" : "Role";
    }

    /** A resource of {@code type} keeping the SAM resource's Condition and DependsOn. */
    private static ObjectNode copyAttributes(JsonNode r, String type) {
        ObjectNode out = F.objectNode().put("Type", type);
        for (String attribute : List.of("Condition", "DependsOn")) {
            if (r.has(attribute)) {
                out.set(attribute, r.get(attribute));
            }
        }
        return out;
    }

    private static JsonNode trust(String service) {
        ObjectNode doc = F.objectNode().put("Version", "2012-10-17");
        ObjectNode statement = doc.putArray("Statement").addObject().put("Effect", "Allow");
        statement.putObject("Principal").putArray("Service").add(service);
        statement.putArray("Action").add("sts:AssumeRole");
        return doc;
    }

    /** An AWS managed policy's ARN from its name ({@code service-role/} for those that live there). */
    private static JsonNode managedArn(String name) {
        return F.objectNode().put("Fn::Sub", "arn:${AWS::Partition}:iam::aws:policy/"
                + (SERVICE_ROLE_POLICIES.contains(name) ? "service-role/" : "") + name);
    }

    private void warn(String id, String what) {
        warnings.add(file + " " + id + ": " + what);
    }
}

package io.iamscope.model.io.cloudformation;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.iamscope.model.io.SnapshotException;
import io.iamscope.policy.SourceLocation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A CloudFormation template, JSON or YAML (AWS CloudFormation User Guide, "Template format"), as one JSON tree with
 * the YAML short forms of the intrinsic functions written in their long form: {@code !Ref X} is
 * {@code {"Ref": "X"}}, {@code !GetAtt X.Arn} is {@code {"Fn::GetAtt": ["X", "Arn"]}}, {@code !Sub ...} is
 * {@code {"Fn::Sub": ...}}, as the guide's "Intrinsic function reference" defines each. The tags are read from
 * the YAML library's events (Jackson's YAMLParser gives a node's tag as its type id), never from the text.
 *
 * <p>A template that names AWS SAM's transform is read as the transform deploys it ({@link SamTransform}); another
 * transform is a warning.
 *
 * @param lines    the line where each resource's definition starts, by logical id (for report locations); a resource
 *                 the SAM transform makes has the line of the resource it is made for
 * @param warnings what reading could not take into account (a transform's resources), one line each
 */
public record CloudFormationTemplate(Path file, JsonNode root, Map<String, Integer> lines, List<String> warnings) {
    /** The short forms whose long form is {@code Fn::NAME}; {@code Ref} and {@code Condition} keep their name. */
    private static final Set<String> FUNCTIONS = Set.of("And", "Base64", "Cidr", "Equals", "FindInMap", "GetAZs",
            "If", "ImportValue", "Join", "Length", "Not", "Or", "Select", "Split", "Sub", "ToJsonString",
            "Transform", "GetAtt");

    public CloudFormationTemplate {
        lines = Map.copyOf(lines);
        warnings = List.copyOf(warnings);
    }

    public CloudFormationTemplate(Path file, JsonNode root, Map<String, Integer> lines) {
        this(file, root, lines, List.of());
    }

    /** The template's {@code Resources} (an empty object when it has none). */
    public JsonNode resources() {
        return root.path("Resources");
    }

    public static CloudFormationTemplate read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new SnapshotException("TEMPLATE_UNREADABLE", "cannot read: " + e.getMessage(),
                    SourceLocation.of(file.toString()));
        }
        String text = new String(bytes, StandardCharsets.UTF_8).stripLeading();
        boolean json = text.startsWith("{");
        Map<String, Integer> lines = new LinkedHashMap<>();
        JsonNode root;
        try (JsonParser p = (json ? new JsonFactory() : new YAMLFactory()).createParser(bytes)) {
            JsonToken first = p.nextToken();
            root = first == null ? null : value(p, file, lines, 0, null);
        } catch (JsonProcessingException e) {
            throw new SnapshotException(json ? "TEMPLATE_MALFORMED_JSON" : "TEMPLATE_MALFORMED_YAML",
                    (json ? "not JSON: " : "not YAML: ") + e.getOriginalMessage().lines().findFirst().orElse("")
                            + " (line " + e.getLocation().getLineNr() + ")", SourceLocation.of(file.toString()));
        } catch (IOException e) {
            throw new SnapshotException("TEMPLATE_UNREADABLE", "cannot read: " + e.getMessage(),
                    SourceLocation.of(file.toString()));
        }
        SourceLocation at = SourceLocation.of(file.toString());
        if (root == null || !root.isObject()) {
            throw new SnapshotException("TEMPLATE_NOT_OBJECT", "a CloudFormation template is an object", at);
        }
        if (!root.path("Resources").isObject()) {
            throw new SnapshotException("TEMPLATE_NO_RESOURCES", "a template needs a `Resources` object",
                    at.child("Resources"));
        }
        return SamTransform.applyTo(new CloudFormationTemplate(file, root, lines));
    }

    /**
     * The value at the parser's current token, its tag turned into the long form. {@code depth} and {@code field}
     * say where it is: a value at depth 2 under {@code Resources} is a resource, whose line is kept.
     */
    private static JsonNode value(JsonParser p, Path file, Map<String, Integer> lines, int depth, String path)
            throws IOException {
        String tag = p.getTypeId() instanceof String s ? s : null;
        int line = p.currentTokenLocation().getLineNr();
        JsonNode node;
        switch (p.currentToken()) {
            case START_OBJECT -> {
                ObjectNode o = JsonNodeFactory.instance.objectNode();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    int fieldLine = p.currentTokenLocation().getLineNr();
                    p.nextToken();
                    if (depth == 1 && "Resources".equals(path)) {
                        lines.put(name, fieldLine);
                    }
                    o.set(name, value(p, file, lines, depth + 1, depth == 0 ? name : path));
                }
                node = o;
            }
            case START_ARRAY -> {
                ArrayNode a = JsonNodeFactory.instance.arrayNode();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    a.add(value(p, file, lines, depth + 1, path));
                }
                node = a;
            }
            case VALUE_STRING -> node = JsonNodeFactory.instance.textNode(p.getText());
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> node = JsonNodeFactory.instance.textNode(p.getText());
            case VALUE_TRUE, VALUE_FALSE -> node = JsonNodeFactory.instance.booleanNode(p.getBooleanValue());
            case VALUE_NULL -> node = JsonNodeFactory.instance.nullNode();
            default -> throw new SnapshotException("TEMPLATE_MALFORMED", "unexpected " + p.currentToken()
                    + " (line " + line + ")", SourceLocation.of(file.toString()));
        }
        return tag == null ? node : longForm(tag, node, file, line);
    }

    private static JsonNode longForm(String tag, JsonNode node, Path file, int line) {
        if (tag.startsWith("tag:yaml.org,2002:")) {
            return node; // a YAML core tag (!!str, !!int): the value as it is
        }
        String name = tag.startsWith("!") ? tag.substring(1) : tag;
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        if (name.equals("Ref") || name.equals("Condition")) {
            o.set(name, node);
        } else if (name.equals("GetAtt") && node.isTextual()) {
            // "!GetAtt logicalNameOfResource.attributeName": the logical id, then everything after its first dot
            String s = node.asText();
            int dot = s.indexOf('.');
            ArrayNode a = o.putArray("Fn::GetAtt");
            a.add(dot < 0 ? s : s.substring(0, dot));
            a.add(dot < 0 ? "" : s.substring(dot + 1));
        } else if (FUNCTIONS.contains(name)) {
            o.set("Fn::" + name, node);
        } else {
            throw new SnapshotException("TEMPLATE_UNKNOWN_TAG", "`!" + name + "` is not an intrinsic function's"
                    + " short form (line " + line + ")", SourceLocation.of(file.toString()));
        }
        return o;
    }
}

package io.iamscope.catalog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads the catalog file written by {@code scripts/convert-iam-data.js} (format 1, see docs/catalog.md) and turns
 * any flaw into a one-line {@link CatalogException}.
 */
final class CatalogReader {
    static final int FORMAT = 1;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final String origin;
    private int nextId;

    private CatalogReader(String origin) {
        this.origin = origin;
    }

    static Catalog read(InputStream gzipped, String origin) {
        JsonNode root;
        try (InputStream in = new GZIPInputStream(new BufferedInputStream(gzipped, 1 << 16), 1 << 16)) {
            root = MAPPER.readTree(in);
        } catch (ZipException | EOFException e) {
            throw new CatalogException("catalog `" + origin + "` is not a complete gzip file: " + e.getMessage(), e);
        } catch (JsonProcessingException e) {
            throw new CatalogException("catalog `" + origin + "` is not valid JSON: " + e.getOriginalMessage()
                    + " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr(), e);
        } catch (IOException e) {
            throw new CatalogException("catalog `" + origin + "` could not be read: " + e.getMessage(), e);
        }
        return new CatalogReader(origin).catalog(root);
    }

    private Catalog catalog(JsonNode root) {
        if (root == null || !root.isObject()) {
            throw fail("", "is not a JSON object");
        }
        int format = require(root, "format", "").asInt(-1);
        if (format != FORMAT) {
            throw fail("/format", "is " + root.get("format") + ", expected " + FORMAT);
        }
        JsonNode src = require(root, "source", "");
        CatalogSource source = new CatalogSource(text(src, "package", "/source"), text(src, "version", "/source"),
                src.path("updatedAt").asText(null), src.path("convertedAt").asText(null));
        List<ConditionKey> globals = conditionKeys(array(root, "globalConditionKeys", ""), "/globalConditionKeys");
        JsonNode servicesNode = array(root, "services", "");
        List<Service> services = new ArrayList<>(servicesNode.size());
        for (int i = 0; i < servicesNode.size(); i++) {
            services.add(service(servicesNode.get(i), "/services/" + i));
        }
        return new Catalog(source, services, globals);
    }

    private Service service(JsonNode node, String at) {
        String prefix = text(node, "prefix", at);
        Map<String, ResourceType> types = new HashMap<>();
        List<ResourceType> typeList = new ArrayList<>();
        JsonNode typesNode = array(node, "resourceTypes", at);
        for (int i = 0; i < typesNode.size(); i++) {
            JsonNode t = typesNode.get(i);
            String tAt = at + "/resourceTypes/" + i;
            String arn = text(t, "arn", tAt);
            ResourceType type = new ResourceType(prefix, text(t, "name", tAt), arn,
                    strings(array(t, "conditionKeys", tAt)), ArnFormat.compile(arn));
            typeList.add(type);
            types.put(type.name().toLowerCase(Locale.ROOT), type);
        }
        JsonNode actionsNode = array(node, "actions", at);
        List<Action> actions = new ArrayList<>(actionsNode.size());
        for (int i = 0; i < actionsNode.size(); i++) {
            actions.add(action(prefix, actionsNode.get(i), at + "/actions/" + i, types));
        }
        return new Service(prefix, text(node, "name", at), actions, typeList,
                conditionKeys(array(node, "conditionKeys", at), at + "/conditionKeys"));
    }

    private Action action(String prefix, JsonNode node, String at, Map<String, ResourceType> types) {
        String name = text(node, "name", at);
        String access = text(node, "access", at);
        AccessLevel level = AccessLevel.fromLabel(access);
        if (level == null) {
            throw fail(at + "/access", "is `" + access + "`, not an access level");
        }
        JsonNode resourcesNode = array(node, "resources", at);
        List<ActionResource> resources = new ArrayList<>(resourcesNode.size());
        for (int i = 0; i < resourcesNode.size(); i++) {
            JsonNode r = resourcesNode.get(i);
            String typeName = text(r, "type", at + "/resources/" + i);
            ResourceType type = types.get(typeName.toLowerCase(Locale.ROOT));
            if (type == null) {
                throw fail(at + "/resources/" + i + "/type", "names `" + typeName + "`, which service `" + prefix
                        + "` does not define");
            }
            resources.add(new ActionResource(type, r.path("required").asBoolean(false)));
        }
        return new Action(nextId++, prefix, name, level, resources, strings(array(node, "conditionKeys", at)));
    }

    private List<ConditionKey> conditionKeys(JsonNode array, String at) {
        List<ConditionKey> keys = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            JsonNode k = array.get(i);
            keys.add(new ConditionKey(text(k, "key", at + "/" + i), k.path("type").asText(null)));
        }
        return keys;
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>(array.size());
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private JsonNode require(JsonNode node, String field, String at) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw fail(at, "lacks `" + field + "`");
        }
        return value;
    }

    private JsonNode array(JsonNode node, String field, String at) {
        JsonNode value = require(node, field, at);
        if (!value.isArray()) {
            throw fail(at + "/" + field, "is not an array");
        }
        return value;
    }

    private String text(JsonNode node, String field, String at) {
        JsonNode value = require(node, field, at);
        if (!value.isTextual()) {
            throw fail(at + "/" + field, "is not a string");
        }
        return value.asText();
    }

    private CatalogException fail(String pointer, String what) {
        return new CatalogException("catalog `" + origin + "` is malformed: `" + (pointer.isEmpty() ? "/" : pointer)
                + "` " + what);
    }
}

package io.iamscope.model.io;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.iamscope.model.Account;
import io.iamscope.model.Organization;
import io.iamscope.model.Snapshot;
import io.iamscope.policy.SourceLocation;
import io.iamscope.policy.parse.JsonText;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a snapshot v1 file as a stream, one user, group, role or policy at a time, instead of as one tree: the
 * tree of a 37 MB snapshot is about 235 MB, which every collection during the read had to copy
 * (docs/performance.md). It takes only the layout iamscope writes (an object whose first field is
 * {@code format}, {@code version} before {@code accounts}, no field twice, lists as arrays) and returns null on
 * anything else, which {@link SnapshotReader} then reads as a tree. Elements go through the same readers as the
 * tree's ({@link AccountReader}, {@link AuthorizationDetailsReader}), with the same checks and JSON pointers;
 * only a file with several errors may report another of them first.
 */
final class StreamedSnapshotReader {
    private StreamedSnapshotReader() {
    }

    /**
     * The snapshot, or null when the file is not laid out as iamscope writes it.
     *
     * @throws SnapshotException for a missing or unreadable file, bad JSON, or bad content
     */
    static Snapshot read(Path file, SourceLocation at) {
        try (JsonParser p = JsonInput.MAPPER.getFactory().createParser(Files.newInputStream(file))) {
            p.setCodec(JsonText.STREAMING);
            Snapshot s = snapshot(p, at);
            if (s != null && p.nextToken() != null) {
                throw JsonInput.refused(JsonText.trailing(p.currentTokenLocation()), file, at);
            }
            return s;
        } catch (IOException e) {
            throw JsonInput.failure(e, file, at);
        }
    }

    private static Snapshot snapshot(JsonParser p, SourceLocation at) throws IOException {
        if (p.nextToken() != JsonToken.START_OBJECT || p.nextToken() != JsonToken.FIELD_NAME
                || !"format".equals(p.currentName()) || p.nextToken() != JsonToken.VALUE_STRING
                || !SnapshotReader.FORMAT.equals(p.getText())) {
            return null;
        }
        Integer version = null;
        String collectedAt = null;
        Map<String, String> by = new LinkedHashMap<>();
        JsonNode org = null;
        List<Account> accounts = null;
        List<String> seen = new ArrayList<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            if (seen.contains(field)) {
                return null;
            }
            seen.add(field);
            JsonToken t = p.nextToken();
            switch (field) {
                case "version" -> {
                    JsonNode v = p.readValueAsTree();
                    if (!v.canConvertToInt() || v.asInt() != Snapshot.CURRENT_VERSION) {
                        return null;
                    }
                    version = v.asInt();
                }
                case "accounts" -> {
                    if (version == null || t != JsonToken.START_ARRAY) {
                        return null;
                    }
                    accounts = accounts(p, at.child("accounts"));
                    if (accounts == null) {
                        return null;
                    }
                }
                case "collectedAt" -> collectedAt = t == JsonToken.VALUE_NULL ? null
                        : p.<JsonNode>readValueAsTree().asText();
                case "collectedBy" -> {
                    JsonNode cb = p.readValueAsTree();
                    Iterator<Map.Entry<String, JsonNode>> it = cb.fields();
                    while (it.hasNext()) {
                        Map.Entry<String, JsonNode> e = it.next();
                        by.put(e.getKey(), e.getValue().asText());
                    }
                }
                case "organization" -> org = p.readValueAsTree();
                default -> p.skipChildren();
            }
        }
        if (version == null) {
            return null;
        }
        Organization organization = org == null || org.isNull() ? null
                : OrganizationReader.read(org, at.child("organization"));
        return new Snapshot(version, collectedAt, by, organization, accounts == null ? List.of() : accounts);
    }

    /** The accounts of the array the parser is at, or null when one is not laid out as expected. */
    private static List<Account> accounts(JsonParser p, SourceLocation at) throws IOException {
        List<Account> out = new ArrayList<>();
        for (int i = 0; p.nextToken() != JsonToken.END_ARRAY; i++) {
            if (p.currentToken() != JsonToken.START_OBJECT) {
                return null;
            }
            Account a = account(p, at.child(i));
            if (a == null) {
                return null;
            }
            out.add(a);
        }
        return out;
    }

    /**
     * One account: its fields but the authorization details kept as a small tree, the details streamed when the
     * account id came first (else kept in the tree and read from it).
     */
    private static Account account(JsonParser p, SourceLocation at) throws IOException {
        ObjectNode rest = JsonInput.MAPPER.createObjectNode();
        String id = null;
        AuthorizationDetailsReader.Builder details = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken t = p.nextToken();
            if (rest.has(field) || "authorizationDetails".equals(field) && details != null) {
                return null;
            }
            if ("authorizationDetails".equals(field) && id != null && t == JsonToken.START_OBJECT) {
                details = new AuthorizationDetailsReader.Builder(id, at.child("authorizationDetails"));
                if (!details(p, details)) {
                    return null;
                }
            } else {
                rest.set(field, p.readValueAsTree());
                if ("accountId".equals(field)) {
                    id = AccountReader.accountId(rest, at);
                }
            }
        }
        return details == null ? AccountReader.read(rest, at)
                : AccountReader.withDetails(rest, id, details.build(), at);
    }

    /** Streams the details object the parser is at into the builder; false when a list is not an array. */
    private static boolean details(JsonParser p, AuthorizationDetailsReader.Builder into) throws IOException {
        List<String> seen = new ArrayList<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken t = p.nextToken();
            if (!AuthorizationDetailsReader.LISTS.contains(field)) {
                p.skipChildren();
                continue;
            }
            if (seen.contains(field) || t != JsonToken.START_ARRAY && t != JsonToken.VALUE_NULL) {
                return false;
            }
            seen.add(field);
            if (t == JsonToken.START_ARRAY) {
                for (int i = 0; p.nextToken() != JsonToken.END_ARRAY; i++) {
                    into.add(field, i, p.readValueAsTree());
                }
            }
        }
        return true;
    }
}

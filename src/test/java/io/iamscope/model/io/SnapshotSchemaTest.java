package io.iamscope.model.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The sample snapshot has every field the schema requires, at the top level and in each account and resource.
 * A full JSON Schema validation would need a validator dependency; this checks the required lists instead.
 */
class SnapshotSchemaTest {
    @Test
    void sampleHasEveryRequiredField() {
        JsonNode schema = JsonInput.read(Path.of("docs/snapshot.schema.json"));
        JsonNode sample = JsonInput.read(SnapshotReaderTest.SAMPLE);
        assertEquals("https://json-schema.org/draft/2020-12/schema", schema.get("$schema").asText());
        requireAll(schema.get("required"), sample, "/");
        requireAll(schema.at("/$defs/organization/required"), sample.get("organization"), "/organization");
        for (JsonNode account : sample.get("accounts")) {
            requireAll(schema.at("/$defs/account/required"), account, "/accounts");
            for (JsonNode resource : account.get("resources")) {
                requireAll(schema.at("/$defs/resource/required"), resource, "/resources");
            }
        }
        assertEquals("iamscope-snapshot", sample.get("format").asText());
        assertEquals(1, sample.get("version").asInt());
    }

    private static void requireAll(JsonNode required, JsonNode node, String where) {
        for (JsonNode field : required) {
            assertTrue(node.has(field.asText()), where + " lacks `" + field.asText() + "`");
        }
    }
}

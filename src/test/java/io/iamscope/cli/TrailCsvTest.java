package io.iamscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.iamscope.cli.TrailCommandTest.Run;
import org.junit.jupiter.api.Test;

/**
 * {@code iamscope trail} over the sample's logs exported as CSV from Athena and from CloudTrail Lake
 * (src/test/resources/trail/csv/) says what it says over the JSON logs.
 */
class TrailCsvTest {
    private static JsonNode withoutFileCount(Run r) {
        JsonNode json = r.json();
        ((ObjectNode) json.path("logs")).remove("files");
        return json;
    }

    @Test
    void athenaAndLakeExportsGiveTheReportOfTheJsonLogs() {
        Run json = TrailCommandTest.run("AKIAZCONTRACTOR7LEAK", "--logs", TrailCommandTest.LOGS, "--format", "json");
        for (String csv : new String[] {"athena.csv", "lake.csv"}) {
            Run r = TrailCommandTest.run("AKIAZCONTRACTOR7LEAK", "--logs", "src/test/resources/trail/csv/" + csv,
                    "--format", "json");
            assertEquals(json.exit(), r.exit(), r.err());
            assertEquals(1, r.json().path("logs").path("files").asInt());
            assertEquals(withoutFileCount(json), withoutFileCount(r), csv);
        }
    }
}

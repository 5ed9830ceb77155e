package io.iamscope.model.io.cloudformation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.iamscope.catalog.Catalog;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The SAM policy templates iamscope knows (sam-policy-templates.json): every action is one AWS has, but the two
 * that SAM's SQSPollerPolicy writes and IAM does not define (the batch calls are authorized by
 * sqs:ChangeMessageVisibility and sqs:DeleteMessage: Amazon SQS Developer Guide, "Amazon SQS API permissions"):
 * kept as SAM writes them, they grant nothing.
 */
class SamPolicyTemplatesTest {
    @Test
    void everyActionIsInTheCatalog() throws Exception {
        JsonNode templates;
        try (InputStream in = SamPolicyTemplates.class.getResourceAsStream("sam-policy-templates.json")) {
            templates = new ObjectMapper().readTree(in);
        }
        Catalog catalog = Catalog.bundled();
        List<String> unknown = new ArrayList<>();
        templates.fields().forEachRemaining(t -> t.getValue().path("statements").forEach(s -> s.path("actions")
                .forEach(a -> {
                    if (catalog.expand(a.asText()).isEmpty()) {
                        unknown.add(t.getKey() + ": " + a.asText());
                    }
                })));
        assertEquals(List.of("SQSPollerPolicy: sqs:ChangeMessageVisibilityBatch", "SQSPollerPolicy: sqs:DeleteMessageBatch"),
                unknown);
        assertTrue(templates.size() > 15);
    }

    @Test
    void aTemplatesParametersGoIntoItsResources() {
        JsonNode doc = SamPolicyTemplates.document("SQSSendMessagePolicy",
                new ObjectMapper().createObjectNode().put("QueueName", "jobs"));
        JsonNode sub = doc.path("Statement").path(0).path("Resource").path(0).path("Fn::Sub");
        assertEquals("arn:${AWS::Partition}:sqs:${AWS::Region}:${AWS::AccountId}:${QueueName}", sub.path(0).asText());
        assertEquals("jobs", sub.path(1).path("QueueName").asText());
        assertNull(SamPolicyTemplates.document("NoSuchPolicy", null));
        assertNull(SamPolicyTemplates.document("_source", null));
    }
}

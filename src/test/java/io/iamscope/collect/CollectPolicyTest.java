package io.iamscope.collect;

import io.iamscope.collect.call.AwsOperation;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Keeps {@code docs/collect-policy.json} true: it grants exactly the IAM actions of the operations the
 * collector registers (and the WireMock tests check that every request sent is a registered operation).
 */
class CollectPolicyTest {
    // BatchGet* reads several at once: CodeBuild's BatchGetProjects is of access level Read (Service
    // Authorization Reference, CodeBuild).
    private static final Set<String> READ_ONLY_VERBS = Set.of("Get", "List", "Describe", "BatchGet");

    private static JsonNode policy() throws IOException {
        return new ObjectMapper().readTree(Path.of("docs", "collect-policy.json").toFile());
    }

    @Test
    void policyGrantsExactlyTheRegisteredOperations() throws IOException {
        Set<String> granted = new TreeSet<>();
        for (JsonNode statement : policy().get("Statement")) {
            assertEquals("Allow", statement.get("Effect").asText());
            statement.get("Action").forEach(a -> granted.add(a.asText()));
        }
        Set<String> registered = Arrays.stream(AwsOperation.values()).map(AwsOperation::iamAction)
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(registered, granted);
    }

    @Test
    void policyIsReadOnlyWithoutWildcards() throws IOException {
        for (JsonNode statement : policy().get("Statement")) {
            for (JsonNode a : statement.get("Action")) {
                String action = a.asText();
                assertFalse(action.contains("*"), action);
                String name = action.substring(action.indexOf(':') + 1);
                boolean readOnly = READ_ONLY_VERBS.stream().anyMatch(name::startsWith)
                        || action.equals("sts:AssumeRole");
                assertTrue(readOnly, "not a read: " + action);
            }
        }
    }

    @Test
    void assumeRoleIsLimitedToRoles() throws IOException {
        for (JsonNode statement : policy().get("Statement")) {
            if (statement.get("Action").toString().contains("sts:AssumeRole")) {
                assertEquals("arn:aws:iam::*:role/*", statement.get("Resource").asText());
            }
        }
    }
}

package io.iamscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * {@code iamscope can} names the rule a service applies outside the policies (docs/evaluation.md), on the sample
 * organization: an administrator of member account acme-dev and its service-linked roles.
 */
class CanServiceRulesTest {
    private static final String SNAPSHOT = "policies-fixtures/sample-org/snapshot.json";

    private static String can(String... args) {
        StringWriter out = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(new StringWriter()));
        String[] all = new String[args.length + 3];
        all[0] = "can";
        System.arraycopy(args, 0, all, 1, args.length);
        all[args.length + 1] = "--snapshot";
        all[args.length + 2] = SNAPSHOT;
        assertEquals(0, cl.execute(all));
        return out.toString();
    }

    @Test
    void aMemberAdministratorCannotChangeAServiceLinkedRole() {
        String out = can("admin-ppatel", "iam:AttachRolePolicy",
                "arn:aws:iam::333333333333:role/aws-service-role/autoscaling.amazonaws.com/AWSServiceRoleForAutoScaling");
        assertTrue(out.startsWith("ExplicitDeny\n"), out);
        assertTrue(out.contains("decided by AWS, not by a policy: SERVICE_LINKED_ROLE: "), out);
        assertTrue(out.contains("identity-based policy: allows"), out);
    }

    @Test
    void organizationsCallsDependOnTheAccount() throws Exception {
        String create = can("admin-ppatel", "organizations:CreateAccount", "*");
        assertTrue(create.startsWith("ExplicitDeny\n") && create.contains("ORGANIZATIONS_MANAGEMENT_ACCOUNT"), create);
        // The sample lists no delegated administrator: acme-dev is not one (CanDelegatedAdministratorTest has the
        // listed and the unknown cases).
        String list = can("admin-ppatel", "organizations:ListAccounts", "*");
        assertTrue(list.startsWith("ExplicitDeny\n"), list);
        assertTrue(list.contains("ORGANIZATIONS_DELEGATED_ADMINISTRATOR"), list);
        JsonNode json = new ObjectMapper().readTree(can("admin-ppatel", "sts:GetCallerIdentity", "*", "--format", "json"));
        assertEquals("Allow", json.get("decision").asText());
        assertEquals("CALLER_IDENTITY_ALWAYS_ALLOWED", json.get("rule").get("code").asText());
    }
}

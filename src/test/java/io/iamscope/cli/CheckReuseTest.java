package io.iamscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.iamscope.analysis.AttackerProfile;
import io.iamscope.analysis.Workspace;
import io.iamscope.analysis.diff.DiffAnalysis;
import io.iamscope.analysis.diff.SnapshotDiff;
import io.iamscope.analysis.review.ReviewOptions;
import io.iamscope.eval.RequestContext;
import io.iamscope.graph.AccessGraph;
import io.iamscope.model.PrincipalRef;
import io.iamscope.model.Role;
import io.iamscope.model.Snapshot;
import io.iamscope.model.SnapshotIndex;
import io.iamscope.model.io.SnapshotReader;
import io.iamscope.model.io.cloudformation.CloudFormationOverlay;
import io.iamscope.model.io.cloudformation.CloudFormationTemplate;
import io.iamscope.model.io.terraform.TerraformOverlay;
import io.iamscope.model.io.terraform.TerraformPlan;
import io.iamscope.report.DiffJsonRenderer;
import io.iamscope.synth.AccountGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code check} computes the planned side in a workspace that follows the base's ({@link Workspace#following}):
 * the engine, the unchanged policy instances and admin statuses are the base's. Its answer must be the one a
 * workspace of its own gives: the same access graph (every edge with its evidence, every admin status) and the
 * same report, on the CI fixtures and on a generated account with a generated plan.
 */
class CheckReuseTest {
    private static final Path SAMPLE = Path.of("policies-fixtures/sample-org/snapshot.json");
    private static final String SAMPLE_ACCOUNT = "333333333333";
    private static final Instant AS_OF = Instant.parse("2026-12-07T00:00:00Z");
    private static final RequestContext CONTEXT = AttackerProfile.named("stolen-keys").orElseThrow()
            .context(Map.of(), List.of());

    @TestFactory
    Stream<DynamicTest> theCiFixturesGiveWhatFromScratchGives() throws IOException {
        Snapshot base = SnapshotReader.read(SAMPLE).snapshot();
        List<Path> fixtures;
        try (Stream<Path> files = Files.list(Path.of("policies-fixtures/ci"))) {
            fixtures = files.filter(f -> !f.getFileName().toString().contains("malformed"))
                    .filter(f -> f.getFileName().toString().matches("(tf|cfn)-.*\\.(json|yaml)")).sorted().toList();
        }
        assertTrue(fixtures.size() >= 10, fixtures.toString());
        return fixtures.stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> {
            Snapshot after = f.getFileName().toString().startsWith("tf-")
                    ? TerraformOverlay.apply(base, TerraformPlan.read(f), SAMPLE_ACCOUNT).snapshot()
                    : CloudFormationOverlay.apply(base, CloudFormationTemplate.read(f), SAMPLE_ACCOUNT, "us-east-1",
                            "stack", Map.of()).snapshot();
            assertSameAsFromScratch(base, after);
        }));
    }

    @Test
    void aGeneratedAccountWithAGeneratedPlanGivesWhatFromScratchGives(@TempDir Path dir) throws IOException {
        ObjectMapper json = new ObjectMapper();
        Path file = dir.resolve("account.json");
        json.writeValue(file.toFile(), new AccountGenerator(new AccountGenerator.Spec(40, 80, 120, 11,
                "123456789012")).snapshot());
        Snapshot base = SnapshotReader.read(file).snapshot();
        Path planFile = dir.resolve("plan.json");
        String group = base.accounts().get(0).groups().get(0).name();
        json.writeValue(planFile.toFile(), plan(json, 30, group));
        Snapshot after = TerraformOverlay.apply(base, TerraformPlan.read(planFile), "123456789012").snapshot();

        Workspace before = assertSameAsFromScratch(base, after);

        // The reuse happened, and only where nothing changed: an untouched role shares the base's caller side, a
        // role given an administrator's inline policy by the plan does not (nor its admin status: the graphs
        // above would differ).
        Workspace following = Workspace.following(before, new SnapshotIndex(after));
        following.graph(CONTEXT);
        assertSame(callerSide(before, "role-1"), callerSide(following, "role-1"));
        assertNotSame(callerSide(before, "role-0"), callerSide(following, "role-0"));
        PrincipalRef changed = ref(following, "role-0");
        assertTrue(following.graph(CONTEXT).admin(following.graph(CONTEXT).node(changed.arn()).orElseThrow()).admin());
        assertFalse(before.graph(CONTEXT).admin(before.graph(CONTEXT).node(changed.arn()).orElseThrow()).admin());
    }

    /** Compares the check of {@code after} against {@code base} both ways; returns the base's workspace. */
    private static Workspace assertSameAsFromScratch(Snapshot base, Snapshot after) {
        SnapshotDiff scratch = DiffAnalysis.run(workspace(base), ReviewOptions.defaults(AS_OF), workspace(after),
                ReviewOptions.defaults(AS_OF), "stolen-keys", CONTEXT, List.of());
        Workspace before = workspace(base);
        Workspace following = Workspace.following(before, new SnapshotIndex(after));
        SnapshotDiff reused = DiffAnalysis.run(before, ReviewOptions.defaults(AS_OF), following,
                ReviewOptions.defaults(AS_OF), "stolen-keys", CONTEXT, List.of());
        assertEquals(render(scratch), render(reused));
        assertEquals(describe(workspace(after).graph(CONTEXT)), describe(following.graph(CONTEXT)));
        return before;
    }

    private static Workspace workspace(Snapshot s) {
        return AnalysisInputs.workspace(new SnapshotIndex(s), AnalysisInputs.BUILT_IN_GRAPH);
    }

    private static String render(SnapshotDiff diff) {
        StringWriter out = new StringWriter();
        DiffJsonRenderer.render(diff, new PrintWriter(out));
        return out.toString();
    }

    /** Every edge in order, with its evidence, and every node's admin status: records all the way down. */
    private static List<String> describe(AccessGraph g) {
        Stream<String> edges = g.graph().edgeSet().stream().map(Object::toString);
        Stream<String> admins = g.graph().vertexSet().stream().map(n -> n + " " + g.admin(n));
        return Stream.concat(edges, admins).toList();
    }

    private static Object callerSide(Workspace w, String role) {
        return w.checker(CONTEXT).actor(ref(w, role)).callerSet().callerSide();
    }

    private static PrincipalRef ref(Workspace w, String roleName) {
        Role r = w.index().snapshot().accounts().get(0).roles().stream().filter(x -> x.name().equals(roleName))
                .findFirst().orElseThrow();
        return new PrincipalRef(PrincipalRef.Kind.ROLE, r, r.accountId(), null, null);
    }

    /**
     * A plan of the shape of scripts/generate-terraform-plan (new roles trusting users, managed policies attached
     * by reference, inline policies on existing roles, users added to a group), and an administrator's inline
     * policy on role-0.
     */
    private static ObjectNode plan(ObjectMapper json, int n, String group) throws IOException {
        ObjectNode plan = json.createObjectNode();
        plan.put("format_version", "1.2");
        ArrayNode changes = plan.putArray("resource_changes");
        ArrayNode config = plan.putObject("configuration").putObject("root_module").putArray("resources");
        for (int k = 0; k * 5 < n; k++) {
            add(json, changes, config, "aws_iam_role.app_" + k, Map.of("name", "app-" + k, "path", "/",
                    "assume_role_policy", doc("{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::123456789012:user/user-"
                            + (k * 7) + "\"},\"Action\":\"sts:AssumeRole\"}")), null);
            add(json, changes, config, "aws_iam_policy.app_" + k, Map.of("name", "app-" + k, "path", "/", "policy",
                    doc("{\"Effect\":\"Allow\",\"Action\":[\"iam:PassRole\",\"lambda:CreateFunction\"],\"Resource\":\"*\"}")),
                    null);
            add(json, changes, config, "aws_iam_role_policy_attachment.app_" + k, Map.of("role", "app-" + k),
                    "aws_iam_policy.app_" + k);
            add(json, changes, config, "aws_iam_role_policy.extra_" + k, Map.of("role", "role-" + (k * 11 + 2),
                    "name", "extra-" + k, "policy", doc("{\"Effect\":\"Allow\",\"Action\":\"iam:PutUserPolicy\","
                            + "\"Resource\":\"*\"}")), null);
            ObjectNode membership = json.createObjectNode();
            membership.put("user", "user-" + (k * 13));
            membership.putArray("groups").add(group);
            addNode(json, changes, config, "aws_iam_user_group_membership.m_" + k, membership, null);
        }
        add(json, changes, config, "aws_iam_role_policy.admin", Map.of("role", "role-0", "name", "admin", "policy",
                doc("{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}")), null);
        return plan;
    }

    private static String doc(String statement) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[" + statement + "]}";
    }

    private static void add(ObjectMapper json, ArrayNode changes, ArrayNode config, String address,
                            Map<String, String> after, String policyReference) {
        ObjectNode values = json.createObjectNode();
        after.forEach(values::put);
        addNode(json, changes, config, address, values, policyReference);
    }

    private static void addNode(ObjectMapper json, ArrayNode changes, ArrayNode config, String address,
                                ObjectNode after, String policyReference) {
        String type = address.substring(0, address.indexOf('.'));
        String name = address.substring(address.indexOf('.') + 1);
        ObjectNode c = changes.addObject();
        c.put("address", address).put("mode", "managed").put("type", type).put("name", name);
        ObjectNode change = c.putObject("change");
        change.putArray("actions").add("create");
        change.putNull("before");
        change.set("after", after);
        ObjectNode unknown = change.putObject("after_unknown");
        unknown.put("id", true).put("arn", true);
        ObjectNode conf = config.addObject();
        conf.put("address", address).put("mode", "managed").put("type", type).put("name", name);
        ObjectNode expressions = conf.putObject("expressions");
        if (policyReference != null) {
            unknown.put("policy_arn", true);
            expressions.putObject("policy_arn").putArray("references").add(policyReference + ".arn")
                    .add(policyReference);
        }
    }
}

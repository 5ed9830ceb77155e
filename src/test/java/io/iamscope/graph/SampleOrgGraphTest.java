package io.iamscope.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.jgrapht.GraphPath;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The seven escalation paths and the path to prod of the sample organization (docs/sample-org.md). */
class SampleOrgGraphTest {
    private static final String DEV = "arn:aws:iam::333333333333:";
    private static JGraphTAccessGraph graph;

    @BeforeAll
    static void build() {
        graph = GraphFixtures.build(Path.of("policies-fixtures/sample-org/snapshot.json"));
    }

    private static PrincipalNode user(String name) {
        return graph.graph().vertexSet().stream()
                .filter(n -> n.kind() == NodeKind.USER && n.shortName().equals(name)).findFirst().orElseThrow();
    }

    private static boolean hasEdge(PrincipalNode from, String technique, String toShortName) {
        return graph.graph().outgoingEdgesOf(from).stream()
                .anyMatch(e -> e.technique().equals(technique) && e.to().shortName().equals(toShortName));
    }

    private static String edges(PrincipalNode from) {
        return graph.graph().outgoingEdgesOf(from).stream().map(e -> e.technique() + "->" + e.to().shortName())
                .sorted().collect(Collectors.joining(", "));
    }

    private static String describe(GraphPath<PrincipalNode, AccessEdge> p) {
        return p.getEdgeList().stream().map(e -> e.technique() + "->" + e.to().shortName())
                .collect(Collectors.joining(" "));
    }

    @Test
    void contractorRewritesItsOwnPolicyVersion() {
        PrincipalNode c = user("ext-contractor-jdoe");
        assertTrue(hasEdge(c, "iam-create-policy-version", "account 333333333333"), edges(c));
        var p = AdminPaths.shortest(graph, c, PathLimits.DEFAULT).orElseThrow();
        assertEquals("iam-create-policy-version", p.getEdgeList().get(0).technique(), describe(p));
    }

    @Test
    void dataEngineersPassTheAdminLambdaRole() {
        for (String name : List.of("mlee", "data-hwang")) {
            assertTrue(hasEdge(user(name), "lambda-create-function-invoke", "lambda-admin-exec"), edges(user(name)));
        }
    }

    @Test
    void internAttachesAPolicyToItself() {
        assertTrue(hasEdge(user("intern-tkim"), "iam-attach-user-policy", "account 333333333333"), edges(user("intern-tkim")));
        assertTrue(graph.admin(user("intern-tkim")).admin());
    }

    @Test
    void opsAutomationRewritesTheBreakGlassTrust() {
        PrincipalNode ops = graph.node(DEV + "role/ops-automation").orElseThrow();
        assertTrue(hasEdge(ops, "iam-update-assume-role-policy", "dev-break-glass"), edges(ops));
    }

    @Test
    void helpdeskCreatesAnAdminsAccessKey() {
        assertTrue(hasEdge(user("helpdesk-rsingh"), "iam-create-access-key", "admin-ppatel"),
                edges(user("helpdesk-rsingh")));
    }

    @Test
    void teamLeadJoinsTheAdminsGroup() {
        PrincipalNode lead = user("team-lead-akhan");
        assertTrue(hasEdge(lead, "iam-add-user-to-group", "admins"), edges(lead));
        assertTrue(AdminPaths.shortest(graph, lead, PathLimits.DEFAULT).isPresent());
    }

    @Test
    void opsSendACommandToTheAdminJumpbox() {
        boolean found = graph.graph().vertexSet().stream().filter(n -> n.kind() == NodeKind.USER)
                .anyMatch(n -> hasEdge(n, "ssm-send-command", "ec2-admin-instance"));
        assertTrue(found, "a user with ssm-send-command to ec2-admin-instance");
    }

    @Test
    void theLeakedKeyReachesAdminAndTheProdDeployRole() {
        PrincipalNode c = user("ext-contractor-jdoe");
        var reach = graph.reachableFrom(c, PathLimits.DEFAULT);
        PrincipalNode deploy = graph.node("arn:aws:iam::222222222222:role/acme-deploy").orElseThrow();
        assertTrue(reach.containsKey(deploy), reach.keySet().toString());
        assertTrue(reach.containsKey(graph.node(DEV + "role/ci-deployer").orElseThrow()));
        assertTrue(reach.keySet().stream().noneMatch(n -> n.arn().startsWith("arn:aws:iam::111111111111:")),
                () -> reach.entrySet().stream().filter(e -> e.getKey().arn().contains("111111111111"))
                        .map(e -> describe(e.getValue())).toList().toString());
        assertTrue(AdminPaths.shortest(graph, c, PathLimits.DEFAULT).isPresent());
    }

    @Test
    void breakGlassRolesNeedMfa() {
        PrincipalNode admin = user("admin-ppatel");
        assertFalse(graph.graph().outgoingEdgesOf(admin).stream().anyMatch(e -> e.kind() == EdgeKind.ASSUME
                && e.to().shortName().startsWith("break-glass")), edges(admin));
    }
}

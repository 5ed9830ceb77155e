package io.iamscope.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.iamscope.model.Organization;
import io.iamscope.model.Snapshot;
import io.iamscope.model.io.SnapshotReader;
import io.iamscope.model.io.SnapshotWriter;
import io.iamscope.synth.OrganizationGenerator;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A generated organization reads back whole and its hub-and-spoke trusts give the cross-account paths. */
class GeneratedOrganizationGraphTest {
    private static final int MEMBERS = 4;
    private static final String HUB = "arn:aws:iam::" + OrganizationGenerator.HUB_ACCOUNT + ":";
    private static Snapshot snapshot;
    private static JGraphTAccessGraph graph;
    @TempDir
    static Path dir;

    @BeforeAll
    static void generate() {
        Path file = dir.resolve("org.json");
        SnapshotWriter.write(file, new OrganizationGenerator(new OrganizationGenerator.Spec(MEMBERS, 12, 3, 8, 5))
                .snapshot(), false);
        snapshot = SnapshotReader.read(file).snapshot();
        graph = GraphFixtures.build(file);
    }

    private static PrincipalNode node(String arn) {
        return graph.node(arn).orElseThrow(() -> new AssertionError("no node " + arn));
    }

    @Test
    void readsBackAsAnOrganizationOfMembersInOus() {
        Organization org = snapshot.organization();
        assertEquals(OrganizationGenerator.ORG_ID, org.id());
        assertEquals(MEMBERS + 2, snapshot.accounts().size());
        assertEquals(MEMBERS + 2, org.accounts().size());
        for (int i = 0; i < MEMBERS; i++) {
            String member = OrganizationGenerator.memberAccount(i);
            // root, Workloads, one of Prod/Dev/Sandbox, the account
            assertEquals(4, org.levels(member).size(), member);
            assertTrue(org.orgPath(member).startsWith("o-synth00001/r-syn1/ou-syn1-workload/ou-syn1-"),
                    org.orgPath(member));
            assertEquals(12, snapshot.account(member).roles().size(), member);
        }
        assertEquals(3, org.levels(OrganizationGenerator.HUB_ACCOUNT).size());
    }

    @Test
    void theHubsCiUserReachesEveryMembersDeploymentRoleThroughTheHubsDeployRole() {
        PrincipalNode ci = node(HUB + "user/ci");
        var reached = graph.reachableFrom(ci, PathLimits.DEFAULT).keySet().stream().map(PrincipalNode::arn)
                .collect(Collectors.toSet());
        for (int i = 0; i < MEMBERS; i++) {
            String deployment = "arn:aws:iam::" + OrganizationGenerator.memberAccount(i) + ":role/deployment";
            assertTrue(reached.contains(deployment), deployment + " not in " + reached);
            assertTrue(graph.admin(node(deployment)).admin(), deployment);
        }
        assertTrue(AdminPaths.shortest(graph, ci, PathLimits.DEFAULT).isPresent());
    }

    @Test
    void memberAdministratorsTrustOnlyTheirOwnPrincipalsFromOutside() {
        // The hub's deploy role may assume deployment, not OrganizationAccountAccessRole (it trusts the management
        // account's root only).
        PrincipalNode deploy = node(HUB + "role/deploy");
        String member = "arn:aws:iam::" + OrganizationGenerator.memberAccount(0) + ":";
        assertTrue(graph.graph().outgoingEdgesOf(deploy).stream()
                .anyMatch(e -> e.to().arn().equals(member + "role/deployment")));
        assertFalse(graph.graph().outgoingEdgesOf(deploy).stream()
                .anyMatch(e -> e.to().arn().equals(member + "role/OrganizationAccountAccessRole")));
    }
}

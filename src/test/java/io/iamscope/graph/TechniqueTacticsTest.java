package io.iamscope.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.iamscope.catalog.Catalog;
import io.iamscope.catalog.Tactic;
import io.iamscope.catalog.Tactics;
import io.iamscope.graph.technique.Technique;
import io.iamscope.graph.rules.BuiltInTechniques;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every escalation technique the graph knows is also named in a blast radius's privilege-escalation section: one
 * of the actions it needs, besides iam:PassRole (tagged on its own), is tagged with that tactic in the catalog's
 * tactics (tactics.json). Actions that only complete a technique (lambda:InvokeFunction, ec2:StartInstances)
 * need not be: tagged, they would fill the section with everyday use. A technique added without its action
 * there gives the graph an edge the report's incident sections do not mention.
 */
class TechniqueTacticsTest {
    @Test
    void everyTechniqueHasAPrivilegeEscalationAction() {
        Catalog catalog = Catalog.bundled();
        Tactics tactics = Tactics.load(catalog);
        List<String> untagged = new ArrayList<>();
        for (Technique t : BuiltInTechniques.ALL) {
            List<String> own = t.info().requiredActions().stream().filter(a -> !a.equals("iam:PassRole")).toList();
            boolean tagged = own.stream().anyMatch(a -> tactics.tacticsOf(catalog.action(a).orElseThrow().id())
                    .contains(Tactic.PRIVILEGE_ESCALATION));
            if (!tagged) {
                untagged.add(t.info().id() + " " + own);
            }
        }
        assertEquals(List.of(), untagged);
    }
}

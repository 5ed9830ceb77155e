package io.iamscope.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.iamscope.model.Account;
import io.iamscope.model.SnapshotIndex;
import io.iamscope.model.io.SnapshotReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link ArnFormat#matches} rejects on the literal service and resource prefix before splitting the ARN, and
 * {@link ArnFormat#matches(ArnFormat.Split)} tests an ARN split once; for every resource type of the catalog
 * and every ARN of the sample organization and the fixtures (plus odd ones), both answers must be the full
 * component match's.
 */
class ArnFormatShortcutTest {
    @Test
    void theQuickRejectionNeverChangesTheAnswer() {
        List<String> arns = new ArrayList<>(List.of("*", "arn:aws:s3:::bucket", "arn:aws:s3:::bucket/key/x",
                "ARN:AWS:IAM::111122223333:ROLE/Upper", "arn:aws:iam::111122223333:role/path/to/name",
                "arn:aws:iam::111122223333:root", "arn:aws:lambda:us-east-1:111122223333:function:fn:alias",
                "arn:aws:ec2:us-east-1:111122223333:instance/i-1", "not an arn", "arn:aws:iam:", "arn:aws:sts::1:x"));
        for (String file : List.of("policies-fixtures/sample-org/snapshot.json",
                "src/test/resources/graph/target-classes.json", "src/test/resources/blast/taken-account.json")) {
            SnapshotIndex index = new SnapshotIndex(SnapshotReader.read(Path.of(file)).snapshot());
            for (Account a : index.snapshot().accounts()) {
                a.users().forEach(u -> arns.add(u.arn()));
                a.roles().forEach(r -> arns.add(r.arn()));
                a.groups().forEach(g -> arns.add(g.arn()));
                a.policies().forEach(p -> arns.add(p.arn()));
                a.resources().forEach(r -> arns.add(r.arn()));
            }
        }
        int matched = 0;
        for (Service s : Catalog.bundled().services()) {
            for (ResourceType t : s.resourceTypes()) {
                for (String arn : arns) {
                    boolean full = t.pattern().matchesComponents(arn);
                    assertEquals(full, t.pattern().matches(arn), t.arnFormat() + " vs " + arn);
                    assertEquals(full, t.matches(ArnFormat.parse(arn)), "split: " + t.arnFormat() + " vs " + arn);
                    matched += full ? 1 : 0;
                }
            }
        }
        assertTrue(matched > 50, matched + " matches");
    }
}

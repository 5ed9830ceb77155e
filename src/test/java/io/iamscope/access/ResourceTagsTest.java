package io.iamscope.access;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.iamscope.eval.Decision;
import io.iamscope.eval.Outcome;
import io.iamscope.eval.RequestContext;
import io.iamscope.eval.local.LocalAuthorizer;
import io.iamscope.model.SnapshotIndex;
import io.iamscope.model.io.SnapshotReader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code aws:ResourceTag/<key>} comes from the resource's tags (IAM User Guide, "AWS global condition context
 * keys": aws:ResourceTag, "the tags attached to the resource"). A record that leaves its tags out does not say
 * the resource has none: the key is unknown and a condition on it makes the decision conditional, never a
 * silent deny. An ABAC Allow (team=data) on four queues of gather/resource-tags.json.
 */
class ResourceTagsTest {
    private static final SnapshotIndex INDEX = new SnapshotIndex(
            SnapshotReader.read(Path.of("src/test/resources/gather/resource-tags.json")).snapshot());
    private static final String QUEUE = "arn:aws:sqs:us-east-1:111111111111:";

    private static Decision send(String queue, RequestContext context) {
        Gathered g = new Gatherer(INDEX).gather(INDEX.resolvePrincipal("writer"), "sqs:SendMessage", QUEUE + queue,
                context);
        return new LocalAuthorizer().authorize(g.request(), g.policies());
    }

    @Test
    void recordedTagsDecide() {
        Decision data = send("tagged-data", RequestContext.empty());
        assertEquals(Outcome.ALLOW, data.outcome());
        assertEquals(false, data.isConditional());
        // A tag with another value, or no tags at all: the condition is false, an implicit deny.
        assertEquals(false, send("tagged-web", RequestContext.empty()).isPossiblyAllowed());
        assertEquals(false, send("tagged-none", RequestContext.empty()).isPossiblyAllowed());
    }

    @Test
    void tagsLeftOutOfTheRecordMakeTheDecisionConditionalOnTheKey() {
        Decision d = send("tags-unknown", RequestContext.empty());
        assertEquals(true, d.isPossiblyAllowed());
        assertEquals(true, d.isConditional());
        assertEquals(List.of("aws:ResourceTag/team"), List.copyOf(d.conditionalKeys()));
    }

    @Test
    void aValueTheCallerGivesWinsOverUnknownTags() {
        RequestContext web = RequestContext.builder().put("aws:ResourceTag/team", "web").build();
        assertEquals(false, send("tags-unknown", web).isPossiblyAllowed());
        RequestContext data = RequestContext.builder().put("aws:ResourceTag/team", "data").build();
        Decision d = send("tags-unknown", data);
        assertEquals(Outcome.ALLOW, d.outcome());
        assertEquals(false, d.isConditional());
    }
}

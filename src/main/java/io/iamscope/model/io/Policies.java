package io.iamscope.model.io;

import com.fasterxml.jackson.databind.JsonNode;
import io.iamscope.policy.PolicyDocument;
import io.iamscope.policy.PolicyParseException;
import io.iamscope.policy.SourceLocation;
import io.iamscope.policy.parse.PolicyParser;

/**
 * Parses the policy documents embedded in a snapshot (objects, JSON strings or URL-encoded text, as AWS
 * returns them), turning a parse failure into a {@link SnapshotException} at the document's pointer.
 */
final class Policies {
    private Policies() {
    }

    /** The document at {@code node}, or null when the field is absent or null. */
    static PolicyDocument parse(JsonNode node, SourceLocation at) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        try {
            return PolicyParser.parse(node, at);
        } catch (PolicyParseException e) {
            // A textual document is parsed with the pointer of its field as source; keep the inner pointer
            // when there is one.
            SourceLocation where = e.location() == null ? at : e.location();
            throw new SnapshotException(e.code(), e.getMessage(), where);
        }
    }
}

package io.iamscope.model.io;

import static io.iamscope.model.io.JsonInput.array;
import static io.iamscope.model.io.JsonInput.required;
import static io.iamscope.model.io.JsonInput.text;

import com.fasterxml.jackson.databind.JsonNode;
import io.iamscope.model.AccessKey;
import io.iamscope.model.Account;
import io.iamscope.model.Gap;
import io.iamscope.model.IdentityProvider;
import io.iamscope.model.Resource;
import io.iamscope.policy.SourceLocation;
import java.util.ArrayList;
import java.util.List;

/** Reads one {@code accounts[]} entry of snapshot v1, and wraps a bare authorization-details response. */
final class AccountReader {
    private AccountReader() {
    }

    static Account read(JsonNode a, SourceLocation at) {
        String id = accountId(a, at);
        JsonNode details = a.get("authorizationDetails");
        AuthorizationDetailsReader.Details d = AuthorizationDetailsReader.read(
                details == null ? JsonInput.MAPPER.createObjectNode() : details, id, at.child("authorizationDetails"));
        return withDetails(a, id, d, at);
    }

    /** The entry's account id, checked: an object with a 12-digit {@code accountId}. */
    static String accountId(JsonNode a, SourceLocation at) {
        if (!a.isObject()) {
            throw new SnapshotException("SNAPSHOT_NOT_OBJECT", "an account must be an object", at);
        }
        String id = required(a, "accountId", at);
        if (!id.matches("\\d{12}")) {
            throw new SnapshotException("SNAPSHOT_INVALID_ACCOUNT_ID", "`" + id + "` is not a 12-digit account id",
                    at.child("accountId"));
        }
        return id;
    }

    /** The account of an entry whose authorization details were read already ({@code a} need not hold them). */
    static Account withDetails(JsonNode a, String id, AuthorizationDetailsReader.Details d, SourceLocation at) {
        List<AccessKey> keys = new ArrayList<>();
        for (JsonNode k : array(a, "accessKeys", at)) {
            keys.add(new AccessKey(required(k, "AccessKeyId", at.child("accessKeys")), text(k, "UserName"),
                    text(k, "Status"), text(k, "CreateDate"), text(k, "LastUsedDate"), text(k, "LastUsedService"),
                    text(k, "LastUsedRegion")));
        }
        List<IdentityProvider> idps = new ArrayList<>();
        array(a, "identityProviders", at).forEach(p -> idps.add(new IdentityProvider(text(p, "Arn"), text(p, "Type"))));
        List<Resource> resources = new ArrayList<>();
        JsonNode list = array(a, "resources", at);
        for (int i = 0; i < list.size(); i++) {
            resources.add(ResourceReader.read(list.get(i), at.child("resources").child(i)));
        }
        List<Gap> gaps = new ArrayList<>();
        array(a, "gaps", at).forEach(g -> gaps.add(new Gap(text(g, "service"), text(g, "operation"), text(g, "region"),
                text(g, "resource"), text(g, "errorCode"), text(g, "message"))));
        return new Account(id, text(a, "alias"), d.users(), d.groups(), d.roles(), d.policies(), keys, idps,
                resources, gaps, a.has("accessKeys"));
    }

    /** An account from a bare {@code get-account-authorization-details} response. */
    static Account fromDetails(JsonNode details, SourceLocation at) {
        String id = AuthorizationDetailsReader.accountId(details, at);
        AuthorizationDetailsReader.Details d = AuthorizationDetailsReader.read(details, id, at);
        return new Account(id, null, d.users(), d.groups(), d.roles(), d.policies(), List.of(), List.of(),
                List.of(), List.of(), false);
    }
}

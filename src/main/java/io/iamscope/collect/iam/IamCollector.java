package io.iamscope.collect.iam;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.iamscope.collect.call.AwsOperation;
import io.iamscope.collect.call.Calls;
import io.iamscope.collect.call.Paging;
import io.iamscope.collect.call.SdkJson;
import java.util.List;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKeyMetadata;
import software.amazon.awssdk.services.iam.model.EntityType;
import software.amazon.awssdk.services.iam.model.GetAccessKeyLastUsedResponse;
import software.amazon.awssdk.services.iam.model.GetAccountAuthorizationDetailsResponse;
import software.amazon.awssdk.services.iam.model.ListAccessKeysResponse;
import software.amazon.awssdk.services.iam.model.ListAccountAliasesResponse;
import software.amazon.awssdk.services.iam.model.ListOpenIdConnectProvidersResponse;
import software.amazon.awssdk.services.iam.model.ListSamlProvidersResponse;
import software.amazon.awssdk.services.iam.model.ListUsersResponse;
import software.amazon.awssdk.services.iam.model.User;

/**
 * The IAM part of an account: authorization details exactly as AWS returns them (all pages, all filters),
 * access keys with their last use, identity providers and the account alias.
 */
public final class IamCollector {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final IamClient iam;
    private final Calls calls;

    public IamCollector(IamClient iam, Calls calls) {
        this.iam = iam;
        this.calls = calls;
    }

    /** The merged pages of {@code GetAccountAuthorizationDetails}, in AWS's shape. */
    public ObjectNode authorizationDetails() {
        ObjectNode details = NODES.objectNode();
        ArrayNode users = details.putArray("UserDetailList");
        ArrayNode groups = details.putArray("GroupDetailList");
        ArrayNode roles = details.putArray("RoleDetailList");
        ArrayNode policies = details.putArray("Policies");
        List<GetAccountAuthorizationDetailsResponse> pages = Paging.all(calls,
                AwsOperation.IAM_GET_ACCOUNT_AUTHORIZATION_DETAILS, null, null, marker -> {
                    GetAccountAuthorizationDetailsResponse r = iam.getAccountAuthorizationDetails(b -> b
                            .filter(EntityType.USER, EntityType.ROLE, EntityType.GROUP,
                                    EntityType.LOCAL_MANAGED_POLICY, EntityType.AWS_MANAGED_POLICY)
                            .marker(marker));
                    return new Paging.Page<>(List.of(r), r.marker(), Boolean.TRUE.equals(r.isTruncated()));
                });
        for (GetAccountAuthorizationDetailsResponse page : pages) {
            page.userDetailList().forEach(u -> users.add(SdkJson.toJson(u)));
            page.groupDetailList().forEach(g -> groups.add(SdkJson.toJson(g)));
            page.roleDetailList().forEach(r -> roles.add(SdkJson.toJson(r)));
            page.policies().forEach(p -> policies.add(SdkJson.toJson(p)));
        }
        return details;
    }

    /** Every access key of every user, with its last use. */
    public ArrayNode accessKeys() {
        ArrayNode out = NODES.arrayNode();
        List<User> users = Paging.all(calls, AwsOperation.IAM_LIST_USERS, null, null, marker -> {
            ListUsersResponse r = iam.listUsers(b -> b.marker(marker));
            return new Paging.Page<>(r.users(), r.marker(), Boolean.TRUE.equals(r.isTruncated()));
        });
        for (User user : users) {
            List<AccessKeyMetadata> keys = Paging.all(calls, AwsOperation.IAM_LIST_ACCESS_KEYS, null, user.arn(),
                    marker -> {
                        ListAccessKeysResponse r = iam.listAccessKeys(b -> b.userName(user.userName()).marker(marker));
                        return new Paging.Page<>(r.accessKeyMetadata(), r.marker(),
                                Boolean.TRUE.equals(r.isTruncated()));
                    });
            for (AccessKeyMetadata key : keys) {
                ObjectNode k = SdkJson.toJson(key);
                GetAccessKeyLastUsedResponse used = calls.get(AwsOperation.IAM_GET_ACCESS_KEY_LAST_USED, null,
                        user.arn(), () -> iam.getAccessKeyLastUsed(b -> b.accessKeyId(key.accessKeyId())));
                if (used != null && used.accessKeyLastUsed() != null) {
                    var last = used.accessKeyLastUsed();
                    if (last.lastUsedDate() != null) {
                        k.put("LastUsedDate", last.lastUsedDate().toString());
                    }
                    k.put("LastUsedService", last.serviceName());
                    k.put("LastUsedRegion", last.region());
                }
                out.add(k);
            }
        }
        return out;
    }

    /** OIDC and SAML providers, each with its {@code Type}. */
    public ArrayNode identityProviders() {
        ArrayNode out = NODES.arrayNode();
        ListOpenIdConnectProvidersResponse oidc = calls.get(AwsOperation.IAM_LIST_OPEN_ID_CONNECT_PROVIDERS, null,
                null, () -> iam.listOpenIDConnectProviders(b -> { }));
        if (oidc != null) {
            oidc.openIDConnectProviderList().forEach(p -> out.add(SdkJson.toJson(p).put("Type", "OIDC")));
        }
        ListSamlProvidersResponse saml = calls.get(AwsOperation.IAM_LIST_SAML_PROVIDERS, null, null,
                () -> iam.listSAMLProviders(b -> { }));
        if (saml != null) {
            saml.samlProviderList().forEach(p -> out.add(SdkJson.toJson(p).put("Type", "SAML")));
        }
        return out;
    }

    /** The account alias, or null when there is none or it cannot be read. */
    public String alias() {
        ListAccountAliasesResponse r = calls.get(AwsOperation.IAM_LIST_ACCOUNT_ALIASES, null, null,
                () -> iam.listAccountAliases(b -> { }));
        return r == null || r.accountAliases().isEmpty() ? null : r.accountAliases().get(0);
    }
}

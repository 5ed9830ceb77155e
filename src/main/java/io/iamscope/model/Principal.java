package io.iamscope.model;

import java.util.List;
import java.util.Map;

/**
 * An IAM identity of an account as {@code GetAccountAuthorizationDetails} lists it. Groups are principals of
 * the snapshot (they carry policies) but cannot make requests; users and roles can.
 */
public sealed interface Principal permits User, Role, Group {
    String arn();

    String name();

    String path();

    /** The unique id (AIDA... for users, AROA... for roles, AGPA... for groups). */
    String id();

    String accountId();

    List<InlinePolicy> inlinePolicies();

    List<String> attachedPolicyArns();

    Map<String, String> tags();

    /** {@code user}, {@code role} or {@code group}, for messages. */
    String kindName();
}

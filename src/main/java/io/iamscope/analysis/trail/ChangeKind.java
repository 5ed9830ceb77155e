package io.iamscope.analysis.trail;

import java.util.Set;

/**
 * Why a call matters to a responder beyond its count: it lets the attacker stay (persistence: a credential, a
 * principal or a grant to revoke, or a removal that widens access) or blinds the defenders (defense evasion: logging
 * stopped or narrowed).
 */
public enum ChangeKind {
    PERSISTENCE, EVASION;

    private static final Set<String> PERSISTENCE_CALLS = Set.of("CreateAccessKey", "UpdateAccessKey", "CreateUser",
            "CreateRole", "CreateLoginProfile", "UpdateLoginProfile", "AttachUserPolicy", "AttachRolePolicy",
            "AttachGroupPolicy", "PutUserPolicy", "PutRolePolicy", "PutGroupPolicy", "AddUserToGroup",
            "UpdateAssumeRolePolicy", "CreatePolicy", "CreatePolicyVersion", "SetDefaultPolicyVersion",
            "CreateServiceSpecificCredential", "UploadSSHPublicKey", "UploadSigningCertificate",
            "CreateVirtualMFADevice", "EnableMFADevice", "DeactivateMFADevice", "CreateOpenIDConnectProvider",
            "CreateSAMLProvider", "UpdateSAMLProvider", "PutBucketPolicy", "PutKeyPolicy", "AddPermission",
            "CreateInstanceProfile", "AddRoleToInstanceProfile", "PutUserPermissionsBoundary",
            "DeleteUserPermissionsBoundary", "DeleteRolePermissionsBoundary", "PutRolePermissionsBoundary",
            "CreateGroup", "PutResourcePolicy", "SetRepositoryPolicy", "SetTopicAttributes",
            // Removals: a deny detached or deleted, a boundary or a group's deny left, widen access as much as a grant.
            "DetachUserPolicy", "DetachRolePolicy", "DetachGroupPolicy", "DeleteUserPolicy", "DeleteRolePolicy",
            "DeleteGroupPolicy", "DeletePolicyVersion", "RemoveUserFromGroup", "DeleteBucketPolicy",
            "DeleteResourcePolicy", "DeleteRepositoryPolicy", "RemovePermission");
    private static final Set<String> EVASION_CALLS = Set.of("StopLogging", "DeleteTrail", "UpdateTrail",
            "PutEventSelectors", "PutInsightSelectors", "DeleteEventDataStore", "StopEventDataStoreIngestion",
            "DeleteFlowLogs", "DeleteDetector", "UpdateDetector", "DisassociateFromMasterAccount",
            "DeleteConfigurationRecorder", "StopConfigurationRecorder", "DeleteDeliveryChannel", "DeleteLogGroup",
            "DeleteLogStream", "PutRetentionPolicy", "DisableSecurityHub", "DeleteAnalyzer",
            "PutBucketLogging", "DeleteBucketLifecycle");

    /** The kind of change a call makes, null for a call that is neither. */
    public static ChangeKind of(String eventName) {
        // Lambda logs its calls with the API version: AddPermission20150331v2.
        String name = eventName.replaceFirst("\\d{8}(v\\d+)?$", "");
        if (PERSISTENCE_CALLS.contains(name)) {
            return PERSISTENCE;
        }
        return EVASION_CALLS.contains(name) ? EVASION : null;
    }
}

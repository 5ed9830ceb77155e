package io.iamscope.model.io.cloudtrail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.iamscope.model.trail.IssuedCredential;
import io.iamscope.model.trail.TrailEvent;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What a record hands out besides keys: console passwords, instances given an instance profile; and console
 * sign-ins (CloudTrail User Guide, "AWS Management Console sign-in events"; EC2 API Reference, RunInstances,
 * AssociateIamInstanceProfile, as CloudTrail records them).
 */
class IssuedCredentialsTest {
    private static final String WHO = """
            {"type":"IAMUser","arn":"arn:aws:iam::333333333333:user/bob","accountId":"333333333333",
             "accessKeyId":"AKIAEXAMPLEBOB000001"}""";

    private static TrailEvent map(String source, String name, String rest) throws Exception {
        return RecordMapper.map(new ObjectMapper().readTree("""
                {"eventTime":"2026-11-27T21:00:00Z","eventSource":"%s.amazonaws.com","eventName":"%s",
                 "awsRegion":"eu-west-1","userIdentity":%s%s}""".formatted(source, name, WHO, rest)));
    }

    @Test
    void aPasswordIsHandedOutForTheUserNamedOrTheCaller() throws Exception {
        assertEquals(List.of(IssuedCredential.consolePassword("arn:aws:iam::333333333333:user/alice")),
                map("iam", "CreateLoginProfile", ",\"requestParameters\":{\"userName\":\"alice\"}").issued());
        assertEquals(List.of(IssuedCredential.consolePassword("arn:aws:iam::333333333333:user/bob")),
                map("iam", "UpdateLoginProfile", "").issued());
        assertTrue(map("iam", "CreateLoginProfile", ",\"errorCode\":\"AccessDenied\"").issued().isEmpty());
    }

    @Test
    void instancesLaunchedWithAProfileAreHandedOutAndWithoutOneAreNot() throws Exception {
        String response = """
                ,"responseElements":{"instancesSet":{"items":[{"instanceId":"i-0a1b2c3d4e5f60718"},
                 {"instanceId":"i-0a1b2c3d4e5f60719"}]}}""";
        TrailEvent launched = map("ec2", "RunInstances",
                ",\"requestParameters\":{\"iamInstanceProfile\":{\"arn\":\"arn:aws:iam::333333333333:instance-profile/p\"}}"
                        + response);
        assertEquals(List.of("i-0a1b2c3d4e5f60718", "i-0a1b2c3d4e5f60719"),
                launched.issued().stream().map(IssuedCredential::instanceId).toList());
        assertEquals("arn:aws:ec2:eu-west-1:333333333333:instance/i-0a1b2c3d4e5f60718", launched.issued().get(0).arn());
        assertTrue(map("ec2", "RunInstances", ",\"requestParameters\":{\"instanceType\":\"t3.micro\"}" + response)
                .issued().isEmpty());
        // A launch template's profile: the request does not name it, the launched instance does.
        TrailEvent templated = map("ec2", "RunInstances", """
                ,"requestParameters":{"launchTemplate":{"launchTemplateName":"t"}},"responseElements":{"instancesSet":
                 {"items":[{"instanceId":"i-0a1b2c3d4e5f60720","iamInstanceProfile":{"arn":"arn:aws:iam::3:instance-profile/p"}}]}}""");
        assertEquals(List.of("i-0a1b2c3d4e5f60720"), templated.issued().stream().map(IssuedCredential::instanceId).toList());
    }

    @Test
    void aProfileAssociatedWithARunningInstanceHandsItOut() throws Exception {
        TrailEvent e = map("ec2", "AssociateIamInstanceProfile", """
                ,"requestParameters":{"AssociateIamInstanceProfileRequest":{"InstanceId":"i-0123456789abcdef0",
                 "IamInstanceProfile":{"Name":"p"}}},"responseElements":{"AssociateIamInstanceProfileResponse":
                 {"iamInstanceProfileAssociation":{"associationId":"iip-assoc-1","instanceId":"i-0123456789abcdef0",
                 "state":"associating"}}}""");
        assertEquals(List.of("i-0123456789abcdef0"), e.issued().stream().map(IssuedCredential::instanceId).toList());
    }

    @Test
    void aFailedSignInFailsAndConsoleCallsAreMarked() throws Exception {
        TrailEvent failed = map("signin", "ConsoleLogin",
                ",\"responseElements\":{\"ConsoleLogin\":\"Failure\"},\"errorMessage\":\"Failed authentication\"");
        assertTrue(failed.failed());
        assertFalse(failed.denied());
        assertEquals("Failed authentication", failed.errorCode());
        assertTrue(failed.identity().console());
        TrailEvent ok = map("signin", "ConsoleLogin", ",\"responseElements\":{\"ConsoleLogin\":\"Success\"}");
        assertFalse(ok.failed());
        assertTrue(map("iam", "ListUsers", ",\"sessionCredentialFromConsole\":\"true\"").identity().console());
        assertFalse(map("iam", "ListUsers", "").identity().console());
    }
}

package io.iamscope.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.model.ContextKeyTypeEnum;

class ContextKeyTypesTest {
    @Test
    void knownGlobalKeysHaveTheirTypesOthersAreStrings() {
        assertEquals(ContextKeyTypeEnum.BOOLEAN, ContextKeyTypes.of("aws:MultiFactorAuthPresent", 1));
        assertEquals(ContextKeyTypeEnum.NUMERIC, ContextKeyTypes.of("aws:multifactorauthage", 1));
        assertEquals(ContextKeyTypeEnum.DATE, ContextKeyTypes.of("aws:CurrentTime", 1));
        assertEquals(ContextKeyTypeEnum.IP_LIST, ContextKeyTypes.of("aws:SourceIp", 2));
        assertEquals(ContextKeyTypeEnum.STRING_LIST, ContextKeyTypes.of("aws:TagKeys", 1));
        assertEquals(ContextKeyTypeEnum.STRING, ContextKeyTypes.of("s3:prefix", 1));
        assertEquals(ContextKeyTypeEnum.STRING_LIST, ContextKeyTypes.of("aws:PrincipalTag/team", 3));
    }
}

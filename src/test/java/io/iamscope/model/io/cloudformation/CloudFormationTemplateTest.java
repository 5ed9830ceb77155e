package io.iamscope.model.io.cloudformation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.iamscope.model.io.SnapshotException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Templates in JSON and YAML read into one tree, the YAML short forms in their long form. */
class CloudFormationTemplateTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private CloudFormationTemplate yaml(String text) throws Exception {
        Path f = dir.resolve("t.yaml");
        Files.writeString(f, text);
        return CloudFormationTemplate.read(f);
    }

    @Test
    void shortFormsAreReadAsTheLongForm() throws Exception {
        CloudFormationTemplate t = yaml("""
                Resources:
                  R:
                    Type: AWS::IAM::Role
                    Properties:
                      A: !Ref X
                      B: !GetAtt Role.Arn
                      C: !GetAtt [Role, Arn]
                      D: !Sub "arn:${AWS::Partition}:s3:::b"
                      E: !Join ['', [a, !Ref B]]
                      F: !If [Cond, !Select [0, !Split [',', 'x,y']], !Ref "AWS::NoValue"]
                      G: !ImportValue shared-arn
                      H: !!str 2012-10-17
                """);
        JsonNode p = t.resources().path("R").path("Properties");
        assertEquals(JSON.readTree("{\"Ref\":\"X\"}"), p.get("A"));
        assertEquals(JSON.readTree("{\"Fn::GetAtt\":[\"Role\",\"Arn\"]}"), p.get("B"));
        assertEquals(p.get("B"), p.get("C"));
        assertEquals(JSON.readTree("{\"Fn::Sub\":\"arn:${AWS::Partition}:s3:::b\"}"), p.get("D"));
        assertEquals(JSON.readTree("{\"Fn::Join\":[\"\",[\"a\",{\"Ref\":\"B\"}]]}"), p.get("E"));
        assertEquals(JSON.readTree("{\"Fn::If\":[\"Cond\",{\"Fn::Select\":[\"0\",{\"Fn::Split\":[\",\",\"x,y\"]}]},"
                + "{\"Ref\":\"AWS::NoValue\"}]}"), p.get("F"));
        assertEquals(JSON.readTree("{\"Fn::ImportValue\":\"shared-arn\"}"), p.get("G"));
        assertEquals("2012-10-17", p.get("H").asText());
        assertEquals(2, t.lines().get("R"));
    }

    /** The YAML and the JSON fixture of a template read alike; each resource's line is kept for reports. */
    @Test
    void jsonTemplatesKeepTheirLines() {
        CloudFormationTemplate t = CloudFormationTemplate.read(Path.of("policies-fixtures/ci/cfn-harmless.json"));
        assertEquals(5, t.lines().get("WebRole"));
        assertEquals("AWS::IAM::InstanceProfile", t.resources().path("WebInstanceProfile").path("Type").asText());
        assertTrue(t.lines().get("WebInstanceProfile") > t.lines().get("WebRole"));
    }

    @Test
    void malformedYamlNamesTheFileAndLine() {
        SnapshotException e = assertThrows(SnapshotException.class,
                () -> CloudFormationTemplate.read(Path.of("policies-fixtures/ci/cfn-malformed.yaml")));
        assertEquals("TEMPLATE_MALFORMED_YAML", e.code());
        assertTrue(e.getMessage().startsWith("policies-fixtures/ci/cfn-malformed.yaml"), e.getMessage());
        assertTrue(e.getMessage().contains("(line 11)"), e.getMessage());
    }

    @Test
    void anUnknownTagIsAnError() {
        SnapshotException e = assertThrows(SnapshotException.class, () -> yaml("Resources:\n  R: !Reff X\n"));
        assertEquals("TEMPLATE_UNKNOWN_TAG", e.code());
        assertTrue(e.getMessage().contains("!Reff") && e.getMessage().contains("line 2"), e.getMessage());
    }

    @Test
    void aTemplateNeedsResources() {
        SnapshotException e = assertThrows(SnapshotException.class, () -> yaml("Description: nothing\n"));
        assertEquals("TEMPLATE_NO_RESOURCES", e.code());
    }
}

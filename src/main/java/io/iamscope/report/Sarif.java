package io.iamscope.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * The part of the SARIF 2.1.0 object model a review needs, as records that Jackson writes (OASIS, "Static
 * Analysis Results Interchange Format (SARIF) Version 2.1.0", section 3). No maintained Java SARIF library
 * exists (docs/review.md, "SARIF"); the tests validate what these records make against the standard's schema.
 * Empty and null members are left out, as the standard allows for every optional property.
 */
final class Sarif {
    private Sarif() {
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record Log(@JsonProperty("$schema") String schema, String version, List<Run> runs) {
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record Run(Tool tool, List<Artifact> artifacts, List<Result> results, Map<String, Object> properties) {
    }

    record Tool(Driver driver) {
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record Driver(String name, String semanticVersion, String informationUri, List<Rule> rules) {
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record Rule(String id, String name, Text shortDescription, Text fullDescription, Text help, String helpUri,
                Configuration defaultConfiguration, Map<String, Object> properties) {
    }

    record Configuration(String level) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Text(String text, String markdown) {
        static Text of(String text) {
            return new Text(text, null);
        }
    }

    record Artifact(ArtifactLocation location) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ArtifactLocation(String uri, Integer index) {
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record Result(String ruleId, Integer ruleIndex, String level, Text message, List<Location> locations,
                  Map<String, String> partialFingerprints, List<Suppression> suppressions,
                  Map<String, Object> properties) {
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record Location(PhysicalLocation physicalLocation, List<LogicalLocation> logicalLocations) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record PhysicalLocation(ArtifactLocation artifactLocation, Region region) {
    }

    record Region(int startLine) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record LogicalLocation(String name, String fullyQualifiedName, String kind) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Suppression(String kind, String status, String justification) {
    }
}

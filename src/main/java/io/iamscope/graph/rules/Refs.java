package io.iamscope.graph.rules;


/** The public catalogs of privilege-escalation techniques that techniques cite. */
final class Refs {
    static final String RHINO = "Rhino Security Labs, AWS IAM Privilege Escalation – Methods and Mitigation"
            + " (https://rhinosecuritylabs.com/aws/aws-privilege-escalation-methods-mitigation/)";
    static final String BISHOPFOX = "Bishop Fox, iam-vulnerable (https://github.com/BishopFox/iam-vulnerable)";
    static final String PATHFINDING = "Datadog, pathfinding.cloud (https://pathfinding.cloud)";
    static final String PMAPPER = "NCC Group, Principal Mapper (https://github.com/nccgroup/PMapper)";

    /** For techniques made of single documented steps, not checked against a catalogue entry. */
    static final String COMPOSED = "composed of single steps, each documented in the AWS API reference of its"
            + " service (not checked against a catalogue entry)";

    private Refs() {
    }
}

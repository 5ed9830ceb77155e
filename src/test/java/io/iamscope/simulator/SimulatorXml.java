package io.iamscope.simulator;

/** AWS-shaped IAM query-protocol XML for simulator responses, for the WireMock tests. */
final class SimulatorXml {
    private SimulatorXml() {
    }

    static String response(String operation, boolean truncated, String marker, String... members) {
        StringBuilder sb = new StringBuilder("<" + operation + "Response xmlns=\"https://iam.amazonaws.com/doc/2010-05-08/\">"
                + "<" + operation + "Result><IsTruncated>" + truncated + "</IsTruncated>");
        if (marker != null) {
            sb.append("<Marker>").append(marker).append("</Marker>");
        }
        sb.append("<EvaluationResults>");
        for (String m : members) {
            sb.append(m);
        }
        sb.append("</EvaluationResults></").append(operation).append("Result>")
                .append("<ResponseMetadata><RequestId>7a62c49f-347e-4fc4-9331-6e8eEXAMPLE</RequestId></ResponseMetadata>")
                .append("</").append(operation).append("Response>");
        return sb.toString();
    }

    static String custom(String... members) {
        return response("SimulateCustomPolicy", false, null, members);
    }

    /** One EvaluationResult; {@code extra} is more XML inside the member. */
    static String result(String action, String resource, String decision, String extra) {
        return "<member><EvalActionName>" + action + "</EvalActionName><EvalResourceName>" + resource
                + "</EvalResourceName><EvalDecision>" + decision + "</EvalDecision>" + extra + "</member>";
    }

    static String matched(String sourceId, int line) {
        return "<MatchedStatements><member><SourcePolicyId>" + sourceId + "</SourcePolicyId>"
                + "<SourcePolicyType>IAM Policy</SourcePolicyType>"
                + "<StartPosition><Line>" + line + "</Line><Column>1</Column></StartPosition>"
                + "<EndPosition><Line>" + line + "</Line><Column>80</Column></EndPosition></member></MatchedStatements>";
    }

    static String missing(String... keys) {
        StringBuilder sb = new StringBuilder("<MissingContextValues>");
        for (String k : keys) {
            sb.append("<member>").append(k).append("</member>");
        }
        return sb.append("</MissingContextValues>").toString();
    }

    static String error(String code, String message) {
        return "<ErrorResponse xmlns=\"https://iam.amazonaws.com/doc/2010-05-08/\"><Error><Type>Sender</Type><Code>"
                + code + "</Code><Message>" + message + "</Message></Error>"
                + "<RequestId>0b3e1b4c-EXAMPLE</RequestId></ErrorResponse>";
    }
}

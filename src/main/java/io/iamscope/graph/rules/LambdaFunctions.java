package io.iamscope.graph.rules;

import io.iamscope.model.Resource;

/** What the Lambda techniques read of a function record ({@code AWS::Lambda::Function}). */
final class LambdaFunctions {
    static final String TYPE = "AWS::Lambda::Function";
    static final String UPDATE_CONFIGURATION = "lambda:UpdateFunctionConfiguration";
    static final String UPDATE_CODE = "lambda:UpdateFunctionCode";
    static final String GET_LAYER = "lambda:GetLayerVersion";

    private LambdaFunctions() {
    }

    /**
     * Whether the function can take layers: "Layers only support Lambda functions deployed as a .zip file archive"
     * (Lambda Developer Guide, "Managing Lambda dependencies with layers"). A function recorded with
     * {@code PackageType} {@code Image} cannot; one without the property may.
     */
    static boolean takesLayers(Resource function) {
        return !"Image".equals(function.properties().get("PackageType"));
    }
}

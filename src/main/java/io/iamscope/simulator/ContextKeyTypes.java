package io.iamscope.simulator;

import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.services.iam.model.ContextKeyTypeEnum;

/**
 * The simulator needs a type for each context entry ({@code ContextKeyType}: string, stringList, numeric,
 * boolean, date, ip, binary and their lists; IAM API Reference: ContextEntry). Our {@code RequestContext}
 * keeps strings, so the type is inferred: from a small table of global condition keys whose types the IAM
 * User Guide lists ("AWS global condition context keys"), else string or stringList by the number of values.
 */
final class ContextKeyTypes {
    /** Global keys whose type is not String, with their single-valued type (lowercase names). */
    private static final Map<String, ContextKeyTypeEnum> KNOWN = Map.ofEntries(
            Map.entry("aws:multifactorauthpresent", ContextKeyTypeEnum.BOOLEAN),
            Map.entry("aws:securetransport", ContextKeyTypeEnum.BOOLEAN),
            Map.entry("aws:viaawsservice", ContextKeyTypeEnum.BOOLEAN),
            Map.entry("aws:principalisawsservice", ContextKeyTypeEnum.BOOLEAN),
            Map.entry("aws:assumedroot", ContextKeyTypeEnum.BOOLEAN),
            Map.entry("aws:multifactorauthage", ContextKeyTypeEnum.NUMERIC),
            Map.entry("aws:epochtime", ContextKeyTypeEnum.NUMERIC),
            Map.entry("aws:currenttime", ContextKeyTypeEnum.DATE),
            Map.entry("aws:tokenissuetime", ContextKeyTypeEnum.DATE),
            Map.entry("aws:sourceip", ContextKeyTypeEnum.IP),
            Map.entry("aws:vpcsourceip", ContextKeyTypeEnum.IP));

    /** Multivalued global keys: always a list, even with one value. */
    private static final Map<String, ContextKeyTypeEnum> LISTS = Map.of(
            "aws:tagkeys", ContextKeyTypeEnum.STRING_LIST,
            "aws:principalorgpaths", ContextKeyTypeEnum.STRING_LIST,
            "aws:calledvia", ContextKeyTypeEnum.STRING_LIST,
            "aws:principalservicenameslist", ContextKeyTypeEnum.STRING_LIST,
            "aws:resourceorgpaths", ContextKeyTypeEnum.STRING_LIST);

    private ContextKeyTypes() {
    }

    static ContextKeyTypeEnum of(String key, int valueCount) {
        String k = key.toLowerCase(Locale.ROOT);
        ContextKeyTypeEnum list = LISTS.get(k);
        if (list != null) {
            return list;
        }
        ContextKeyTypeEnum single = KNOWN.get(k);
        if (single != null) {
            return valueCount > 1 ? listOf(single) : single;
        }
        return valueCount > 1 ? ContextKeyTypeEnum.STRING_LIST : ContextKeyTypeEnum.STRING;
    }

    private static ContextKeyTypeEnum listOf(ContextKeyTypeEnum single) {
        return switch (single) {
            case BOOLEAN -> ContextKeyTypeEnum.BOOLEAN_LIST;
            case NUMERIC -> ContextKeyTypeEnum.NUMERIC_LIST;
            case DATE -> ContextKeyTypeEnum.DATE_LIST;
            case IP -> ContextKeyTypeEnum.IP_LIST;
            case BINARY -> ContextKeyTypeEnum.BINARY_LIST;
            default -> ContextKeyTypeEnum.STRING_LIST;
        };
    }
}

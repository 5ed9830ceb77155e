package io.iamscope.catalog;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Every condition key the catalog knows, looked up ignoring case. Templated keys such as
 * {@code aws:RequestTag/${TagKey}} or {@code s3:ExistingObjectTag/<key>} accept any text in place of their
 * placeholder, because condition-key names are case-insensitive and the placeholder is the user's tag key or name
 * (IAM JSON policy elements: Condition).
 */
final class ConditionKeyIndex {
    private final Map<String, ConditionKey> exact = new HashMap<>();
    private final List<Map.Entry<Wildcard, ConditionKey>> templates = new ArrayList<>();

    /** Adds {@code key}; the first spelling and type seen for a name win, a typed entry beats an untyped one. */
    void add(ConditionKey key) {
        String lower = key.name().toLowerCase(Locale.ROOT);
        ConditionKey known = exact.get(lower);
        if (known != null && (known.type() != null || key.type() == null)) {
            return;
        }
        exact.put(lower, key);
        if (key.isTemplate() && known == null) {
            templates.add(Map.entry(Wildcard.ofTemplate(key.name()), key));
        }
    }

    /** Every key's name as first spelled. */
    List<String> names() {
        return exact.values().stream().map(ConditionKey::name).toList();
    }

    Optional<ConditionKey> find(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        ConditionKey key = exact.get(lower);
        if (key != null) {
            return Optional.of(key);
        }
        for (Map.Entry<Wildcard, ConditionKey> t : templates) {
            if (t.getKey().matchesLower(lower)) {
                // The template entry may have been upgraded to a typed one since it was indexed.
                return Optional.of(exact.get(t.getValue().name().toLowerCase(Locale.ROOT)));
            }
        }
        return Optional.empty();
    }
}

package uk.safeguarding.explorer.seed;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import uk.safeguarding.explorer.model.bundle.BundleValidator;

/** Collects generated records array by array and turns them into a bundle (DESIGN §4). */
final class BundleBuilder {

    private final String source;
    private final Map<String, List<Map<String, Object>>> arrays = new LinkedHashMap<>();
    private int records;

    BundleBuilder(String source) {
        this.source = source;
        BundleValidator.ARRAYS.forEach(a -> arrays.put(a, new ArrayList<>()));
    }

    /** Adds a record given as alternating field names and values; null values are left out. */
    Map<String, Object> add(String array, Object... fieldsAndValues) {
        var record = new LinkedHashMap<String, Object>();
        for (int i = 0; i < fieldsAndValues.length; i += 2) {
            if (fieldsAndValues[i + 1] != null) {
                record.put((String) fieldsAndValues[i], fieldsAndValues[i + 1]);
            }
        }
        arrays.get(array).add(record);
        records++;
        return record;
    }

    int records() {
        return records;
    }

    int count(String array) {
        return arrays.get(array).size();
    }

    JsonNode toJson() {
        var bundle = new LinkedHashMap<String, Object>();
        bundle.put("source", source);
        arrays.forEach((name, list) -> {
            if (!list.isEmpty()) {
                bundle.put(name, list);
            }
        });
        return JsonMapper.shared().valueToTree(bundle);
    }
}

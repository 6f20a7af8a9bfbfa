package uk.safeguarding.explorer.neo4j;

import java.util.LinkedHashMap;

/**
 * The parameters of a statement, built by name: {@code Parameters.with("id", id).and("from", from)}.
 * Unlike {@code Map.of} it takes null values, which the statements read as "not given" (an optional
 * filter, a cursor on the first page), so that no caller needs its own {@code put} sequence. It is
 * the map itself, passed as it is to {@link Graph}.
 */
public final class Parameters extends LinkedHashMap<String, Object> {

    private Parameters() {}

    /** Parameters starting with this one. */
    public static Parameters with(String name, Object value) {
        return new Parameters().and(name, value);
    }

    /**
     * Adds a parameter.
     *
     * @throws IllegalArgumentException when the name is blank or given twice
     */
    public Parameters and(String name, Object value) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a parameter needs a name");
        }
        if (containsKey(name)) {
            throw new IllegalArgumentException("parameter '" + name + "' is given twice");
        }
        put(name, value);
        return this;
    }
}

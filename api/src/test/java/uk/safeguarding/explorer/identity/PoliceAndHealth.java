package uk.safeguarding.explorer.identity;

import java.util.List;
import java.util.Map;

/** The partnership's two fictional agencies of the identity tests that race imports and stewards. */
final class PoliceAndHealth {

    private PoliceAndHealth() {}

    /** A bundle without {@code resolve} adding them (an extract comes from an agency the partnership added). */
    static Map<String, Object> agencies() {
        return Map.of(
                "source",
                "partnership",
                "agencies",
                List.of(
                        Map.of("id", "police", "name", "Police (fictional)", "type", "POLICE"),
                        Map.of("id", "health", "name", "Health (fictional)", "type", "HEALTH")));
    }
}

package uk.safeguarding.explorer.model.matching;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The nickname and diminutive table ({@code matching/nicknames.txt}): which given names are the
 * same person's name in another agency's record (Robert, Bob and Rob; Elizabeth, Liz and Beth).
 * Kept as data so that an information team can extend it without touching code.
 */
public final class Nicknames {

    private static final Nicknames DEFAULT = load();

    private final Map<String, Set<Integer>> groups;
    private final List<String> canonical;

    private Nicknames(Map<String, Set<Integer>> groups, List<String> canonical) {
        this.groups = groups;
        this.canonical = canonical;
    }

    /** The built-in table. */
    public static Nicknames standard() {
        return DEFAULT;
    }

    /** How many names the table knows. */
    public int size() {
        return groups.size();
    }

    /** True when the two standardised given names are different forms of one name. */
    public boolean related(String a, String b) {
        if (a == null || b == null || a.equals(b)) {
            return false;
        }
        var left = groups.get(a);
        var right = groups.get(b);
        if (left == null || right == null) {
            return false;
        }
        for (var group : left) {
            if (right.contains(group)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The full name a standardised given name stands for (BOB gives ROBERT), the name itself when
     * the table does not know it. A name in several groups gives the first group's full name.
     */
    public String canonical(String name) {
        if (name == null) {
            return null;
        }
        var group = groups.get(name);
        if (group == null) {
            return name;
        }
        return canonical.get(group.stream().min(Integer::compare).orElseThrow());
    }

    private static Nicknames load() {
        var groups = new HashMap<String, Set<Integer>>();
        var canonical = new ArrayList<String>();
        try (var in = Nicknames.class.getResourceAsStream("/matching/nicknames.txt")) {
            if (in == null) {
                throw new IllegalStateException("matching/nicknames.txt is missing from the classpath");
            }
            var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                line = line.strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                var names = new ArrayList<String>();
                for (var word : line.split("\\s+")) {
                    var name = Standardise.name(word);
                    if (name != null && !names.contains(name)) {
                        names.add(name);
                    }
                }
                if (names.size() < 2) {
                    continue;
                }
                var index = canonical.size();
                canonical.add(names.get(0));
                names.forEach(
                        n -> groups.computeIfAbsent(n, k -> new HashSet<>()).add(index));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        groups.replaceAll((k, v) -> Set.copyOf(v));
        return new Nicknames(Map.copyOf(groups), List.copyOf(canonical));
    }
}

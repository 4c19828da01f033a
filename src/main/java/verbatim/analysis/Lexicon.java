package verbatim.analysis;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** The small word lists shipped as resources, loaded once; every key is {@link NameForms#fold folded}. */
final class Lexicon {
    /** first name → gender: 'f', 'm' or 'u'. */
    static final Map<String, Character> FIRST_NAMES = new HashMap<>();
    static final Set<String> PLACES = load("places.txt");
    static final Set<String> ORGANISATIONS = load("organisations.txt");
    static final Set<String> ORG_WORDS = load("org-words.txt");
    static final Set<String> EVENT_WORDS = load("event-words.txt");
    static final Set<String> ROLE_WORDS = load("role-words.txt");
    static final Set<String> NOT_ENTITIES = load("not-entities.txt");
    /** First word of every organisation name, to skip gazetteer look-ups cheaply. */
    static final Set<String> ORG_FIRST_WORDS;
    /** Every organisation name cut after each of its words ("mobile", "mobile marketing", …): names start only so. */
    static final Set<String> ORG_PREFIXES;
    /** Longest organisation name in words, to bound gazetteer look-ups. */
    static final int MAX_ORG_WORDS;

    static {
        for (String line : lines("first-names.txt")) {
            int sp = line.lastIndexOf(' ');
            FIRST_NAMES.put(NameForms.fold(line.substring(0, sp)), line.charAt(sp + 1));
        }
        int max = 1;
        Set<String> first = new HashSet<>();
        Set<String> prefixes = new HashSet<>();
        for (String o : ORGANISATIONS) {
            String[] w = o.split(" ");
            max = Math.max(max, w.length);
            first.add(w[0]);
            StringBuilder prefix = new StringBuilder();
            for (String word : w) {
                if (prefix.length() > 0) {
                    prefix.append(' ');
                }
                prefixes.add(prefix.append(word).toString());
            }
        }
        ORG_FIRST_WORDS = Collections.unmodifiableSet(first);
        ORG_PREFIXES = Collections.unmodifiableSet(prefixes);
        MAX_ORG_WORDS = max;
    }

    private Lexicon() {
    }

    private static Set<String> load(String name) {
        Set<String> set = new HashSet<>();
        for (String line : lines(name)) {
            set.add(NameForms.fold(line));
        }
        return Collections.unmodifiableSet(set);
    }

    /**
     * A read-only hash set. Looked up for nearly every token of every article: {@code HashSet} answers a miss
     * from one empty bucket, where {@code Set.of}/{@code Set.copyOf} probe linearly (a visible cost at ingest).
     */
    static Set<String> set(java.util.Collection<String> words) {
        return Collections.unmodifiableSet(new HashSet<>(words));
    }

    private static java.util.List<String> lines(String name) {
        java.util.List<String> out = new java.util.ArrayList<>();
        try (InputStream in = Lexicon.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource verbatim/analysis/" + name);
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = r.readLine()) != null; ) {
                line = line.strip();
                if (!line.isEmpty() && !line.startsWith("#")) {
                    out.add(line);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}

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
    /** The first names of {@link #FIRST_NAMES} learned from the corpus: some are also middle names or surnames (Singh, Kumar). */
    static final WordSet LEARNED_FIRST_NAMES;
    /**
     * Full names of people the corpus introduces as people in three articles or more, whose first word is no first name
     * of the lists ("Jair Bolsonaro"), learned by src/test/java/verbatim/analysis/LearnPeople.java.
     */
    static final WordSet LEARNED_PEOPLE = load("people-learned.txt");
    /** The first word of each of {@link #LEARNED_PEOPLE}, to skip look-ups cheaply. */
    static final WordSet LEARNED_PEOPLE_FIRST_WORDS = firstWords(LEARNED_PEOPLE);
    static final WordSet PLACES = load("places.txt");
    /** Places for the organisation rules: {@link #PLACES} and the countries ("l'Éthiopie" is no organisation). */
    static final WordSet ORG_PLACES = orgPlaces();
    static final WordSet ORGANISATIONS = load("organisations.txt");
    /**
     * What the organisation rules know: {@link #ORGANISATIONS}, institutions.txt and the names learned from the corpus
     * (organisations-learned.txt, see its header). The people rules keep to the hand-made list for a word next to a name: a
     * learned acronym before a name ("l'ancien eurodéputé FN Bruno Gollnisch") must not unmake the person; a whole name
     * of this list ("Charlie Hebdo") is no person.
     */
    static final WordSet KNOWN_ORGANISATIONS = load("organisations.txt", "institutions.txt", "organisations-learned.txt");
    /** One-word names the lists write in lower case ("franceinfo"): names as they are, where "orange" or "total" are words. */
    static final WordSet LOWER_CASE_ORGANISATIONS = lowerCaseNames("organisations.txt", "institutions.txt", "organisations-learned.txt");
    /** One-word names the lists write with a closing "+" ("Canal+"), folded without it: tokens split the "+" off. */
    static final WordSet PLUS_NAMES = plusNames("organisations.txt", "institutions.txt", "organisations-learned.txt");
    /** Acronyms of things (budget laws, taxes, diplomas, contracts), learned from the corpus: a repeated one is no organisation. */
    static final WordSet ACRONYMS_OF_THINGS = load("acronyms-not-organisations.txt");
    static final WordSet ORG_WORDS = load("org-words.txt");
    static final WordSet EVENT_WORDS = load("event-words.txt");
    static final WordSet ROLE_WORDS = load("role-words.txt");
    static final WordSet NOT_ENTITIES = load("not-entities.txt");
    /** First word of every organisation name, to skip gazetteer look-ups cheaply. */
    static final WordSet ORG_FIRST_WORDS;
    /** Every organisation name cut after each of its words ("mobile", "mobile marketing", …): names start only so. */
    static final WordSet ORG_PREFIXES;
    /** Longest organisation name in words, to bound gazetteer look-ups. */
    static final int MAX_ORG_WORDS;

    static {
        for (String line : lines("first-names.txt")) {
            int sp = line.lastIndexOf(' ');
            FIRST_NAMES.put(NameForms.fold(line.substring(0, sp)), line.charAt(sp + 1));
        }
        // learned from the corpus by src/test/java/verbatim/analysis/CorpusFirstNames.java: foreign and rare first names; the hand-made list wins
        Set<String> learned = new HashSet<>();
        for (String line : lines("first-names-corpus.txt")) {
            int sp = line.lastIndexOf(' ');
            String name = NameForms.fold(line.substring(0, sp));
            if (FIRST_NAMES.putIfAbsent(name, line.charAt(sp + 1)) == null) {
                learned.add(name);
            }
        }
        LEARNED_FIRST_NAMES = new WordSet(learned);
        int max = 1;
        Set<String> first = new HashSet<>();
        Set<String> prefixes = new HashSet<>();
        for (String o : KNOWN_ORGANISATIONS) {
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
        ORG_FIRST_WORDS = new WordSet(first);
        ORG_PREFIXES = new WordSet(prefixes);
        MAX_ORG_WORDS = max;
    }

    private Lexicon() {
    }

    /** places.txt and the countries of the world by their French names (from the JDK's locale data: "Éthiopie", "Tchad"). */
    private static WordSet orgPlaces() {
        java.util.List<String> words = new java.util.ArrayList<>();
        for (String line : lines("places.txt")) {
            words.add(NameForms.fold(line));
        }
        Set<String> alsoFirstNames = Set.of("dominique", "maurice", "salvador", "grenade");
        for (String country : java.util.Locale.getISOCountries()) {
            String name = NameForms.fold(java.util.Locale.of("", country).getDisplayCountry(java.util.Locale.FRENCH));
            if (!alsoFirstNames.contains(name)) {
                words.add(name);
            }
        }
        return new WordSet(words);
    }

    private static WordSet firstWords(WordSet names) {
        Set<String> first = new HashSet<>();
        for (String n : names) {
            first.add(n.substring(0, n.indexOf(' ') < 0 ? n.length() : n.indexOf(' ')));
        }
        return new WordSet(first);
    }

    private static WordSet lowerCaseNames(String... names) {
        java.util.List<String> words = new java.util.ArrayList<>();
        for (String name : names) {
            for (String line : lines(name)) {
                if (!line.isEmpty() && Character.isLowerCase(line.charAt(0)) && line.indexOf(' ') < 0) {
                    words.add(NameForms.fold(line));
                }
            }
        }
        return new WordSet(words);
    }

    private static WordSet plusNames(String... names) {
        java.util.List<String> words = new java.util.ArrayList<>();
        for (String name : names) {
            for (String line : lines(name)) {
                if (line.endsWith("+") && line.indexOf(' ') < 0) {
                    words.add(NameForms.fold(line.substring(0, line.length() - 1)));
                }
            }
        }
        return new WordSet(words);
    }

    private static WordSet load(String... names) {
        java.util.List<String> words = new java.util.ArrayList<>();
        for (String name : names) {
            for (String line : lines(name)) {
                words.add(NameForms.fold(line));
            }
        }
        return new WordSet(words);
    }

    /**
     * A read-only set of words, looked up for nearly every token of every article: a {@link WordSet}, whose look-up
     * is cheaper than {@code HashSet}'s, where {@code Set.of}/{@code Set.copyOf} probe linearly (a visible cost at ingest).
     */
    static WordSet set(java.util.Collection<String> words) {
        return new WordSet(words);
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

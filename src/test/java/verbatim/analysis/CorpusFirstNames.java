package verbatim.analysis;


import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds src/main/resources/verbatim/analysis/first-names-corpus.txt: first names the corpus itself shows, to add to the
 * hand-made first-names.txt (foreign and rare first names: Rayshard, Kamala, Alexeï). Names only, no text.
 * <p>
 * Every hand-labelled article (labels*.json) is left out, so the samples that measure the extractor do not feed it.
 * <p>
 * Rule: a capitalised word W is a first name when it stands where only a first name can:
 * <ul>
 * <li>before a surname and an age: "W Nom, 45 ans", "W Nom, âgée de 45 ans";</li>
 * <li>before a surname and a role (a word of role-words.txt among the first three after the comma): "W Nom, directrice
 * de…", "W Nom, ancien ministre";</li>
 * <li>after an article and a person noun (role-words.txt or {@link LearnPeople#PERSON_NOUNS}) with at most three lower-case
 * words around it, no "de" among them, before a surname: "le président brésilien W Nom", "l'ancien dictateur W Nom";</li>
 * <li>after a speech verb that follows a quotation or a comma, before a surname: "», explique W Nom", ", a déclaré W Nom";</li>
 * <li>first of an article's author field made of W and one or two upper-case surnames of four letters or more: "W NOM"
 * (agency bylines; not "Euronews AFP");</li>
 * <li>after a civil title and before a capitalised surname: "M. W Nom", "Mme W Nom" (the title gives the gender; alone it
 * is weaker evidence, as Spanish double surnames read "Mme Diaz Ayuso");</li>
 * <li>before a surname that the same article also gives after a civil title: "W Nom … M. Nom" (AFP style: the first
 * mention in full, the later ones titled);</li>
 * </ul>
 * in two or more articles of the first two kinds or the last, or in two or more of the third and one of the others;
 * and W is not already in first-names.txt, is rarely written in lower case in the corpus (under a twentieth as often as
 * capitalised, so "Pour", "Comme", "Britannique" are out), is not in places.txt, organisations.txt, not-entities.txt or
 * role-words.txt nor a word of an organisation's name there ("Romeo" of "Alfa Romeo"), and is never written as a place ("à W", "en W", "New W");
 * nor is a third or more of the capitalised words seen after it not a name ("W International", "W Times", "W Palace":
 * in org-words.txt or more often written in lower case than not). A first name comes before many surnames, a
 * brand before a few words of its own: until 2026-11-28 one such word was enough to reject W, which kept out common
 * first names (Bobby, Lauren, Jeannette) for one "Bobby Brown". Gender: f or m when titles and "âgée"/"âgé" agree two
 * to one or more, else u.
 * <p>
 * Then, with no cue: a word the corpus puts alone before several surnames, one of them a known first name's, and seldom
 * elsewhere ({@link #byDistribution}; "Katy", "Burt", "Iouri"; gender u).
 * <pre>
 * ./mvnw -q test-compile package -DskipTests
 * java -cp target/verbatim.jar:target/test-classes verbatim.analysis.CorpusFirstNames ../shared/corpus-fr/articles.jsonl.gz \
 *     [IDS_FILE...] > src/main/resources/verbatim/analysis/first-names-corpus.txt
 * </pre>
 * Each IDS_FILE lists more article ids to leave out (a blind sample's, given apart).
 */
public class CorpusFirstNames {
    private static final String NAME = "\\p{Lu}\\p{Ll}+(?:-\\p{Lu}\\p{Ll}+)?";
    private static final Pattern TITLED = Pattern.compile("(?<![\\p{L}.])(M\\.|Mme|Mlle|Monsieur|Madame) (" + NAME + ") \\p{Lu}\\p{L}+");
    private static final Pattern AGED = Pattern.compile("(?<![\\p{L}])(" + NAME + ") \\p{Lu}\\p{Ll}+, (âgée?|\\d+ ans)"); // not "Cass. soc., 12 mars"
    private static final Pattern AUTHOR = Pattern.compile("(" + NAME + ")(?: \\p{Lu}[\\p{Lu}'-]{3,}){1,2}"); // not "Euronews AFP"
    private static final Set<String> TITLES = Set.of("M", "Mme", "Mlle", "Monsieur", "Madame", "Dr", "Me", "Mgr", "Pr");
    private static final Pattern ROLE_AFTER = Pattern.compile("(?<![\\p{L}])(" + NAME + ") \\p{Lu}\\p{Ll}+(?:-\\p{Lu}\\p{Ll}+)?, "
            + "((?:\\p{Ll}+[ '’]){0,2}\\p{Ll}+)");
    private static final Pattern INCISE = Pattern.compile("[,»] (?:a |a-t-elle |a-t-il )?(?:explique|déclare|affirme|estime|souligne"
            + "|ajoute|précise|indique|raconte|confie|assure|expliqué|déclaré|affirmé|estimé|souligné|ajouté|précisé|indiqué"
            + "|raconté|confié|assuré) (" + NAME + ") \\p{Lu}\\p{Ll}+");
    private static final Pattern ROLE_BEFORE = Pattern.compile("(?<![\\p{L}])(?:le|la|l['’]|du|au|son|sa|leur|un|une|ce|cet|cette)"
            + "\\s*(\\p{Ll}[\\p{Ll}'’-]*(?: \\p{Ll}[\\p{Ll}'’-]*){0,3}) (" + NAME + ") \\p{Lu}\\p{Ll}+(?![\\p{L}'’-])");
    private static final Pattern PLACE = Pattern.compile("(?:(?<![\\p{L}])(?:à|en|New) )(" + NAME + ")");
    /** A place on its own: "à W" with no capitalised word after it ("à Lauren Hutton" is a person's dative). */
    private static final Pattern PLACE_ALONE = Pattern.compile("(?:(?<![\\p{L}])(?:à|en|New) )(" + NAME + ")(?![\\p{L}'’-])(?! \\p{Lu})");
    private static final Pattern PAIR = Pattern.compile("(?<![\\p{L}])(" + NAME + ") (\\p{Lu}\\p{Ll}+)");
    private static final Pattern LOWER_WORD = Pattern.compile("(?<![\\p{L}])\\p{Ll}[\\p{Ll}-]*");
    private static final Pattern CAP_WORD = Pattern.compile("(?<![\\p{L}])\\p{Lu}\\p{Ll}[\\p{Ll}-]*");
    /** Two capitalised words alone between lower-case words: "… avec W Nom et …" (not inside a longer name or title). */
    private static final Pattern LONE_PAIR = Pattern.compile("(?<!\\p{Lu}[\\p{L}'’.-]{0,30} )(?<![\\p{L}'’-])(" + NAME + ") "
            + "((?:\\p{Lu}['’])?" + NAME + ")(?![\\p{L}'’-])(?! \\p{Lu})");
    /** Words the distribution rule learned that no first name is, read by hand: places, a bookshop, a title; folded. */
    /** Words that open names of places, titles and works rather than people's ("Los Angeles", "Fort Worth", "Lady Gaga"); folded. */
    private static final Set<String> OPENERS = Set.of("los", "las", "el", "del", "di", "da", "de", "van", "von", "al", "ben", "san",
            "santa", "sao", "new", "fort", "port", "mount", "lake", "cap", "big", "little", "old", "grand", "great", "north",
            "south", "east", "west", "captain", "miss", "mister", "lady", "king", "queen", "prince", "notre");
    private static final Set<String> NOT_FIRST = Set.of("ain", "chestnut", "columbus", "far", "gibert", "indiana", "kar", "mama",
            "meadow", "mmes", "shin", "stony", "tai", "tate", "upper");
    private static final Pattern TITLED_SURNAME = Pattern.compile("(?<![\\p{L}.])(?:M\\.|Mme|Mlle) (\\p{Lu}\\p{Ll}+)(?![\\p{L}-])");

    public static void main(String[] args) throws Exception {
        Path corpus = LearningCorpus.path(args);
        Path res = Path.of("src/main/resources/verbatim/analysis");
        Set<String> labelled = LearningCorpus.leftOut(args); // the blind samples' ids, given apart, too
        Set<String> known = new HashSet<>();
        for (String f : new String[]{"first-names.txt", "places.txt", "organisations.txt", "not-entities.txt", "role-words.txt"}) {
            for (String line : Files.readAllLines(res.resolve(f))) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    known.add(fold(f.equals("first-names.txt") ? line.substring(0, line.lastIndexOf(' ')) : line.strip()));
                }
            }
        }
        Set<String> roles = new HashSet<>();
        for (String line : Files.readAllLines(res.resolve("role-words.txt"))) {
            if (!line.isBlank() && !line.startsWith("#")) {
                roles.add(fold(line.strip()));
            }
        }
        Set<String> personNouns = new HashSet<>(roles);
        personNouns.addAll(LearnPeople.PERSON_NOUNS);
        Set<String> orgish = new HashSet<>(); // words of organisations' names
        for (String line : Files.readAllLines(res.resolve("organisations.txt"))) {
            if (!line.isBlank() && !line.startsWith("#")) {
                // every word: "Figaro" of "Le Figaro", which bylines put before first names; "Romeo" of "Alfa Romeo"
                orgish.addAll(List.of(fold(line.strip()).split(" ")));
            }
        }
        Set<String> orgWords = new HashSet<>();
        for (String line : Files.readAllLines(res.resolve("org-words.txt"))) {
            if (!line.isBlank() && !line.startsWith("#")) {
                orgWords.add(fold(line.strip()));
            }
        }
        Set<String> places = new HashSet<>();
        Set<String> placesAlone = new HashSet<>();
        Map<String, Set<String>> nextWords = new HashMap<>(); // W → capitalised words seen right after it
        Map<String, Set<String>> articles = new HashMap<>(); // candidate → ids of the articles showing it (age, byline)
        Map<String, Set<String>> titled = new HashMap<>(); // candidate → ids of the articles showing it after a title
        Map<String, int[]> gender = new HashMap<>(); // candidate → {f, m}
        Map<String, Integer> lower = new HashMap<>();
        Map<String, Integer> capital = new HashMap<>();
        Map<String, Set<String>> lonePairs = new HashMap<>(); // "W Nom" → ids of the articles showing it alone
        LearningCorpus.forEach(corpus, labelled, (id, o) -> {
            String text = LearningCorpus.titleAndText(o);
            Matcher lw = LOWER_WORD.matcher(text);
            while (lw.find()) {
                lower.merge(lw.group(), 1, Integer::sum);
            }
            Matcher cw = CAP_WORD.matcher(text);
            while (cw.find()) {
                capital.merge(cw.group(), 1, Integer::sum);
            }
            Set<String> titledSurnames = new HashSet<>();
            Matcher ts = TITLED_SURNAME.matcher(text);
            while (ts.find()) {
                titledSurnames.add(ts.group(1));
            }
            Matcher t = TITLED.matcher(text);
            while (t.find()) {
                char g = t.group(1).equals("M.") || t.group(1).equals("Monsieur") ? 'm' : 'f';
                note(titled, gender, t.group(2), id, g);
            }
            Matcher a = AGED.matcher(text);
            while (a.find()) {
                note(articles, gender, a.group(1), id, a.group(2).equals("âgée") ? 'f' : a.group(2).equals("âgé") ? 'm' : 'u');
            }
            Matcher pl = PLACE.matcher(text);
            while (pl.find()) {
                places.add(pl.group(1));
            }
            Matcher pla = PLACE_ALONE.matcher(text);
            while (pla.find()) {
                placesAlone.add(pla.group(1));
            }
            Matcher pa = PAIR.matcher(text);
            while (pa.find()) {
                Set<String> next = nextWords.computeIfAbsent(pa.group(1), k -> new HashSet<>());
                if (next.size() < 200) {
                    next.add(pa.group(2));
                }
                if (titledSurnames.contains(pa.group(2)) && !TITLES.contains(pa.group(1))) {
                    note(articles, gender, pa.group(1), id, 'u');
                }
            }
            Matcher lp = LONE_PAIR.matcher(text);
            while (lp.find()) {
                lonePairs.computeIfAbsent(lp.group(1) + " " + lp.group(2), k -> new HashSet<>()).add(id);
            }
            Matcher ro = ROLE_AFTER.matcher(text);
            while (ro.find()) {
                for (String w : ro.group(2).split("[ '’]")) {
                    if (roles.contains(fold(w))) {
                        note(articles, gender, ro.group(1), id, 'u');
                        break;
                    }
                }
            }
            Matcher rb = ROLE_BEFORE.matcher(text);
            while (rb.find()) {
                if (LearnPeople.personPhrase(rb.group(1), personNouns)) {
                    note(articles, gender, rb.group(2), id, 'u');
                }
            }
            Matcher in = INCISE.matcher(text);
            while (in.find()) {
                note(articles, gender, in.group(1), id, 'u');
            }
            Matcher au = AUTHOR.matcher(o.path("author").asText(""));
            if (au.matches()) {
                note(articles, gender, au.group(1), id, 'u');
            }
        });
        Map<String, Character> out = new TreeMap<>();
        Set<String> candidates = new HashSet<>(articles.keySet());
        candidates.addAll(titled.keySet());
        for (String w : candidates) {
            int strong = articles.getOrDefault(w, Set.of()).size();
            int weak = titled.getOrDefault(w, Set.of()).size();
            if (!(strong >= 2 || weak >= 2 && strong >= 1) || TITLES.contains(w) || w.matches(".*-(?:Le|La|De|Du)")
                    || known.contains(fold(w)) || 20 * lower.getOrDefault(w.toLowerCase(), 0) >= capital.getOrDefault(w, 1) || w.length() < 3
                    || orgish.contains(fold(w)) || places.contains(w) || notNames(nextWords.getOrDefault(w, Set.of()), orgWords, lower, capital)) {
                continue;
            }
            int[] g = gender.get(w);
            out.put(w, g[0] >= 2 * Math.max(1, g[1]) ? 'f' : g[1] >= 2 * Math.max(1, g[0]) ? 'm' : 'u');
        }
        Set<String> firstNames = new HashSet<>(listedFirstNames(res));
        out.keySet().forEach(w -> firstNames.add(fold(w)));
        for (String w : byDistribution(lonePairs, firstNames, known, orgish, orgWords, placesAlone, nextWords, lower, capital)) {
            out.putIfAbsent(w, 'u');
        }
        System.out.println("# First names learned from corpus-fr by src/test/java/verbatim/analysis/CorpusFirstNames.java (rule in its header; rerun it to");
        System.out.println("# rebuild this file). Names only. Used like first-names.txt, which wins where both list a name.");
        out.forEach((w, g) -> System.out.println(w + " " + g));
    }

    /**
     * First names learned from where they stand rather than from a cue: a capitalised word W, seen alone with a surname
     * ("W Nom") before two surnames or more in two articles or more, one of those surnames at least also written after a
     * known first name (so that of a person), and W followed by a capitalised word in half its capitalised occurrences
     * or more (a first name seldom stands alone; a place, a brand or a word at a sentence's start often does). The other
     * filters are the cue rules' (lower case, organisations, words after W), places written alone ("à W", not "à Lauren
     * Hutton"), and {@link #NOT_FIRST}.
     */
    private static Set<String> byDistribution(Map<String, Set<String>> lonePairs, Set<String> firstNames, Set<String> known,
                                              Set<String> orgish, Set<String> orgWords, Set<String> places,
                                              Map<String, Set<String>> nextWords, Map<String, Integer> lower,
                                              Map<String, Integer> capital) {
        Set<String> peopleSurnames = new HashSet<>(); // surnames written after a known first name
        Map<String, Integer> paired = new HashMap<>(); // W → articles showing "W Nom" alone, summed over Nom
        for (Map.Entry<String, Set<String>> e : lonePairs.entrySet()) {
            String[] ws = e.getKey().split(" ");
            paired.merge(ws[0], e.getValue().size(), Integer::sum);
            if (firstNames.contains(fold(ws[0]))) {
                peopleSurnames.add(ws[1]);
            }
        }
        Map<String, Set<String>> surnames = new HashMap<>();
        Map<String, Set<String>> articles = new HashMap<>();
        Set<String> ofPeople = new HashSet<>();
        for (Map.Entry<String, Set<String>> e : lonePairs.entrySet()) {
            String[] ws = e.getKey().split(" ");
            String s = fold(ws[1]);
            if (firstNames.contains(fold(ws[0])) || firstNames.contains(s) || known.contains(s) || orgish.contains(s)
                    || orgWords.contains(s) || TITLES.contains(ws[1]) || ws[1].length() < 3
                    || 20 * lower.getOrDefault(ws[1].toLowerCase(), 0) >= capital.getOrDefault(ws[1], 1)) {
                continue;
            }
            surnames.computeIfAbsent(ws[0], k -> new HashSet<>()).add(ws[1]);
            articles.computeIfAbsent(ws[0], k -> new HashSet<>()).addAll(e.getValue());
            if (peopleSurnames.contains(ws[1])) {
                ofPeople.add(ws[0]);
            }
        }
        Set<String> out = new TreeSet<>();
        for (Map.Entry<String, Set<String>> e : surnames.entrySet()) {
            String w = e.getKey();
            String f = fold(w);
            if (e.getValue().size() < 2 || articles.get(w).size() < 2 || !ofPeople.contains(w) || w.length() < 3
                    || 2 * paired.get(w) < capital.getOrDefault(w, 1) || TITLES.contains(w) || NOT_FIRST.contains(f)
                    || OPENERS.contains(f) || known.contains(f) || orgish.contains(f) || orgWords.contains(f)
                    || places.contains(w) || 20 * lower.getOrDefault(w.toLowerCase(), 0) >= capital.getOrDefault(w, 1)
                    || notNames(nextWords.getOrDefault(w, Set.of()), orgWords, lower, capital)) {
                continue;
            }
            out.add(w);
        }
        return out;
    }

    private static Set<String> listedFirstNames(Path res) throws Exception {
        Set<String> out = new HashSet<>();
        for (String line : Files.readAllLines(res.resolve("first-names.txt"))) {
            if (!line.isBlank() && !line.startsWith("#")) {
                out.add(fold(line.substring(0, line.lastIndexOf(' '))));
            }
        }
        return out;
    }

    /** Whether a third or more of the capitalised words seen after a candidate are no names (organisation words, or words more often written in lower case). */
    private static boolean notNames(Set<String> next, Set<String> orgWords, Map<String, Integer> lower, Map<String, Integer> capital) {
        long bad = next.stream().filter(n -> orgWords.contains(fold(n))
                || lower.getOrDefault(n.toLowerCase(), 0) >= capital.getOrDefault(n, 1)).count();
        return !next.isEmpty() && 3 * bad >= next.size(); // none seen: a name from bylines only
    }

    private static void note(Map<String, Set<String>> articles, Map<String, int[]> gender, String w, String id, char g) {
        articles.computeIfAbsent(w, k -> new HashSet<>()).add(id);
        int[] c = gender.computeIfAbsent(w, k -> new int[2]);
        if (g == 'f') {
            c[0]++;
        } else if (g == 'm') {
            c[1]++;
        }
    }

    private static String fold(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase();
    }
}

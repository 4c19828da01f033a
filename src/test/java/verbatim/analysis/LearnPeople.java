package verbatim.analysis;


import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds src/main/resources/verbatim/analysis/people-learned.txt: full names of people the corpus introduces as
 * people in three articles or more, whose first word is no first name the lists know ("Jair Bolsonaro", "Khalifa
 * Haftar", "Nikos Aliagas"): the person finder then knows them wherever they stand, without a cue. Names only, no text.
 * <p>
 * Every hand-labelled article (labels*.json) and every id of the IDS_FILEs (the blind samples) is left out, so the
 * samples that measure the extractor do not feed it.
 * <p>
 * A name is a capitalised word and one or two capitalised surnames (a particle between them allowed: "Helmuth von
 * Moltke"), seen where only a person stands:
 * <ul>
 * <li>after an article and a person noun with at most three lower-case words around it, no "de" among them: "le
 * président brésilien Jair Bolsonaro", "l'ancien dictateur Mouammar Kadhafi", "la chanteuse Lady Gaga";</li>
 * <li>before an age: "W Nom, 45 ans", "W Nom, âgée de 45 ans";</li>
 * <li>before a comma and a person noun among the next three words: "W Nom, la sœur de Kate", "W Nom, ancien ministre";</li>
 * <li>after a speech verb that follows a comma or a quotation: "», explique W Nom", ", a déclaré à l'AFP W Nom";</li>
 * <li>after "selon" or "d'après", or a civil title: "selon W Nom", "M. W Nom".</li>
 * </ul>
 * Kept when seen so in three articles or more, its first word is no title, role, place, organisation word or entity to
 * exclude, is rarely written in lower case in the corpus (under a twentieth as often as capitalised: not "Pour Emmanuel
 * Macron"), and no word of it is an organisation word; nor is the whole name a listed organisation or place, nor one of
 * the few names read by hand as no person ({@link #NOT_PEOPLE}: "Buckingham Palace", "York Times"), so a rerun gives the
 * same file.
 * <pre>
 * ./mvnw -q test-compile package -DskipTests
 * java -cp target/verbatim.jar:target/test-classes verbatim.analysis.LearnPeople ../shared/corpus-fr/articles.jsonl.gz \
 *     /tmp/notes/fresh2-ids.txt ... > src/main/resources/verbatim/analysis/people-learned.txt
 * </pre>
 */
public class LearnPeople {
    private static final int MIN_ARTICLES = Integer.getInteger("minArticles", 3);
    private static final String UP = "\\p{Lu}";
    private static final String LOW = "[\\p{Ll}][\\p{Ll}'’-]*";
    private static final String WORD = UP + "\\p{Ll}+(?:-" + UP + "\\p{Ll}+)?";
    private static final String SURNAME = "(?:" + UP + "['’])?" + UP + "\\p{Ll}+(?:-" + UP + "\\p{Ll}+)?";
    private static final String NAME = "(" + WORD + "(?: (?:(?:de|du|von|van|ben|bin|el|al|da|dos|Le|La|De|Van|Von|Di|Da) )?"
            + SURNAME + "){1,2})(?![\\p{L}'’-])";
    private static final Pattern ROLE_BEFORE = Pattern.compile("(?<![\\p{L}])(?:le|la|l['’]|du|au|son|sa|leur|un|une|ce|cet|cette)"
            + "\\s*(" + LOW + "(?: " + LOW + "){0,3}) " + NAME);
    private static final Pattern AGED = Pattern.compile("(?<![\\p{L}'’])" + NAME + ", (?:âgée? de )?\\d{1,3} ans\\b");
    private static final Pattern ROLE_AFTER = Pattern.compile("(?<![\\p{L}'’])" + NAME + ", ((?:" + LOW + " ){0,2}" + LOW + ")");
    private static final String SPEECH = "explique|déclare|affirme|estime|souligne|ajoute|précise|indique|raconte|confie"
            + "|assure|dit|lance|poursuit|insiste|témoigne|résume|martèle|conclut|confirme|regrette|déplore|reconnaît|prévient"
            + "|répond|commente|expliqué|déclaré|affirmé|estimé|souligné|ajouté|précisé|indiqué|raconté|confié|assuré|lancé"
            + "|poursuivi|insisté|témoigné|résumé|martelé|conclu|confirmé|regretté|déploré|reconnu|prévenu|répondu|commenté"
            + "|tweeté|écrit";
    private static final Pattern INCISE = Pattern.compile("[,»\"”] (?:a |a-t-il |a-t-elle |avait )?(?:" + SPEECH + ")"
            + "(?: (?:à|au) (?:l['’])?" + UP + "[\\p{L}.]*)? " + NAME);
    /** Where a name starts: after a whole lower-case word or a punctuation mark, not inside a longer name ("Recep Tayyip"). */
    private static final String AFTER_LOWER = "(?:(?<![\\p{L}'’-])\\p{Ll}[\\p{Ll}'’-]{0,24},? |[,;:.«»\"(] )";
    /** A name then a speech verb in the past: "W Nom a déclaré", "W Nom avait expliqué". */
    private static final Pattern SAID = Pattern.compile("(?<=" + AFTER_LOWER + ")" + NAME + " (?:a|avait|aurait) (?:déclaré|expliqué"
            + "|affirmé|estimé|souligné|ajouté|précisé|indiqué|raconté|confié|assuré|annoncé|dénoncé|tweeté|écrit|réagi|témoigné)\\b");
    /** A civil title and a lone surname: "M. Nom" then no capitalised word. */
    private static final Pattern TITLED_SURNAME = Pattern.compile("(?<![\\p{L}])(?:M\\.|Mme) (" + SURNAME + ")(?![\\p{L}'’-])(?! \\p{Lu})");
    /** Two capitalised words after a lower-case word: "… visite de W Nom". */
    private static final Pattern PAIR = Pattern.compile("(?<=" + AFTER_LOWER + ")(" + WORD + ") (" + SURNAME + ")(?![\\p{L}'’-])(?! \\p{Lu})");
    private static final Pattern SELON = Pattern.compile("(?<![\\p{L}])(?:[Ss]elon|[Dd]['’]après|M\\.|Mme|Mlle) " + NAME);
    private static final Pattern LOWER_WORD = Pattern.compile("(?<![\\p{L}])\\p{Ll}[\\p{Ll}-]*");
    private static final Pattern CAP_WORD = Pattern.compile("(?<![\\p{L}])\\p{Lu}\\p{Ll}[\\p{Ll}-]*");
    /** Words between an article and a name that make it no person noun phrase: "le président de la République Emmanuel". */
    private static final Set<String> NOT_BETWEEN = Set.of("de", "du", "des", "d", "la", "le", "les", "l", "a", "au", "aux", "en",
            "par", "pour", "sur", "avec", "dans", "que", "qui");
    /** Nouns only a person is, besides role-words.txt. */
    static final Set<String> PERSON_NOUNS = Set.of("chanteur", "chanteuse", "rappeur", "rappeuse", "comedien",
            "comedienne", "humoriste", "peintre", "musicien", "musicienne", "romancier", "romanciere", "dictateur", "marechal",
            "general", "joueur", "joueuse", "footballeur", "attaquant", "pilote", "champion", "championne", "star",
            "mannequin", "photographe", "cineaste", "opposant", "opposante", "militant", "militante", "candidat", "candidate",
            "leader", "epouse", "epoux", "mari", "compagne", "compagnon", "fils", "fille", "frere", "soeur", "pere", "mere",
            "veuve", "sœur", "prince", "princesse", "roi", "reine", "pape", "cardinal", "eveque", "milliardaire", "influenceur",
            "influenceuse", "youtubeur", "youtubeuse", "presentateur", "presentatrice", "selectionneur", "nageur", "nageuse",
            "skieur", "skieuse", "cycliste", "boxeur", "athlete", "suspect", "victime", "temoin", "habitant", "habitante",
            "dessinateur", "dessinatrice", "cheffe", "premier", "premiere", "styliste", "createur", "creatrice", "artiste");
    /** Participles only a person is after "W Nom, ": "W Nom, interrogée par l'AFP". */
    static final Set<String> ASKED = Set.of("interroge", "interrogee", "contacte", "contactee", "joint", "jointe", "cite", "citee",
            "decede", "decedee", "ne", "nee", "elu", "elue", "condamne", "condamnee", "accuse", "accusee");
    /** Learned by the cues but no people (read by hand): places, media, products, a club; folded. */
    private static final Set<String> NOT_PEOPLE = Set.of("bayern munich", "bentayga hybrid", "bison fute", "buckingham palace",
            "dauphine libere", "kensington palace", "lockheed martin", "pink floyd", "senat gerard larcher", "york times");
    private static final Set<String> TITLES = Set.of("m", "mme", "mlle", "monsieur", "madame", "dr", "docteur", "me", "maitre",
            "pr", "professeur", "saint", "sainte", "sir", "lord", "mgr");

    public static void main(String[] args) throws Exception {
        Path corpus = LearningCorpus.path(args);
        Path res = Path.of("src/main/resources/verbatim/analysis");
        Set<String> left = LearningCorpus.leftOut(args);
        Set<String> firstNames = words(res, "first-names.txt", true);
        firstNames.addAll(words(res, "first-names-corpus.txt", true));
        Set<String> persons = words(res, "role-words.txt", false);
        persons.addAll(PERSON_NOUNS);
        persons.addAll(ASKED);
        Set<String> notFirst = words(res, "role-words.txt", false);
        notFirst.addAll(words(res, "places.txt", false));
        notFirst.addAll(words(res, "org-words.txt", false));
        notFirst.addAll(words(res, "not-entities.txt", false));
        notFirst.addAll(words(res, "event-words.txt", false));
        notFirst.addAll(TITLES);
        notFirst.addAll(NOT_BETWEEN);
        Set<String> orgWords = words(res, "org-words.txt", false);
        orgWords.addAll(words(res, "event-words.txt", false));
        Set<String> known = words(res, "organisations.txt", false);
        known.addAll(words(res, "places.txt", false));
        Map<String, Set<String>> articles = new HashMap<>();
        Map<String, Set<String>> titledSurnames = new HashMap<>();
        Map<String, Set<String>> pairs = new HashMap<>();
        Map<String, Integer> lower = new HashMap<>();
        Map<String, Integer> capital = new HashMap<>();
        LearningCorpus.forEach(corpus, left, (id, o) -> {
            String text = LearningCorpus.titleAndText(o);
            count(LOWER_WORD.matcher(text), lower);
            count(CAP_WORD.matcher(text), capital);
            Matcher m = ROLE_BEFORE.matcher(text);
            while (m.find()) {
                if (personPhrase(m.group(1), persons)) {
                    note(articles, m.group(2), id);
                }
            }
            m = AGED.matcher(text);
            while (m.find()) {
                note(articles, m.group(1), id);
            }
            m = ROLE_AFTER.matcher(text);
            while (m.find()) {
                for (String w : m.group(2).split("[ '’]")) {
                    if (persons.contains(fold(w))) {
                        note(articles, m.group(1), id);
                        break;
                    }
                }
            }
            m = TITLED_SURNAME.matcher(text);
            while (m.find()) {
                note(titledSurnames, m.group(1), id);
            }
            m = PAIR.matcher(text);
            while (m.find()) {
                note(pairs, m.group(1) + " " + m.group(2), id);
            }
            for (Pattern p : List.of(INCISE, SELON, SAID)) {
                m = p.matcher(text);
                while (m.find()) {
                    note(articles, m.group(1), id);
                }
            }
        });
        // "W Nom" whose surname the corpus calls "M. Nom" or "Mme Nom" in three articles or more: a person's name
        for (Map.Entry<String, Set<String>> e : pairs.entrySet()) {
            String surname = e.getKey().substring(e.getKey().indexOf(' ') + 1);
            if (titledSurnames.getOrDefault(surname, Set.of()).size() >= 3) {
                articles.computeIfAbsent(e.getKey(), k -> new HashSet<>()).addAll(e.getValue());
            }
        }
        Map<String, Integer> out = new TreeMap<>();
        for (Map.Entry<String, Set<String>> e : articles.entrySet()) {
            String name = e.getKey();
            String[] words = name.split(" ");
            String first = fold(words[0]);
            if (e.getValue().size() < MIN_ARTICLES || firstNames.contains(first) || notFirst.contains(first) || known.contains(fold(name)) || NOT_PEOPLE.contains(fold(name))
                    || 20 * lower.getOrDefault(words[0].toLowerCase(), 0) >= capital.getOrDefault(words[0], 1)) {
                continue;
            }
            boolean orgWord = false;
            for (String w : words) {
                orgWord |= orgWords.contains(fold(w));
            }
            if (!orgWord) {
                out.put(name, e.getValue().size());
            }
        }
        System.out.println("# People learned from corpus-fr by src/test/java/verbatim/analysis/LearnPeople.java (rule in its header;");
        System.out.println("# rerun it to rebuild this file): full names introduced as people in three articles or more whose first");
        System.out.println("# word is no known first name. Names only.");
        out.keySet().forEach(System.out::println);
        System.err.println(out.size() + " names");
    }

    /** The lower-case words between an article and a name: a person noun among them, no preposition or article. */
    static boolean personPhrase(String between, Set<String> persons) {
        boolean person = false;
        for (String w : between.split(" ")) {
            String f = fold(w);
            if (NOT_BETWEEN.contains(f) || f.startsWith("d'") || f.startsWith("d’") || f.startsWith("l'") || f.startsWith("l’")) {
                return false;
            }
            person |= persons.contains(f);
        }
        return person;
    }

    private static void count(Matcher m, Map<String, Integer> counts) {
        while (m.find()) {
            counts.merge(m.group(), 1, Integer::sum);
        }
    }

    private static void note(Map<String, Set<String>> articles, String name, String id) {
        articles.computeIfAbsent(name, k -> new HashSet<>()).add(id);
    }

    /** The folded words of a resource list; for first-name lists, the name before its gender letter. */
    private static Set<String> words(Path res, String file, boolean gendered) throws Exception {
        Set<String> out = new HashSet<>();
        for (String line : Files.readAllLines(res.resolve(file))) {
            if (!line.isBlank() && !line.startsWith("#")) {
                String w = line.strip();
                out.add(fold(gendered ? w.substring(0, w.lastIndexOf(' ')) : w));
            }
        }
        return out;
    }

    private static String fold(String s) {
        return NameForms.fold(s);
    }
}

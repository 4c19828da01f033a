package verbatim.analysis;

import org.apache.lucene.analysis.fr.FrenchAnalyzer;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Learns two names-only resources from corpus-fr with high-precision cues, leaving out every hand-labelled article
 * (labels*.json), so the samples that measure the extractor do not feed it:
 * <ul>
 * <li>{@code organisations-learned.txt}: names defined with their acronym in two articles or more, written with a
 * capital in mid-sentence ({@code l'Organisation mondiale de la santé (OMS)}: both names), acronyms an institution's name
 * defines once ({@code l'Agence nationale de … (ANSSI)}) when no thing defines them, they are seldom written without a
 * definition and are no word ({@code FACE}), and institution names
 * with lower-case words ({@code Chambre des communes}, {@code Haute autorité de santé}) that start with an
 * institution word capitalised in mid-sentence, in eight articles or more, and are not mostly the start of a longer
 * such name; names introduced by their kind ({@code la société X}, {@code le quotidien X}, {@code chez X},
 * {@code X, filiale de}, {@code l'institut de sondage X}) in three articles or more, or in two by two kinds of cue ({@code X a
 * annoncé} with {@code l'entreprise} near is one), unless mostly a common word, a surname, a product's name or the
 * start of a longer name; and organisation-word names ({@code Institut Montaigne}) the extractor's own rules find in five
 * articles or more; makers named between a feminine article and a model code ({@code la McLaren P1}) in three articles
 * or more, unless mostly after another capitalised word (a model) or a common word;</li>
 * <li>{@code acronyms-not-organisations.txt}: acronyms defined by lower-case words more often than by capitalised
 * ones ({@code projet de loi de finances (PLF)}, {@code équivalent temps plein (ETP)}): things, not organisations.</li>
 * </ul>
 * The few learned names that are still not organisations (read by hand) are listed in {@link #NOT_ORGANISATIONS}, so
 * a rerun gives the same files; its acronyms go to the things. Run from the repository after {@code ./mvnw -q test-compile package -DskipTests}:
 * <pre>
 * java -cp target/verbatim.jar:target/test-classes verbatim.analysis.LearnOrganisations ../shared/corpus-fr/articles.jsonl.gz [IDS_FILE...]
 * </pre>
 * Each IDS_FILE lists more article ids to leave out, one a line (a blind sample's, given apart). The names learned
 * by cue are also written to {@code target/organisations-cued.tsv} with what taught each, for reading them by hand.
 */
final class LearnOrganisations {
    private static final Path OUT = Path.of("src/main/resources/verbatim/analysis");
    private static final Set<String> SMALL = Set.of("de", "du", "des", "d", "la", "le", "les", "l", "et", "en", "pour", "sur",
            "a", "au", "aux", "the", "of", "and", "for", "contre", "dans");
    /** Words that start an institution's name when capitalised in mid-sentence. */
    private static final Set<String> HEADS = Set.of("cour", "securite", "surete", "conseil", "chambre", "autorite", "haute", "haut", "agence",
            "commission", "office", "institut", "observatoire", "comite", "direction", "caisse", "federation",
            "confederation", "union", "societe", "association", "syndicat", "ordre", "academie", "assemblee", "tribunal",
            "organisation", "banque", "ligue", "fondation", "mouvement", "parti", "front", "rassemblement", "secours",
            "centre", "etablissement", "inspection", "ecole", "universite", "ministere", "secretariat", "mutualite",
            "fonds", "programme", "collectif", "groupement", "conference", "cercle", "reseau", "brigade", "police",
            "gendarmerie", "parquet", "prefecture", "mairie", "defenseur", "controleur", "mediateur");
    /** Learned by the cues but not organisations (read by hand): things, events, places, wrong spans. */
    private static final Set<String> NOT_ORGANISATIONS = Set.of("abt engine control", "active air management system",
            "centre de prevention", "centre hospitalier", "commission d enquete", "commission electorale",
            "conseil d etat et a la cour de cassation", "conseil de defense", "conseil des ministres", "conseil municipal",
            "conseil economique", "consumer electronics show", "coupe d afrique des nations", "cour de cassation considere",
            "directeur general de la sante", "directrice departementale de la securite publique", "dynamic ride control",
            "espace economique europeen", "haut commissaire", "institut de recherche", "caisse d assurance",
            "journee nationale de l audition", "light speed transmission", "ligue des champions", "livre des origines francais",
            "livre officiel des origines felines", "mclaren track telemetry", "north american international auto show",
            "ordre national du merite", "parcours emploi competences", "politique agricole commune",
            "porsche active suspension management", "porsche ceramic composite brake", "porsche communication management",
            "porsche dynamic chassis control", "porsche surface coated brake", "porsche torque vectoring",
            "porsche traction management", "racketeer influenced and corrupt organizations act",
            "republique democratique du congo", "seamless shift gearbox", "service du travail obligatoire",
            "touche pas a mon poste", "union sovietique", "urban air mobility", "zone economique exclusive",
            "bulletin officiel de la securite sociale", "bulletin epidemiologique hebdomadaire", "journal officiel",
            "journal officiel de l union europeenne", "centre national de reference", "chambre haute", "banque centrale",
            "conseil legislatif", "musee enzo ferrari", "parc national des galapagos", "rencontre des entrepreneurs de france",
            "fichier des signalements pour la prevention de la radicalisation a caractere terroriste",
            "fichier des signalements pour la prevention et la radicalisation a caractere terroriste",
            "br", "gt", "jo", "can", "cat", "ces", "fast", "boss", "pc", "pac", "sto", "lst", "pasm", "pccb", "pcm", "pdcc",
            "pscb", "ptm", "ptv", "mtt", "ssg", "uam", "rico", "zee", "eee", "lof", "loof", "beh", "joue", "ge", "rt", "iss",
            "mai", "ref", "naias", "rdc", "aams", "pec", "ja", "hi", "tpmp", "fsprt", "mctc", "mtc", "cni", "snu", "pp",
            "chu", // "le CHU de Nantes": a kind of hospital
            "chi", // a magazine's name, and mostly "Ho Chi Minh", "Taï Chi"
            // cued or found by the rules, and still no organisation's name: bands ("le groupe Pink Floyd"), auction houses
            // cut at their "'s" ("chez Christie's"), a minister's or a speaker's name after their body, a group named after
            // its leader, a council of any professional order
            "pnl", "pink floyd", "christie", "sotheby", "communication ammar belhimer", "parlement nabih berri",
            "communication management", "group classic", "rm sotheby", "abou nidal", "conseil de l ordre",
            // before model codes, and still no maker: kinds and models of car ("la Supercar BT62", "la Carrera GT");
            // after "Sécurité", the start of a longer name ("Direction générale de la Sécurité intérieure") or a policy
            "sante publique", // of "Santé publique France"
            // after this session's labels left out, defined as things once more than as organisations; a city
            "plf", "ae", "stuttgart",
            "supercar", "hypercar", "carrera", "monza", "securite interieure", "securite nationale", "securite publique");
    /** Lower-case words that start the name of a local or administrative body ("caisse primaire d'assurance maladie (CPAM)"). */
    private static final Set<String> BODIES = Set.of("maison", "service", "mission", "caisse", "centre", "agence", "chambre",
            "direction", "tribunal", "cour", "conseil", "commission", "office", "union", "federation", "syndicat",
            "association", "etablissement", "institut", "ecole", "universite", "parquet", "prefecture", "brigade", "section",
            "groupement", "fonds", "autorite", "haute", "haut", "comite", "observatoire", "parti", "ligue", "banque");

    /**
     * Lower-case words naming an organisation's kind right before its name ("la société Valeo", "l'opérateur Free",
     * "le quotidien britannique The Guardian"): the capitalised name after one, with its article before, is cued.
     */
    private static final Set<String> CUES = Set.of("societe", "groupe", "entreprise", "marque", "constructeur", "operateur",
            "banque", "journal", "quotidien", "magazine", "hebdomadaire", "mensuel", "chaine", "parti", "association",
            "syndicat", "startup", "assureur", "enseigne", "editeur", "fabricant", "laboratoire", "cabinet", "compagnie",
            "firme", "equipementier", "distributeur", "geant", "specialiste", "fournisseur", "sous traitant", "filiale",
            "holding", "avionneur", "motoriste", "industriel", "transporteur", "loueur", "fonds", "reseau", "agence", "studio",
            // kinds of media, clubs, teams, NGOs and trades that name an organisation the same way
            "club", "ong", "organisation", "radio", "media", "hebdo", "tabloid", "ecurie", "preparateur", "carrossier",
            "concessionnaire", "multinationale", "conglomerat", "detaillant", "mutuelle", "label", "collectif", "institut",
            "maison", "developpeur");
    /** Cues that may take "de" and a lower-case word before the name ("l'institut de sondage X", "la maison de ventes X"). */
    private static final Set<String> CUES_WITH_DE = Set.of("societe", "institut", "maison", "agence", "cabinet", "chaine",
            "fonds", "compagnie", "reseau", "banque", "fabricant", "editeur", "specialiste", "geant", "entreprise");
    private static final Set<String> ARTICLES = Set.of("le", "la", "l", "du", "au", "les", "des", "aux");
    /** Words before a product's name ("le smartphone X", "l'application X"): a name mostly after them is a product. */
    private static final Set<String> PRODUCTS = Set.of("smartphone", "smartphones", "application", "applications", "appli",
            "logiciel", "modele", "voiture", "vehicule", "jeu", "serie", "film", "emission", "console", "tablette", "montre",
            "outil", "navigateur", "assistant", "robot", "puce", "processeur", "programme", "album", "titre", "spectacle",
            "festival", "systeme", "fonctionnalite", "service", "modeles", "berline", "citadine", "suv", "moteur", "chatbot",
            "messagerie", "plateforme", "telephone", "ordinateur", "casque", "livre", "roman", "personnage", "concours", "prix");
    /** name → articles where a cue names it, per cue word ("chez" and "filiale" for "chez X" and "X, filiale de") */
    private final Map<String, Map<String, Integer>> cued = new HashMap<>();
    /** name → articles where some cue names it */
    private final Map<String, Integer> cuedArticles = new HashMap<>();
    /** single capitalised word → articles where it follows a first name ("Vincent Bolloré"): then also a surname */
    private final Map<String, Integer> surname = new HashMap<>();
    /** name → articles where a product word comes right before it */
    private final Map<String, Integer> product = new HashMap<>();
    /** cued name → articles where a lower-case word follows it, by that word ("le syndicat Force ouvrière") */
    private final Map<String, Map<String, Integer>> cuedThen = new HashMap<>();
    /** folded word → articles where it is written in lower case ("public", "people"): a common word, no one's name */
    private final Map<String, Integer> lowerCase = new HashMap<>();
    /** capitalised word → articles where an article and it come before a model code ("la McLaren P1", "une Alpine A110") */
    private final Map<String, Integer> make = new HashMap<>();
    /** capitalised word → articles where it is written with a capital, and where it follows another capitalised word */
    private final Map<String, Integer> capitalised = new HashMap<>();
    private final Map<String, Integer> afterCapital = new HashMap<>();
    /** organisation-word names the extractor's own rules find ("Fondation Abbé Pierre"), by articles */
    private final Map<String, Integer> ruleNames = new HashMap<>();
    private final MentionExtractor extractor = new MentionExtractor();

    private final Set<String> stop = new HashSet<>();
    private final Map<String, Integer> definedAsOrg = new HashMap<>();
    private final Map<String, Integer> definedAsThing = new HashMap<>();
    /** acronym → articles where an institution's name defines it ("l'Agence nationale de … (ANSSI)") */
    private final Map<String, Integer> definedByHead = new HashMap<>();
    /** acronym → articles where it is written */
    private final Map<String, Integer> acronymUses = new HashMap<>();
    /** folded full name → acronym it defines, and the number of articles */
    private final Map<String, Map<String, Integer>> fullNames = new HashMap<>();
    private final Map<String, Map<String, Integer>> forms = new HashMap<>();
    private final Map<String, Integer> spans = new HashMap<>();
    /** articles where a span is followed by "de", "du", "des", "pour": it is then the start of some longer name */
    private final Map<String, Integer> continued = new HashMap<>();
    private static final Set<String> OPENERS = Set.of("de", "du", "des", "d", "pour", "contre", "sur");
    /** Lower-case words that end a name: verbs, adverbs, days and months that follow names often. */
    private static final Set<String> NOT_IN_NAMES = Set.of("est", "sont", "ont", "avait", "etait", "sera", "va", "doit", "peut",
            "veut", "lors", "depuis", "apres", "avant", "selon", "mais", "lundi", "mardi", "mercredi", "jeudi", "vendredi",
            "samedi", "dimanche", "janvier", "fevrier", "mars", "avril", "mai", "juin", "juillet", "aout", "septembre",
            "octobre", "novembre", "decembre", "dont", "ou", "afin", "ainsi", "aussi", "encore", "deja", "toujours");

    public static void main(String[] args) throws Exception {
        Path corpus = LearningCorpus.path(args);
        Set<String> labelled = LearningCorpus.leftOut(args); // files of more ids to leave out: a blind sample's
        LearnOrganisations learn = new LearnOrganisations();
        for (Object w : FrenchAnalyzer.getDefaultStopSet()) {
            learn.stop.add(NameForms.fold(new String((char[]) w)));
        }
        int n = LearningCorpus.forEach(corpus, labelled, (id, o) -> {
            learn.article(new Tokens(o.path("text").asText("")));
            learn.ruleNames(o.path("title").asText(""), o.path("text").asText(""));
        });
        learn.write(n, labelled.size());
    }

    private void article(Tokens t) {
        Set<String> seen = new HashSet<>();
        for (int i = 1; i + 2 < t.size; i++) {
            if (t.punct(i, '(') && t.punct(i + 2, ')') && t.cap(i + 1) && t.word[i + 1].length() >= 2
                    && t.word[i + 1].length() <= 8 && Character.isUpperCase(t.word[i + 1].charAt(t.word[i + 1].length() - 1))) {
                definition(t, i, seen);
            }
            if (t.isWord[i] && t.word[i].length() >= 2 && t.word[i].length() <= 8 && t.word[i].equals(t.word[i].toUpperCase())
                    && Character.isLetter(t.word[i].charAt(0)) && seen.add("uses " + t.word[i])) {
                acronymUses.merge(t.word[i], 1, Integer::sum);
            }
            if (t.cap(i) && HEADS.contains(t.f(i)) && !t.sentenceStart(i)) {
                institution(t, i, seen);
            }
            cued(t, i, seen);
        }
    }

    /** The name a cue introduces at token i, if any: "la société X", "chez X", "X, filiale de"; and surnames, products. */
    private void cued(Tokens t, int i, Set<String> seen) {
        if (!t.isWord[i]) {
            if (t.punct(i, ',') && t.is(i + 1, "filiale") && (t.is(i + 2, "de") || t.is(i + 2, "du") || t.is(i + 2, "d'"))) {
                int a = i - 1;
                while (a > 0 && a > i - 4 && t.cap(a - 1) && t.isWord[a - 1]) {
                    a--;
                }
                if (a < i && t.cap(a) && t.isWord[a] && !t.cap(a - 1)) {
                    addCued(t, a, i - 1, "filiale", seen);
                }
            }
            return;
        }
        String f = t.f(i);
        if (!t.cap(i) && seen.add("lower " + f)) {
            lowerCase.merge(f, 1, Integer::sum);
        }
        leaderOf(t, i, f, seen);
        deedBy(t, i, f, seen);
        if (t.cap(i)) {
            if (!t.cap(i - 1) && i > 0 && PRODUCTS.contains(t.f(i - 1))) { // "le smartphone Galaxy S", every prefix
                StringBuilder key = new StringBuilder();
                for (int k = i; k < t.size && k <= i + 3 && t.isWord[k] && t.cap(k); k++) {
                    key.append(key.isEmpty() ? "" : " ").append(t.f(k));
                    if (seen.add("product " + key)) {
                        product.merge(key.toString(), 1, Integer::sum);
                    }
                }
            }
            makeBeforeCode(t, i, seen);
            if (t.cap(i - 1) && Lexicon.FIRST_NAMES.containsKey(t.f(i - 1)) && !t.cap(i + 1) && seen.add("surname " + f)) {
                surname.merge(f, 1, Integer::sum);
            }
            return;
        }
        boolean chez = t.is(i, "chez");
        boolean cue = !t.cap(i) && (CUES.contains(f) || f.equals("start up")) && i > 0 && ARTICLES.contains(t.f(i - 1));
        if (!chez && !cue) {
            return;
        }
        int n = i + 1;
        if (cue && CUES_WITH_DE.contains(f) && (t.is(n, "de") || t.is(n, "d'") || t.is(n, "d’")) && n + 1 < t.size
                && t.isWord[n + 1] && !t.cap(n + 1) && !stop.contains(t.f(n + 1)) && !SMALL.contains(t.f(n + 1))) {
            n += 2; // "l'institut de sondage X", "la chaîne de télévision X": the kind's complement, then the name
        }
        // "le constructeur automobile X", "le quotidien britannique The Guardian": up to two lower-case words between
        int last = n == i + 1 ? i + 2 : n; // after a complement, one adjective ("la chaîne de télévision américaine X")
        while (cue && n < t.size && n <= last && t.isWord[n] && !t.cap(n) && !stop.contains(t.f(n)) && !SMALL.contains(t.f(n))
                && !Character.isDigit(t.f(n).charAt(0))) {
            n++;
        }
        if (!t.cap(n) || !t.isWord[n]) {
            return;
        }
        int e = n;
        while (e + 1 < t.size && e + 1 <= n + 3 && t.isWord[e + 1] && t.cap(e + 1)
                && !(Lexicon.FIRST_NAMES.containsKey(t.f(e + 1)) && t.cap(e + 2))) { // "la chaîne MSNBC Joe Scarborough"
            e++;
        }
        if (e + 1 < t.size && t.isWord[e + 1] && t.cap(e + 1)) {
            return; // more than four capitalised words: a title, not a name
        }
        String key = addCued(t, n, e, chez ? "chez" : f.equals("start up") ? "startup" : f, seen);
        if (key != null && e + 1 < t.size && t.isWord[e + 1] && !t.cap(e + 1) && seen.add("then " + key)) {
            cuedThen.computeIfAbsent(key, k -> new HashMap<>()).merge(t.f(e + 1), 1, Integer::sum);
            String longer = t.span(n, e + 1).replace('\n', ' ');
            forms.computeIfAbsent(NameForms.fold(longer), k -> new HashMap<>()).merge(longer, 1, Integer::sum);
        }
    }

    /** "le PDG de X", "la fondatrice de X", "directeur général de X": the capitalised name after a company's head is cued. */
    private void leaderOf(Tokens t, int i, String f, Set<String> seen) {
        boolean leader = LEADERS.contains(f) || (f.equals("general") || f.equals("generale"))
                && (t.is(i - 1, "directeur") || t.is(i - 1, "directrice"));
        if (!leader || !(t.is(i + 1, "de") || t.is(i + 1, "d'") || t.is(i + 1, "d’"))) {
            return;
        }
        int n = i + 2;
        if (!t.cap(n) || !t.isWord[n]) {
            return;
        }
        int e = n;
        while (e + 1 < t.size && e + 1 <= n + 3 && t.isWord[e + 1] && t.cap(e + 1) && !Lexicon.FIRST_NAMES.containsKey(t.f(e + 1))) {
            e++;
        }
        if (!(e + 1 < t.size && t.isWord[e + 1] && t.cap(e + 1))) {
            addCued(t, n, e, "dirige", seen);
        }
    }

    /** "X a annoncé", "X a racheté": the capitalised name before a company's deed is cued (half: people announce too). */
    private void deedBy(Tokens t, int i, String f, Set<String> seen) {
        if (!t.is(i, "a") || !DEEDS.contains(t.f(i + 1)) || !t.cap(i - 1) || !t.isWord[i - 1]) {
            return;
        }
        int a = i - 1;
        while (a > 0 && a > i - 4 && t.isWord[a - 1] && t.cap(a - 1)) {
            a--;
        }
        if (a > 0 && t.isWord[a - 1] && t.cap(a - 1)) {
            return; // more than four capitalised words: a title, not a name
        }
        if (a < i - 1 && ARTICLES.contains(t.f(a))) {
            a++; // "L'Australie a annoncé": the name without its article, so a place is known as one
        }
        for (int k = a; k < i; k++) {
            if (Lexicon.FIRST_NAMES.containsKey(t.f(k))) {
                return; // "le ministre de la Santé Agnès Buzyn a annoncé": a person
            }
        }
        if (!Lexicon.PLACES.contains(t.f(a))) {
            addCued(t, a, i - 1, companyNear(t, i) ? "deed" : "annonce", seen);
        }
    }

    /**
     * Whether a company's kind ("l'entreprise", "la société", "le constructeur") is written within 30 words of token i: then
     * the deed is a second kind of cue, never one alone (a maker's town does the deed too: "Ingolstadt a dévoilé").
     */
    private static boolean companyNear(Tokens t, int i) {
        for (int k = Math.max(1, i - 30); k < t.size && k <= i + 30; k++) {
            if (t.isWord[k] && !t.cap(k) && COMPANY_KINDS.contains(t.f(k)) && ARTICLES.contains(t.f(k - 1))) {
                return true;
            }
        }
        return false;
    }

    private static final Set<String> COMPANY_KINDS = Set.of("entreprise", "societe", "groupe", "firme", "start up", "startup",
            "constructeur", "fabricant", "editeur", "equipementier", "enseigne", "marque");

    /** Heads of a company, before "de X". */
    private static final Set<String> LEADERS = Set.of("pdg", "ceo", "patron", "patronne", "fondateur", "fondatrice", "cofondateur",
            "cofondatrice", "co fondateur", "co fondatrice");
    /** What a company does, after "X a": announces, unveils, buys, sells, hires, launches, markets. */
    private static final Set<String> DEEDS = Set.of("annonce", "devoile", "rachete", "commercialise", "lance", "cede", "recrute",
            "leve", "acquis", "investi");
    /** Cues that also introduce people and places: they count half. */
    private static final Set<String> HALF_CUES = Set.of("chez", "annonce", "deed");

    /**
     * "la McLaren P1", "une Alpine A110", "les Boeing 737": a capitalised word between an article and a model code (digits)
     * is a maker's name; one that mostly follows another capitalised word is a model ("la Ford Mustang GT500").
     */
    private void makeBeforeCode(Tokens t, int i, Set<String> seen) {
        String f = t.f(i);
        if (seen.add("capital " + f)) {
            capitalised.merge(f, 1, Integer::sum);
        }
        if (t.cap(i - 1) && t.isWord[i - 1] && !t.sentenceStart(i - 1) && seen.add("after capital " + f)) {
            afterCapital.merge(f, 1, Integer::sum);
        }
        if (i + 1 < t.size && t.isWord[i + 1] && i > 0 && MAKE_ARTICLES.contains(t.lower(i - 1)) && code(t.word[i + 1])
                && allLetters(t.word[i]) && seen.add("make " + f)) {
            make.merge(f, 1, Integer::sum);
            forms.computeIfAbsent(f, k -> new HashMap<>()).merge(t.word[i], 1, Integer::sum);
        }
    }

    /** Feminine singulars, as a car is: "les César 2019", "des Molières 2020" are awards. */
    private static final Set<String> MAKE_ARTICLES = Set.of("la", "une", "sa", "cette", "leur", "nouvelle");

    /** "P1", "A110", "911", "M440i", "DMC-12": a model code, with a digit, short. */
    private static boolean code(String w) {
        return w.length() <= 8 && w.chars().anyMatch(Character::isDigit) && w.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '-');
    }

    private static boolean allLetters(String w) {
        // not an acronym: "la COP 25", "la CSI 93" are events and units, and a make's acronym is known already (BMW)
        return w.length() >= 3 && w.chars().allMatch(c -> Character.isLetter(c) || c == '-') && !w.equals(w.toUpperCase());
    }

    /** A maker named before model codes in this many articles at least, and rarely after another capitalised word. */
    private String makeName(String key) {
        int n = make.getOrDefault(key, 0);
        if (n < MAKE_ARTICLES_MIN || afterCapital.getOrDefault(key, 0) * 3 > capitalised.getOrDefault(key, 0)
                || lowerCase.getOrDefault(key, 0) >= n || Lexicon.FIRST_NAMES.containsKey(key) && n < 10
                || Lexicon.ORG_PLACES.contains(key) || Lexicon.NOT_ENTITIES.contains(key) || Lexicon.ROLE_WORDS.contains(key)
                || Lexicon.EVENT_WORDS.contains(key) || Lexicon.ORG_WORDS.contains(key) || stop.contains(key)
                || PRODUCTS.contains(key) || handMade(key)) {
            return null;
        }
        return "make";
    }

    private static final int MAKE_ARTICLES_MIN = 3;

    /** Counts a cued name once per article and cue; its key, or null when already counted. */
    private String addCued(Tokens t, int a, int b, String cue, Set<String> seen) {
        String name = t.span(a, b).replace('\n', ' ');
        String key = NameForms.fold(name);
        if (key.isEmpty() || !seen.add("cued " + cue + " " + key)) {
            return null;
        }
        cued.computeIfAbsent(key, k -> new HashMap<>()).merge(cue, 1, Integer::sum);
        if (seen.add("cued in " + key)) {
            cuedArticles.merge(key, 1, Integer::sum);
        }
        forms.computeIfAbsent(key, k -> new HashMap<>()).merge(name, 1, Integer::sum);
        return key;
    }

    /** The names with an organisation word that the extractor's own rules find in the article ("Fondation Abbé Pierre"). */
    private void ruleNames(String title, String text) {
        Set<String> seen = new HashSet<>();
        for (Company c : extractor.extract(title, text).companies()) {
            String key = NameForms.fold(c.name());
            String[] w = key.split(" ");
            if (w.length >= 2 && Character.isUpperCase(c.name().charAt(0)) && Lexicon.ORG_WORDS.contains(w[0])
                    && capitalisedWithoutPeople(c.name()) && !handMade(key) && seen.add(key)) {
                ruleNames.merge(key, 1, Integer::sum);
                forms.computeIfAbsent(key, k -> new HashMap<>()).merge(c.name(), 1, Integer::sum);
            }
        }
    }

    /** "Organisation mondiale de la santé (OMS)": the shortest run of words before the parenthesis whose initials spell it. */
    private void definition(Tokens t, int paren, Set<String> seen) {
        String acronym = t.word[paren + 1];
        String letters = NameForms.fold(acronym).replace(" ", "");
        for (int a = paren - 1; a >= 0 && a >= paren - 12 && t.isWord[a]; a--) {
            // "la France insoumise (LFI)": an article before a capital counts as a word of the name
            boolean article = SMALL.contains(t.f(a)) && (t.is(a, "la") || t.is(a, "le") || t.is(a, "les") || t.is(a, "l'")) && t.cap(a + 1);
            if ((article || !SMALL.contains(t.f(a))) && spells(t, a, paren - 1, letters, article)) {
                boolean org = t.cap(a) || article;
                if (org && t.sentenceStart(a) || !org && BODIES.contains(t.f(a))) {
                    return; // a capital that says nothing, or a body written in lower case
                }
                if (seen.add((org ? "org " : "thing ") + letters)) {
                    (org ? definedAsOrg : definedAsThing).merge(acronym, 1, Integer::sum);
                    if (org && !article && HEADS.contains(t.f(a))) {
                        definedByHead.merge(acronym, 1, Integer::sum);
                    }
                }
                // the article stays ("La France insoumise"): "Républicains" alone is no party's name
                String name = t.span(a, paren - 1).replace('\n', ' ');
                name = Character.toUpperCase(name.charAt(0)) + name.substring(1);
                String key = NameForms.fold(name);
                if (org && seen.add("name " + key)) {
                    fullNames.computeIfAbsent(key, k -> new HashMap<>()).merge(acronym, 1, Integer::sum);
                    forms.computeIfAbsent(key, k -> new HashMap<>()).merge(name, 1, Integer::sum);
                }
                return;
            }
        }
    }

    /** Whether the initials of the content words a..b spell the letters, all of them, in order, from the first. */
    private boolean spells(Tokens t, int a, int b, String letters, boolean article) {
        StringBuilder initials = new StringBuilder();
        for (int k = a; k <= b; k++) {
            String f = t.f(k);
            if (!f.isEmpty() && (!SMALL.contains(f) || k == a && article)) {
                initials.append(f.charAt(0));
            }
        }
        return NameForms.spells(initials, letters);
    }

    /** Every run from an institution word over the words of a name, ending on a content word, with a lower-case word. */
    private void institution(Tokens t, int head, Set<String> seen) {
        boolean lower = false;
        for (int k = head + 1; k < t.size && k <= head + 8 && t.isWord[k]; k++) {
            String f = t.f(k);
            if (SMALL.contains(f) && !t.word[k].equals("a")) { // "a" is a verb, "à" a small word
                continue;
            }
            boolean capital = t.cap(k);
            if (stop.contains(f) || NOT_IN_NAMES.contains(f) || !capital && Character.isDigit(f.charAt(0))
                    || capital && lower && !SMALL.contains(t.f(k - 1)) // "Assemblée nationale François de Rugy"
                    || capital && t.is(k - 1, "et") || capital && t.is(k - 2, "et")) { // "Union européenne et le Canada"
                return;
            }
            lower |= !capital;
            if (lower) {
                String name = t.span(head, k).replace('\n', ' ');
                String key = NameForms.fold(name);
                if (seen.add("span " + key)) {
                    spans.merge(key, 1, Integer::sum);
                    forms.computeIfAbsent(key, x -> new HashMap<>()).merge(name, 1, Integer::sum);
                    if (k + 1 < t.size && t.isWord[k + 1] && OPENERS.contains(t.f(k + 1))) {
                        continued.merge(key, 1, Integer::sum);
                    }
                }
            }
        }
    }

    private void write(int articles, int labelled) throws Exception {
        Set<String> orgs = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        Set<String> things = new TreeSet<>();
        for (Map.Entry<String, Integer> e : definedAsOrg.entrySet()) {
            // in one article by an institution's name, when never defined as a thing, rarely written without a definition
            // ("l'Agence nationale de la sécurité des systèmes d'information (ANSSI)"; not "ADN", DNA far more often) and
            // no word ("FACE" is "Face", "face" elsewhere)
            String f = NameForms.fold(e.getKey());
            int uses = acronymUses.getOrDefault(e.getKey(), 0);
            boolean byHead = definedByHead.getOrDefault(e.getKey(), 0) >= 1 && !definedAsThing.containsKey(e.getKey())
                    && uses <= e.getValue() * 10 && !lowerCase.containsKey(f) && capitalised.getOrDefault(f, 0) <= uses * 2;
            if (e.getValue() >= 2 && e.getValue() > definedAsThing.getOrDefault(e.getKey(), 0) || byHead) {
                orgs.add(e.getKey());
            }
        }
        for (Map.Entry<String, Integer> e : definedAsThing.entrySet()) {
            if (e.getValue() >= 2 && e.getValue() >= definedAsOrg.getOrDefault(e.getKey(), 0)) {
                things.add(e.getKey());
            }
        }
        for (Map.Entry<String, Map<String, Integer>> e : fullNames.entrySet()) {
            int count = e.getValue().values().stream().mapToInt(Integer::intValue).sum();
            boolean acronymIsOrg = e.getValue().keySet().stream().anyMatch(orgs::contains);
            if (count >= 2 && acronymIsOrg) {
                orgs.add(form(e.getKey()));
            }
        }
        Map<String, Integer> longest = new HashMap<>(); // span → articles of its most frequent one-word-longer extension
        for (Map.Entry<String, Integer> e : spans.entrySet()) {
            if (e.getValue() >= 4) {
                longest.merge(shorter(e.getKey()), e.getValue(), Math::max);
            }
        }
        for (Map.Entry<String, Integer> e : spans.entrySet()) {
            // left out when mostly the start of a longer name ("Haute autorité" of "Haute autorité de santé")
            // and when followed by "de" or "pour" in 40 % of its articles ("Conseil national", "Office central de lutte")
            if (e.getValue() >= 8 && longest.getOrDefault(e.getKey(), 0) * 2 < e.getValue()
                    && continued.getOrDefault(e.getKey(), 0) * 5 < e.getValue() * 2) {
                orgs.add(form(e.getKey()));
            }
        }
        Map<String, String> learnedBy = new java.util.TreeMap<>(); // the new names, and what taught each one
        for (Map.Entry<String, Map<String, Integer>> e : cued.entrySet()) {
            String cue = cuedName(e.getKey(), e.getValue());
            if (cue != null && !handMade(e.getKey())) {
                learnedBy.put(form(e.getKey()), cue);
            }
            String longer = longerName(e.getKey(), e.getValue());
            if (longer != null && !handMade(longer)) {
                learnedBy.put(form(longer), e.getValue().keySet().iterator().next() + "+word");
            }
        }
        for (String key : make.keySet()) {
            if (makeName(key) != null) {
                learnedBy.putIfAbsent(form(key), "make");
            }
        }
        for (Map.Entry<String, Integer> e : ruleNames.entrySet()) {
            // not when it ends with a place: campuses and branches follow it ("Université de Californie Los Angeles")
            String last = e.getKey().substring(e.getKey().lastIndexOf(' ') + 1);
            if (e.getValue() >= RULE_ARTICLES && !Lexicon.NOT_ENTITIES.contains(e.getKey()) && !Lexicon.ORG_PLACES.contains(last)) {
                learnedBy.putIfAbsent(form(e.getKey()), "rules");
            }
        }
        learnedBy.keySet().removeIf(o -> NOT_ORGANISATIONS.contains(NameForms.fold(o)));
        orgs.addAll(learnedBy.keySet());
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(Path.of("target/organisations-candidates.tsv")))) {
            cued.forEach((key, byCue) -> w.println(byCue.values().stream().mapToInt(Integer::intValue).sum() + "\t" + key + "\t"
                    + byCue + " surname=" + surname.get(key) + " product=" + product.get(key) + " lower=" + lowerCase.get(key)
                    + " then=" + cuedThen.get(key) + " known=" + handMade(key) + " kept=" + cuedName(key, byCue)));
        }
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(Path.of("target/organisations-cued.tsv")))) {
            learnedBy.forEach((name, cue) -> w.println(cue + "\t" + name)); // for reading them by hand
        }
        for (String o : orgs) { // "Light Speed Transmission (LST)": an acronym read as no organisation is a thing
            if (o.indexOf(' ') < 0 && NOT_ORGANISATIONS.contains(NameForms.fold(o))) {
                things.add(o);
            }
        }
        orgs.removeIf(o -> NOT_ORGANISATIONS.contains(NameForms.fold(o)));
        things.removeIf(orgs::contains);
        String how = "# Learned from corpus-fr by src/test/java/verbatim/analysis/LearnOrganisations.java (rerun it to rebuild this\n"
                + "# file; " + articles + " articles, the " + labelled + " hand-labelled ones, blind samples included, left out). Names only.\n";
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(OUT.resolve("organisations-learned.txt")))) {
            w.print(how + "# Organisations: acronyms defined by capitalised names in two articles or more (\"Organisation mondiale de\n"
                    + "# la santé (OMS)\"), or once by an institution's name (\"Agence nationale de … (ANSSI)\") if never by a thing,\n"
                    + "# seldom written undefined and no word; those names, and institution names with lower-case words in eight articles or more.\n"
                    + "# And names introduced by an organisation's kind, in " + CUED_ARTICLES + " articles or more (\"la société X\", \"le groupe X\",\n"
                    + "# \"l'opérateur X\", \"le quotidien X\", \"le parti X\", \"l'institut de sondage X\", \"X, filiale de\"; \"chez X\" counts half),\n"
                    + "# or in two articles by two kinds of cue (\"X a annoncé\" with \"l'entreprise\" near is one), with the lower-case\n"
                    + "# word that follows them in most of those articles (\"le syndicat Force ouvrière\"), left out when\n"
                    + "# a first name, a place, a month, a role, a surname more often than cued, or a product more often than cued\n"
                    + "# (\"l'application X\"); and names opening with an organisation word (\"Fondation X\") that the extractor's\n"
                    + "# own rules find in " + RULE_ARTICLES + " articles or more (so a rerun can add a few more); and makers named\n"
                    + "# between a feminine article and a model code (\"la McLaren P1\", \"une Jaguar XK120\") in " + MAKE_ARTICLES_MIN + " articles or more,\n"
                    + "# rarely after another capitalised word (a model: \"la Ford Mustang GT500\").\n");
            orgs.forEach(w::println);
        }
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(OUT.resolve("acronyms-not-organisations.txt")))) {
            w.print(how + "# Acronyms defined by lower-case words at least as often as by capitalised names, in two articles or\n"
                    + "# more (\"projet de loi de finances (PLF)\"): things, not organisations.\n");
            things.forEach(w::println);
        }
        System.out.println(orgs.size() + " organisations, " + things.size() + " acronyms of things");
    }

    /**
     * "Institut Montaigne", "Conseil de l'Europe": every word but the small ones capitalised (a name with lower-case words
     * is the institutions' rule's, which checks it is no start of a longer one), no first name, no digit.
     */
    private static boolean capitalisedWithoutPeople(String name) {
        String[] words = name.split("[ '’]+");
        for (int k = 1; k < words.length; k++) {
            String f = NameForms.fold(words[k]);
            if (f.isEmpty() || !SMALL.contains(f) && (!Character.isUpperCase(words[k].charAt(0)) || Lexicon.FIRST_NAMES.containsKey(f)
                    || Character.isDigit(words[k].charAt(0)) || words[k].length() < 2)) {
                return false;
            }
        }
        return !SMALL.contains(NameForms.fold(words[words.length - 1]));
    }

    /**
     * "le syndicat Force ouvrière", "l'hebdomadaire Valeurs actuelles": the cued capitalised words and the lower-case
     * word that follows them in most of their articles (three at least) make the name; null if there is none.
     */
    private String longerName(String key, Map<String, Integer> byCue) {
        int cuedIn = byCue.values().stream().mapToInt(Integer::intValue).sum() - HALF_CUES.stream().mapToInt(c -> byCue.getOrDefault(c, 0)).sum();
        for (Map.Entry<String, Integer> e : cuedThen.getOrDefault(key, Map.of()).entrySet()) {
            String word = e.getKey();
            if (e.getValue() * 2 > cuedIn && e.getValue() >= CUED_ARTICLES && !stop.contains(word) && !SMALL.contains(word)
                    && !NOT_IN_NAMES.contains(word) && !FOREIGN_SMALL.contains(word) && !Character.isDigit(word.charAt(0)) && !Lexicon.FIRST_NAMES.containsKey(key.split(" ")[0])
                    && !Lexicon.ORG_PLACES.contains(key)) {
                return key + " " + word;
            }
        }
        return null;
    }

    /**
     * Whether the hand-made list has the name. Not {@link Lexicon#KNOWN_ORGANISATIONS}: it holds this learner's last
     * output, and a rerun must give the same file.
     */
    private static boolean handMade(String key) {
        return Lexicon.ORGANISATIONS.contains(key);
    }

    /** Small words that go on with a name ("La Voix du Nord", "Debout la France", "La République en marche"). */
    private static final Set<String> CONTINUING = Set.of("de", "du", "des", "d", "la", "le", "les", "l", "en", "au", "aux",
            "pour", "of");

    /** Small words of other languages inside names ("Corriere della Sera"): a name does not end on one. */
    private static final Set<String> FOREIGN_SMALL = Set.of("della", "delle", "dello", "del", "di", "da", "der", "die", "das",
            "von", "van", "y", "e", "do", "dos");

    /** Cued in this many articles at least ("chez X" counts half: it also introduces people and places). */
    private static final int CUED_ARTICLES = 3;
    /** Organisation-word names found by the extractor's rules in this many articles at least. */
    private static final int RULE_ARTICLES = 5;

    /** The cue that taught a cued name most often, or null when it is too rare, or no organisation's name alone. */
    private String cuedName(String key, Map<String, Integer> byCue) {
        int chez = HALF_CUES.stream().mapToInt(c -> byCue.getOrDefault(c, 0)).sum();
        int others = byCue.values().stream().mapToInt(Integer::intValue).sum() - chez;
        String[] w = key.split(" ");
        if (w.length > 1 && Set.of("the", "le", "la", "les", "l").contains(w[0])
                && handMade(key.substring(w[0].length() + 1))) {
            return null; // "le quotidien The New York Times": the "New York Times" known already
        }
        // "l'hebdomadaire Marianne", "le journal Charlie Hebdo": a first name opens a name cued often, and not by words
        // that also introduce people ("chez Robert Laffont", "le parti de Laurent Wauquiez")
        int personCues = chez + byCue.getOrDefault("parti", 0) + byCue.getOrDefault("groupe", 0);
        boolean firstName = Lexicon.FIRST_NAMES.containsKey(w[0]) && (others + chez < 10 || personCues * 5 > others + chez);
        // two articles are enough when two kinds of cue agree ("le constructeur X" here, "la marque X" there)
        long kinds = byCue.entrySet().stream().filter(e -> !e.getKey().equals("chez") && !e.getKey().equals("annonce")).count();
        boolean twoCues = kinds >= 2 && cuedArticles.getOrDefault(key, 0) >= 2;
        if (others * 2 + chez < CUED_ARTICLES * 2 && !twoCues || key.length() < 2 || firstName
                || Lexicon.LEARNED_PEOPLE.contains(key)
                || Lexicon.ORG_PLACES.contains(key) || Lexicon.NOT_ENTITIES.contains(key) || Lexicon.ROLE_WORDS.contains(key)
                || Lexicon.EVENT_WORDS.contains(key) || Lexicon.ORG_WORDS.contains(key) || Lexicon.ACRONYMS_OF_THINGS.contains(key)
                || stop.contains(key) || SMALL.contains(key) || NOT_IN_NAMES.contains(key) || CUES.contains(key)
                || PRODUCTS.contains(w[w.length - 1]) || Character.isDigit(key.charAt(0))
                || surname.getOrDefault(key, 0) > others + chez // "le groupe Bolloré", but "Vincent Bolloré" more often
                || product.getOrDefault(key, 0) >= others + chez // "l'application Waze": a product's cues
                || w.length == 1 && lowerCase.getOrDefault(key, 0) >= others + chez) { // "le magazine Voici": a common word
            return null;
        }
        // "le syndicat Force ouvrière", "la Voix du Nord": mostly followed by a lower-case word, the start of a longer name
        Map<String, Integer> then = cuedThen.getOrDefault(key, Map.of());
        // not "a" nor "et": "le groupe CRCE a demandé", "le groupe Renault et Nissan" end the name
        int small = then.entrySet().stream().filter(e -> CONTINUING.contains(e.getKey())).mapToInt(Map.Entry::getValue).sum();
        int same = then.entrySet().stream().filter(e -> !stop.contains(e.getKey())).mapToInt(Map.Entry::getValue).max().orElse(0);
        if (small * 5 >= (others + chez) * 2 || same * 2 >= others + chez) {
            return null;
        }
        return byCue.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
    }

    /** The span without its last word and the small words before it. */
    private static String shorter(String key) {
        String[] w = key.split(" ");
        int n = w.length - 1;
        while (n > 1 && SMALL.contains(w[n - 1])) {
            n--;
        }
        return String.join(" ", java.util.Arrays.copyOf(w, n));
    }

    private String form(String key) {
        List<Map.Entry<String, Integer>> f = new ArrayList<>(forms.get(key).entrySet());
        f.sort((a, b) -> b.getValue() - a.getValue());
        return f.get(0).getKey();
    }
}

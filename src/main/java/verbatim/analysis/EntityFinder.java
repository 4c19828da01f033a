package verbatim.analysis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds the people and organisations of one text. People need evidence beyond capitalisation: a known first name
 * followed by a surname, or for unknown first names a context cue (an affiliation in parentheses, a role after a
 * comma, a speech verb, {@code selon}). Organisations need a gazetteer entry, an organisation word
 * ({@code Association}, {@code Group}), an internal capital ({@code DearMedia}), an acronym definition or a cue
 * ({@code chez X}, {@code CEO de X}, {@code la société X}). Capitalised words at the start of sentences thus never
 * qualify on their own.
 */
final class EntityFinder {

    static final class Person {
        String name;
        String key;
        String org;
        String role;
        char gender = 'u';
        /** Named by a title and a surname only ("M. Singh"): a fuller form elsewhere in the text may complete it. */
        boolean titledSurname;
        final Set<String> aliases = new LinkedHashSet<>();
    }

    static final class Org {
        String name;
        String key;
        final Set<String> aliases = new LinkedHashSet<>();
    }

    /** A place in the text naming a person: {@code person} indexes {@link #people}. */
    record Mention(int start, int end, int person) {
    }

    private static final Set<String> FUNCTION_WORDS = Lexicon.set(List.of("le", "la", "les", "l", "un", "une", "des", "du", "de", "d",
            "ce", "cet", "cette", "ces", "selon", "pour", "chez", "dans", "en", "et", "mais", "avec", "sur", "par",
            "apres", "avant", "depuis", "comme", "si", "quand", "a", "au", "aux", "son", "sa", "ses", "notre", "nos",
            "votre", "vos", "leur", "leurs", "il", "elle", "ils", "elles", "on", "nous", "vous", "je", "tu", "ou",
            "tout", "tous", "toute", "toutes", "quel", "quelle", "quels", "quelles", "merci", "bravo", "bref", "enfin",
            "the", "an", "how", "what", "why", "when", "where", "of", "and", "in", "on", "for", "to", "with", "at", "by", "ici", "voici", "voila",
            "lors", "entre", "vers", "sans", "sous", "via", "puis", "alors", "donc", "or", "ni", "car", "ne", "pas"));
    private static final Set<String> CONNECTORS = Lexicon.set(List.of("of", "the", "and", "&", "to", "for", "de", "du", "des", "d'",
            "la", "le", "l'", "on", "in"));
    private static final Set<String> PARTICLES = Lexicon.set(List.of("de", "du", "van", "von", "le", "la", "el", "da", "di", "d'",
            "ben", "al", "der", "den", "mc", "st"));
    private static final Set<String> ORG_NOUNS = Lexicon.set(List.of("societe", "groupe", "agence", "marque", "start", "startup",
            "entreprise", "cabinet", "association", "syndicat", "editeur", "operateur", "constructeur", "enseigne",
            "distributeur", "journal", "quotidien", "magazine", "hebdomadaire", "mensuel", "chaine", "radio", "media",
            "banque", "assureur", "geant", "fonds", "institut", "plateforme", "leader", "specialiste", "parti",
            "ministere", "ong", "federation", "compagnie", "firme", "laboratoire", "club", "studio", "equipementier",
            "fabricant", "fournisseur", "filiale", "concurrent", "rival", "chez", "annonceur", "incubateur", "collectif",
            "mutuelle", "ecole", "universite", "reseau", "label", "cooperative", "fondation", "organisme", "regie",
            "transporteur", "editions", "maison", "site", "application", "appli", "service", "jeune", "organisation", "revue"));
    private static final Set<String> SPEECH_AFTER = Lexicon.set(List.of("explique", "a", "affirme", "estime", "souligne", "ajoute",
            "precise", "confie", "declare", "raconte", "indique", "assure", "rappelle", "annonce", "observe", "note",
            "reconnait", "insiste", "poursuit", "temoigne", "juge", "considere", "analyse", "detaille", "commente",
            "constate", "nous", "s", "se", "avait", "aurait", "dit", "lance", "pense", "martele", "conclut", "confirme",
            "regrette", "deplore", "previent", "repond", "plaide", "tranche", "ironise", "resume", "admet", "souhaite"));
    private static final Set<String> FOUNDING_VERBS = Lexicon.set(List.of("lancer", "lance", "fonde", "fondee", "cofonde", "dirige",
            "preside", "travaille", "rejoint", "cree", "creee", "dirigeait", "lancee", "fondateur", "fondatrice"));
    private static final Set<String> PRESENTED_BY = Lexicon.set(List.of("presentation", "presentations", "intervention",
            "rachat", "acquisition", "filiale", "concurrent", "clients", "client", "partenaire"));
    private static final Set<String> SHARE_WORDS = Lexicon.set(List.of("share", "partager", "partagez", "tweet", "tweeter", "pin",
            "email", "imprimer", "retrouvez", "suivez", "rejoignez", "abonnez", "like", "likez"));
    /** Lower-case adjectives that belong to an organisation's name right after its organisation word. */
    private static final Set<String> ORG_ADJECTIVES = Lexicon.set(List.of("francais", "francaise", "europeen", "europeenne",
            "national", "nationale", "international", "internationale", "mondial", "mondiale", "communiste", "socialiste",
            "ecologiste", "general", "generale", "superieur", "superieure", "regional", "regionale", "municipal",
            "municipale", "departemental", "departementale", "federal", "federale", "olympique", "central", "centrale",
            "americain", "americaine", "britannique", "allemand", "allemande", "palestinienne", "palestinien",
            "israelien", "israelienne", "chinois", "chinoise", "russe", "italien", "italienne", "espagnol", "espagnole",
            "belge", "suisse", "canadien", "canadienne", "japonais", "japonaise", "africain", "africaine", "populaire",
            "republicain", "republicaine", "democrate", "catholique", "protestant", "islamique", "juif", "musulman",
            "public", "publique", "universitaire", "hospitalier", "hospitaliere", "interministeriel", "interministerielle"));
    /** Lower-case words before a capitalised name that make it a place or a thing named after someone. */
    private static final Set<String> NAMED_AFTER = Lexicon.set(List.of("circuit", "stade", "rue", "avenue", "boulevard", "place", "quai",
            "lycee", "college", "ecole", "aeroport", "hopital", "prix", "pont", "square", "allee", "parc", "salle", "gare",
            "station", "fondation", "musee", "centre", "institut", "trophee", "coupe", "impasse", "chemin", "cours",
            "porte avions", "porte helicopteres", "navire", "paquebot", "fregate", "sous marin", "voilier", "croiseur"));
    private static final Set<String> TITLES = Lexicon.set(List.of("m", "mme", "mlle", "monsieur", "madame", "dr", "docteur", "me",
            "maitre", "pr", "professeur"));
    /** Lower-case military ranks that name the person after them, surname alone included: "le colonel Augier". */
    private static final Set<String> RANKS = Lexicon.set(List.of("colonel", "lieutenant-colonel", "capitaine", "commandant",
            "lieutenant", "sergent", "adjudant", "caporal", "amiral"));

    final Tokens t;
    final List<Person> people = new ArrayList<>();
    final List<Org> orgs = new ArrayList<>();
    final List<Mention> mentions = new ArrayList<>();
    private final Map<String, Integer> personByKey = new HashMap<>();
    private final Map<String, Integer> orgByKey = new LinkedHashMap<>();
    /** per token: index of the person whose full name covers it, else -1 */
    private final int[] personAt;
    private final boolean[] orgAt;

    EntityFinder(String text) {
        t = new Tokens(text);
        personAt = new int[t.size];
        java.util.Arrays.fill(personAt, -1);
        orgAt = new boolean[t.size];
        findPeople();
        findPeopleByContext();
        mergeSurnames();
        findFirstNamesAlone();
        findAffiliations();
        findOrgs();
        findAliasMentions();
        mentions.sort((a, b) -> Integer.compare(a.start, b.start));
    }

    // ---------------------------------------------------------------- people

    private void findPeople() {
        for (int i = 0; i < t.size; i++) {
            i = personFrom(i);
        }
    }

    /** The person named from token i on: returns the last token of the name, or i when none starts there (one token per call, for the JIT). */
    private int personFrom(int i) {
        if (!t.cap(i) || personAt[i] >= 0 || shareContext(i)) {
            return i;
        }
        String f = t.f(i);
        Character gender = firstName(i);
        if (gender == null && t.cap(i + 1) && firstName(i + 1) != null
                && (!t.in(Lexicon.LEARNED_FIRST_NAMES, i + 1) || t.in(Lexicon.ORGANISATIONS, i)) && surnameEnd(i + 1) >= 0) {
            return i; // "Tribune Eric Ochs", "sur Twitter Katy Perry": the name starts at the first name (but "Billy Jean," is the whole name)
        }
        if (gender == null && lowerCaseAfterHyphen(t.word[i])) {
            return i; // "Au-delà de Barack Obama": a word, not a first name
        }
        if (gender == null && (t.camel(i) || t.in(Lexicon.PLACES, i) || t.in(Lexicon.ORG_WORDS, i) || t.in(Lexicon.EVENT_WORDS, i))
                && !(i > 0 && t.isWord[i - 1] && t.in(TITLES, i - 1)) && !t.punct(i - 1, '.')) {
            return i; // "sur CNews Ali Karimi, l'ambassadeur": a medium, a place or an organisation word opens no name
        }
        boolean titled = i > 1 && t.punct(i - 1, '.') && t.in(TITLES, i - 2)
                || i > 0 && t.isWord[i - 1] && t.in(TITLES, i - 1)
                        && (t.word[i - 1].length() > 2 || t.word[i - 1].equals("Dr") || t.word[i - 1].equals("Pr")) // "le Dr Idowu"
                || i > 0 && t.isWord[i - 1] && !t.cap(i - 1) && t.in(RANKS, i - 1) && nameLike(i);
        int end = surnameEnd(i);
        if (end < 0 && titled) {
            end = i;
        }
        if (end < 0) {
            return i;
        }
        String span = t.span(i, end);
        // the whole name an organisation of the learned list too ("Charlie Hebdo"): only a word of it must not unmake a person
        if (Lexicon.KNOWN_ORGANISATIONS.contains(NameForms.fold(span)) || Lexicon.PLACES.contains(NameForms.fold(span))
                || containsOrgWord(i, end)
                || FUNCTION_WORDS.contains(f) || Lexicon.ROLE_WORDS.contains(f) || TITLES.contains(f)) {
            return i;
        }
        if (gender == null && i > 1 && (t.is(i - 1, "des") || t.is(i - 1, "du") || t.is(i - 1, "de")) && t.cap(i - 2)
                && t.in(Lexicon.ORG_WORDS, i - 2)) {
            return i; // "l'Association des Professionnels du Cinéma": the rest of an organisation's name
        }
        if (i > 0 && t.isWord[i - 1] && !t.cap(i - 1) && t.in(NAMED_AFTER, i - 1)) {
            return i; // "le circuit Ricardo Tormo", "la rue Jean-Jaurès"
        }
        if (fictional(i) || i > 1 && linking(i - 1) && t.cap(i - 2)) {
            return i; // also "Journal of Marine Economics": a first name inside an English name
        }
        if (gender == null && !titled && orgNounBefore(i)) {
            // "la filiale Agora Distribution", "l'association de protection des animaux Happy Paws"; a known first name
            // stays a person ("…, a expliqué à la chaîne Inès Dupont" names the speaker after the medium)
            return i;
        }
        if (productOrOrgName(i, end)) {
            return i;
        }
        boolean known = gender != null && !t.acronym(i) || learnedPerson(i, end);
        // the word before a name is in lower case, but for a medium a speech verb addresses: "…, a dit à l'AFP X Y"
        if (!known && !titled && !(end - i <= 3 && (!t.cap(i - 1) || t.acronym(i - 1) && afterSpeechVerb(i)) && !t.acronym(i)
                && personCue(i, end))) {
            return i;
        }
        int p = addPerson(span, i, end);
        people.get(p).titledSurname |= end == i && titled;
        if (gender == null && titled) {
            gender = titleGender(i);
        }
        if (gender != null && people.get(p).gender == 'u') {
            people.get(p).gender = gender;
        }
        return end;
    }

    /** Whether the name from i to end, or its first two or three words, is one of {@link Lexicon#LEARNED_PEOPLE}: "Jair Bolsonaro". */
    private boolean learnedPerson(int i, int end) {
        if (end <= i || !t.in(Lexicon.LEARNED_PEOPLE_FIRST_WORDS, i)) {
            return false;
        }
        for (int e = Math.min(end, i + 3); e > i; e--) {
            if (Lexicon.LEARNED_PEOPLE.contains(NameForms.fold(oneSpaced(t.span(i, e))))) {
                return true;
            }
        }
        return false;
    }

    /**
     * A first name and a capitalised word that name a thing: after a brand ("Aston Martin Valkyrie"), before an
     * organisation or event word ("Ariel Motor Company", "Milan Design Week"), or ending in a single letter or digit
     * ("Mark I", "Nomad R").
     */
    private boolean productOrOrgName(int a, int b) {
        // "l'animateur de TF1 Christophe Beaugrand": a brand that complements the word before it is no model's make
        boolean complement = a > 1 && (t.is(a - 2, "de") || t.is(a - 2, "chez")) && firstName(a) != null
                // "le sénateur LR Christian Cambon", "du groupe LR Christian Jacob": a party or union affiliation
                || a > 0 && b > a && t.acronym(a - 1) && firstName(a) != null
                // "…, a expliqué sur Twitter Daniel Swain", "…, a dit à l'AFP X Y": the medium the speaker spoke on
                || a > 1 && (t.is(a - 2, "sur") || t.is(a - 2, "à") || t.is(a - 2, "au") || t.is(a - 2, "l'")) && afterSpeechVerb(a);
        if (a > 0 && t.cap(a - 1) && Lexicon.ORGANISATIONS.contains(NameForms.fold(t.span(a - 1, a)))) {
            return true; // "Aston Martin Valhalla", even opening a title: the first name belongs to the brand
        }
        if (a > 0 && !complement && t.cap(a - 1) && !t.sentenceStart(a - 1) && t.in(Lexicon.ORGANISATIONS, a - 1)) {
            return true;
        }
        if (t.cap(b + 1) && (t.in(Lexicon.ORG_WORDS, b + 1) || t.in(Lexicon.EVENT_WORDS, b + 1))) {
            return true;
        }
        for (int k = a + 1; k <= b + 1 && k < t.size; k++) {
            if (t.cap(k) && t.in(PRODUCT_WORDS, k)) {
                return true; // "Elise Sport", "Elise Classic Heritage Edition"
            }
        }
        return t.cap(b + 1) && t.word[b + 1].length() == 1 && !t.punct(b + 2, '.');
    }

    /**
     * "le personnage de Lucas Ferrand", "qui incarne « Lucas Ferrand »", "le rôle d'Inès": a character of a film or a
     * series, no real person.
     */
    private boolean fictional(int i) {
        int k = i - 1;
        if (t.punct(k, '"') || t.punct(k, '«') || t.punct(k, '“')) {
            k--;
        }
        if (k > 0 && (t.is(k, "de") || t.is(k, "d'")) && t.isWord[k - 1] && t.in(CHARACTER, k - 1)) {
            // "le rôle d'Angela Merkel dans la crise" is hers: a part only after a verb of playing
            return !t.f(k - 1).equals("role") || k > 2 && t.is(k - 2, "le") && (t.in(PLAYS, k - 3) || t.in(PLAYS_A_PART, k - 3));
        }
        return k >= 0 && t.isWord[k] && !t.cap(k) && t.in(PLAYS, k);
    }

    /** Nouns of a part played, before "de" and the character's name. */
    private static final Set<String> CHARACTER = Lexicon.set(List.of("personnage", "personnages", "role"));
    /** Verbs of playing a character, right before the character's name ("interprète" is also an interpreter). */
    private static final Set<String> PLAYS = Lexicon.set(List.of("incarne", "incarnait", "incarnera", "incarnant"));
    /** Verbs before "le rôle de" and a character ("il tient Marie pour responsable" names a real person). */
    private static final Set<String> PLAYS_A_PART = Lexicon.set(List.of("joue", "jouait", "jouera", "jouant", "tient", "tenait",
            "tenu"));

    /** Words of model and edition names, never of a person's. */
    private static final Set<String> PRODUCT_WORDS = Lexicon.set(List.of("edition", "sport", "concept", "coupe", "roadster",
            "cabriolet", "spider", "limited", "series", "classic", "heritage", "turbo", "hybrid", "electric"));

    /** 'm' after "M." or "Monsieur", 'f' after "Mme", "Madame" or "Mlle", else null. */
    private Character titleGender(int i) {
        int k = t.punct(i - 1, '.') ? i - 2 : i - 1;
        String title = k >= 0 ? t.f(k) : "";
        return switch (title) {
            case "m", "monsieur" -> 'm';
            case "mme", "madame", "mlle" -> 'f';
            default -> null;
        };
    }

    /**
     * "Mme Binet", "M. Macron": a surname alone that is the last word of exactly one fuller name in the text is that
     * person, wherever the full name comes; the title's gender passes to them.
     */
    private void mergeSurnames() {
        int[] into = new int[people.size()];
        boolean any = false;
        for (int p = 0; p < people.size(); p++) {
            into[p] = p;
            Person single = people.get(p);
            if (single.name.indexOf(' ') >= 0) { // "Cherif-Hadria" is one word
                continue;
            }
            int match = -1;
            for (int q = 0; q < people.size(); q++) {
                String k = people.get(q).key;
                if (q != p && k.endsWith(" " + single.key)) {
                    match = match == -1 ? q : -2;
                }
            }
            if (match == -1 && single.titledSurname) {
                completeSurname(p);
            }
            if (match >= 0) {
                into[p] = match;
                any = true;
                if (people.get(match).gender == 'u') {
                    people.get(match).gender = single.gender;
                }
            }
        }
        if (!any) {
            return;
        }
        int[] index = new int[people.size()];
        List<Person> kept = new ArrayList<>();
        for (int p = 0; p < people.size(); p++) {
            if (into[p] == p) {
                index[p] = kept.size();
                kept.add(people.get(p));
            }
        }
        for (int p = 0; p < people.size(); p++) {
            index[p] = index[into[p]];
        }
        people.clear();
        people.addAll(kept);
        personByKey.replaceAll((k, p) -> index[p]);
        for (int k = 0; k < personAt.length; k++) {
            if (personAt[k] >= 0) {
                personAt[k] = index[personAt[k]];
            }
        }
        mentions.replaceAll(m -> new Mention(m.start, m.end, index[m.person]));
    }

    /**
     * "Jagmeet Singh … M. Singh": a surname found after a title only, written elsewhere in the text after a capitalised
     * word that may be a name, is that person's full name; their first name is one the lexicon does not know.
     */
    private void completeSurname(int p) {
        Person single = people.get(p);
        for (int k = 1; k < t.size; k++) {
            if (personAt[k] < 0 && personAt[k - 1] < 0 && t.cap(k) && t.f(k).equals(single.key) && nameLike(k - 1)
                    && !t.acronym(k - 1) && !t.cap(k + 1) && !t.punct(k - 2, '.') && !t.in(TITLES, k - 1)) {
                String full = oneSpaced(t.span(k - 1, k));
                single.name = full;
                single.key = NameForms.fold(full);
                personByKey.putIfAbsent(single.key, p);
                personAt[k - 1] = p;
                personAt[k] = p;
                mentions.add(new Mention(t.start[k - 1], t.end[k], p));
                return;
            }
        }
    }

    /** Royal and papal titles: "le prince Harry", "la reine Elizabeth", "les princes Harry et William". */
    private static final Set<String> SOVEREIGN = Lexicon.set(List.of("prince", "princesse", "princes", "princesses", "roi", "reine", "pape",
            "duc", "duchesse", "empereur", "imperatrice"));
    private static final Set<String> SOVEREIGN_WOMEN = Lexicon.set(List.of("princesse", "princesses", "reine", "duchesse", "imperatrice"));
    /** Words for a child before its first name, all news gives of it: "la petite Inès", "le petit Lucas" (not "un petit Versailles"). */
    private static final Set<String> CHILD = Lexicon.set(List.of("petit", "petite", "fillette", "garconnet", "bebe", "nourrisson"));
    private static final Set<String> CHILD_GIRL = Lexicon.set(List.of("petite", "fillette"));

    /**
     * People known from their context only: a single name after a royal title, and an unknown-first-name pair
     * coordinated with a person already found ("Héla Ghariani et Ivan Collombet", "Hela Ghariani &amp; Matti Schneider").
     */
    private void findPeopleByContext() {
        for (int i = 1; i < t.size; i++) {
            i = personInContextAt(i);
        }
    }

    /** The person whose context names them at token i: returns the last token taken (i when none; one token per call, for the JIT). */
    private int personInContextAt(int i) {
        if (personAt[i] >= 0 || !t.cap(i)) {
            return i;
        }
        if (t.isWord[i - 1] && !t.cap(i - 1) && t.in(SOVEREIGN, i - 1) && nameLike(i) && !t.cap(i + 1)
                && !t.in(Lexicon.ORGANISATIONS, i)) {
            char gender = t.in(SOVEREIGN_WOMEN, i - 1) ? 'f' : 'm';
            people.get(addPerson(t.word[i], i, i)).gender = gender;
            boolean plural = t.f(i - 1).endsWith("s");
            if (plural && t.is(i + 1, "et") && t.cap(i + 2) && nameLike(i + 2) && !t.cap(i + 3) && personAt[i + 2] < 0) {
                people.get(addPerson(t.word[i + 2], i + 2, i + 2)).gender = gender;
                i += 2;
            }
            return i;
        }
        // "la petite Inès": a child named by the first name alone
        if (t.isWord[i - 1] && !t.cap(i - 1) && t.in(CHILD, i - 1) && i > 1 && (t.is(i - 2, "le") || t.is(i - 2, "la"))
                && nameLike(i) && !t.cap(i + 1) && !t.acronym(i)) {
            String child = t.f(i - 1);
            people.get(addPerson(t.word[i], i, i)).gender = CHILD_GIRL.contains(child) ? 'f'
                    : child.equals("petit") || child.equals("garconnet") ? 'm' : 'u';
            return i;
        }
        // "Maëlys, 9 ans, …": a single name given an age
        if (nameLike(i) && !t.cap(i - 1) && aged(i + 1) && !t.acronym(i) && !t.in(NOT_BEFORE_PERSON, i - 1)
                && !lowerCaseAfterHyphen(t.word[i])) {
            addPerson(t.word[i], i, i);
            return i;
        }
        // "l'artiste belge Vanuf", "la star britannique Zoella", "les dessinateurs Cabu et Wolinski": artists known by one name
        int performer = performerBefore(i);
        if (performer >= 0 && nameLike(i) && !t.cap(i + 1) && !t.acronym(i) && !lowerCaseAfterHyphen(t.word[i])) {
            addPerson(t.word[i], i, i);
            if (t.f(performer).endsWith("s") && t.is(i + 1, "et") && t.cap(i + 2) && nameLike(i + 2) && !t.cap(i + 3)
                    && personAt[i + 2] < 0 && !t.acronym(i + 2)) {
                addPerson(t.word[i + 2], i + 2, i + 2);
                return i + 2;
            }
            return i;
        }
        // "son frère Vincent", "sa compagne Gaëlle": a kin word after a possessive, then the relative's first name alone
        if (nameLike(i) && !t.cap(i + 1) && !t.acronym(i) && i > 1 && t.isWord[i - 1] && !t.cap(i - 1) && t.in(QuoteFinder.KIN, i - 1)
                && t.lowerIn(KIN_OWNERS, i - 2) && !lowerCaseAfterHyphen(t.word[i]) && !firstWordOfAFullerName(i)) {
            addPerson(t.word[i], i, i);
            return i;
        }
        // "…, lâche Karim, manifestant …", "Inès, la psychiatre interrogée, …": a single name a person noun describes
        // after a comma, the name opening its clause or right after a speech verb ("En plein sommet Trump-Kim, le chef …"
        // is a subject after an adverbial; sentence-initial, only a first name of the list: "Ensuite, le médecin …")
        if (nameLike(i) && !t.cap(i + 1) && t.punct(i + 1, ',') && !t.acronym(i) && !lowerCaseAfterHyphen(t.word[i])
                && (t.sentenceStart(i) ? firstName(i) != null : t.punct(i - 1, ',') || t.lowerIn(QuoteFinder.SPEECH, i - 1))
                && apposedPersonNoun(i + 2) && !firstWordOfAFullerName(i)) {
            addPerson(t.word[i], i, i);
            return i;
        }
        // "…, s'est enthousiasmé Sigal, étudiant en médecine": a single name the speech verb introduces and a role describes
        if (nameLike(i) && !t.cap(i + 1) && t.punct(i + 1, ',') && !t.acronym(i) && roleWithin(i + 2) && afterSpeechVerb(i)) {
            addPerson(t.word[i], i, i);
            return i;
        }
        // "« … », a regretté Jaan.", "« … », explique Viviana à l'AFP": a single name a speech verb gives a quotation, unless
        // an organisation or a place
        if (nameLike(i) && !t.cap(i + 1) && !t.acronym(i) && !lowerCaseAfterHyphen(t.word[i]) && !t.in(Lexicon.KNOWN_ORGANISATIONS, i)
                && !t.in(Lexicon.ORG_PLACES, i) && (t.punct(i + 1, '.') || t.punct(i + 1, ',') || t.is(i + 1, "à") || t.is(i + 1, "au"))
                && afterSpeechVerb(i) && quotationBeforeIncise(i)) {
            int fuller = fullerNameOf(i);
            if (fuller >= 0) { // "…, souligne Maxime." after "Maxime Haure": his mention
                personAt[i] = fuller;
                mentions.add(new Mention(t.start[i], t.end[i], fuller));
            } else {
                addPerson(t.word[i], i, i);
            }
            return i;
        }
        // "Anton et Louise Piëch": two first names sharing the surname after the second
        Character gender = firstName(i);
        if (gender != null && t.punct(i + 1, ',') && !t.cap(i - 1)) {
            int last = firstNameList(i);
            if (last > i) {
                return last;
            }
        }
        if (gender != null && !t.cap(i - 1) && t.is(i + 1, "et") && i + 2 < t.size && mentionStartsAt(i + 2) && firstName(i + 2) != null) {
            String[] words = people.get(personAt[i + 2]).name.split(" ");
            if (words.length == 2 && t.f(i + 2).equals(NameForms.fold(words[0]))) {
                Person p = people.get(addPerson(t.word[i] + " " + words[1], i, i));
                p.gender = p.gender == 'u' ? gender : p.gender;
                return i;
            }
        }
        // "X Y et <person>", "X Y ou <person>", "<person> et X Y", "<person>, X Y, ou encore <person>": two name-like words
        // listed with a person; an item before a person may open its line ("- X Y & <person>, créateurs de …")
        if (!t.cap(i - 1) && nameLike(i) && nameLike(i + 1) && !t.cap(i + 2) && !containsOrgWord(i, i + 1)) {
            boolean before = listLink(i + 2) && i + 3 < t.size && mentionStartsAt(i + 3);
            int item = itemBefore(i);
            boolean after = item >= 0 && personAt[item] >= 0 && !t.sentenceStart(i);
            if (before || after) {
                addPerson(t.span(i, i + 1), i, i + 1);
                i++;
            }
        }
        return i;
    }

    /**
     * "Inès, Lucas, Maëlle et deux camarades": three first names or more of the hand-made list, alone and listed, are
     * people the text knows by the first name only; returns the last token taken, or i.
     */
    private int firstNameList(int i) {
        int[] items = new int[8];
        int n = 0;
        int k = i;
        boolean and = false;
        Set<String> names = new HashSet<>();
        while (n < items.length && lonelyFirstName(k) && names.add(t.f(k))) {
            items[n++] = k;
            if (t.punct(k + 1, ',') && !and(k + 2)) {
                k += 2;
            } else if (and(k + 1) || t.punct(k + 1, ',') && and(k + 2)) {
                k = t.punct(k + 1, ',') ? k + 3 : k + 2;
                and = true;
            } else {
                break;
            }
        }
        if (n < 3 || !and) {
            return i; // "Emma, Jade, Gabriel, Léo... les prénoms de l'année": names as words, no "et" closing a group
        }
        for (int m = 0; m < n; m++) {
            Person p = people.get(addPerson(t.word[items[m]], items[m], items[m]));
            p.gender = p.gender == 'u' ? Lexicon.FIRST_NAMES.get(t.f(items[m])) : p.gender;
        }
        return items[n - 1];
    }

    /** A first name of the hand-made list standing alone at k: no surname after it, no place nor organisation. */
    private boolean lonelyFirstName(int k) {
        return k < t.size && t.cap(k) && personAt[k] < 0 && !t.cap(k + 1) && nameLike(k) && firstName(k) != null
                && !t.in(Lexicon.LEARNED_FIRST_NAMES, k) && !t.in(Lexicon.ORG_PLACES, k) && !t.acronym(k);
    }

    /** Artists, whom the news names by a single stage name or pen name. */
    private static final Set<String> PERFORMERS = Lexicon.set(List.of("artiste", "artistes", "star", "stars", "chanteur",
            "chanteuse", "chanteurs", "rappeur", "rappeuse", "rappeurs", "dessinateur", "dessinatrice", "dessinateurs",
            "humoriste", "humoristes", "youtubeur", "youtubeuse", "youtubeurs", "influenceur", "influenceuse", "mannequin",
            "musicien", "musicienne", "musiciens", "peintre", "photographe", "graffeur"));

    /**
     * The performer word before token i, after an article and before at most two lower-case adjectives ("la star
     * britannique", "les dessinateurs historiques"); its token, or -1.
     */
    private int performerBefore(int i) {
        int k = i - 1;
        for (int adjectives = 0; adjectives <= 2 && k > 0 && t.isWord[k] && !t.cap(k); adjectives++, k--) {
            if (t.in(PERFORMERS, k)) {
                return t.lowerIn(DETERMINERS, k - 1) || t.is(k - 1, "les") || t.is(k - 1, "du") || t.is(k - 1, "des") ? k : -1;
            }
            if (t.word[k].length() < 4 || t.in(FUNCTION_WORDS, k)) {
                return -1;
            }
        }
        return -1;
    }

    private static final Set<String> KIN_OWNERS = Lexicon.set(List.of("son", "sa", "ses", "leur", "leurs"));
    /** Nouns only a person is, besides roles and {@link #PERSON_NOUNS}, that describe a name apposed to them. */
    private static final Set<String> APPOSED_PERSON = Lexicon.set(List.of("manifestant", "manifestante", "psychiatre",
            "psychologue", "marin", "pecheur", "agriculteur", "agricultrice", "ouvrier", "ouvriere", "enseignant", "enseignante",
            "retraite", "retraitee", "mere", "pere"));

    /**
     * At k, maybe after an article, a lower-case word only a person is: "manifestant", "la psychiatre", "l'étudiant",
     * "une habitante".
     */
    private boolean apposedPersonNoun(int k) {
        boolean article = k < t.size && t.isWord[k] && t.lowerIn(ARTICLES, k);
        if (article) {
            k++;
        }
        // "accusé" and "blessé" without an article are participles: "Kanywood, accusé de …"
        return k < t.size && t.isWord[k] && !t.cap(k)
                && (t.in(Lexicon.ROLE_WORDS, k) || t.in(APPOSED_PERSON, k) || article && t.in(PERSON_NOUNS, k));
    }

    /** Whether the word at i is the first word of a person already found: "son épouse Hazel" is Hazel Chapman. */
    private boolean firstWordOfAFullerName(int i) {
        return fullerNameOf(i) >= 0;
    }

    /** The person already found whose first word is the word at i, or -1. */
    private int fullerNameOf(int i) {
        for (int q = 0; q < people.size(); q++) {
            String key = people.get(q).key;
            int space = key.indexOf(' ');
            if (space > 0 && key.regionMatches(0, t.f(i), 0, space) && t.f(i).length() == space) {
                return q;
            }
        }
        return -1;
    }

    /** A lower-case role word within the three words from k: "étudiant en médecine", "une infirmière". */
    private boolean roleWithin(int k) {
        for (int j = k; j < k + 3 && j < t.size && t.isWord[j]; j++) {
            if (!t.cap(j) && t.in(Lexicon.ROLE_WORDS, j)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the incise before the name at i follows a quotation: "», a dit X", "\", explique X". */
    private boolean quotationBeforeIncise(int i) {
        for (int k = i - 1; k > 0 && k >= i - 8; k--) {
            if (t.punct(k, ',')) {
                return t.punct(k - 1, '»') || t.punct(k - 1, '"') || t.punct(k - 1, '”');
            }
        }
        return false;
    }

    /** "et", "&" or "ou" at token k: a link between two items of a list. */
    private boolean listLink(int k) {
        return and(k) || t.is(k, "ou");
    }

    /**
     * The last token of the list item before the name at i ("<item> et X", "<item>, ou encore X", "<item>, X, …"), or -1; a
     * comma alone separates items only when the list goes on after the name's two words.
     */
    private int itemBefore(int i) {
        int k = i - 1;
        boolean encore = t.is(k, "encore");
        if (encore) {
            k--;
        }
        boolean link = listLink(k);
        if (encore && !link) {
            return -1;
        }
        if (link) {
            k--;
        }
        boolean comma = t.punct(k, ',');
        if (comma) {
            k--;
        }
        return link || comma && (t.punct(i + 2, ',') || listLink(i + 2)) ? k : -1;
    }

    /** "et" or "&" at token k. */
    private boolean and(int k) {
        return k > 0 && k < t.size && t.word[k].length() <= 2 && (t.word[k].equals("&") || t.is(k, "et"));
    }

    private boolean mentionStartsAt(int k) {
        return personAt[k] >= 0 && (k == 0 || personAt[k - 1] != personAt[k]);
    }

    private Character firstName(int i) {
        String w = t.word[i];
        Character g = Lexicon.FIRST_NAMES.get(t.f(i));
        if (g != null || w.indexOf('-') < 0) {
            return g;
        }
        // Compound first names: every part a first name (Pierre-Emmanuel, Marie-Hélène)
        Character first = null;
        for (String part : w.split("-")) {
            Character pg = Lexicon.FIRST_NAMES.get(NameForms.fold(part));
            if (pg == null || part.isEmpty() || !Character.isUpperCase(part.charAt(0))) {
                return null;
            }
            first = first == null ? pg : first;
        }
        return first;
    }

    /** End of the surname after first-name token i (particles allowed), or -1 when no surname follows. */
    private int surnameEnd(int i) {
        int j = i + 1;
        int last = -1;
        while (j < t.size && j - i <= 4) {
            // "Ursula von der Leyen", "Bernard de la Villardière": two particles, right after a first name that opens the
            // name (not "Lauren Michel de la Startup")
            boolean twoParticles = j == i + 1 && j + 2 < t.size && t.isWord[j + 1] && t.in(PARTICLES, j + 1) && nameLike(j + 2)
                    && firstName(i) != null && !t.cap(i - 1) && !t.in(Lexicon.ORG_WORDS, j + 2);
            if (t.isWord[j] && t.in(PARTICLES, j) && (nameLike(j + 1) || twoParticles || roleSurname(j + 1)
                    || j == i + 1 && companySurname(j + 1) && firstName(i) != null)
                    && (last < 0 || Character.isUpperCase(t.word[j].charAt(0)) || t.in(INNER_PARTICLES, j))) {
                j++;
                continue;
            }
            if (last >= 0 && firstName(j) != null && !t.acronym(j) && !t.in(Lexicon.LEARNED_FIRST_NAMES, j) && (nameLike(j + 1) || t.isWord[Math.min(j + 1, t.size - 1)]
                    && t.in(PARTICLES, Math.min(j + 1, t.size - 1)) && nameLike(j + 2))) {
                break; // "Emmanuel Macron Édouard Philippe": a first name and its surname start a second person
            }
            // "Kim Jong Un": a capitalised "Un" ends a three-part name (mid-sentence, the article is in lower case)
            boolean un = last == j - 1 && j >= i + 2 && t.word[j].equals("Un") && !t.sentenceStart(j);
            if (nameLike(j) || un || j > i && articledSurname(t.word[j]) || roleSurname(j) || last < 0 && j <= i + 2 && companySurname(j) && firstName(i) != null) {
                last = j;
                j++;
                continue;
            }
            break;
        }
        return last;
    }

    /**
     * Particles that stay in lower case inside a name, after a surname part too: "Maria Correia da Silva", "Jan de Vries
     * van Dijk" ("de" is not one: "Paul Martin de Lyon" names a town).
     */
    private static final Set<String> INNER_PARTICLES = Lexicon.set(List.of("da", "das", "dos", "do", "van", "von", "der", "ben", "bin", "ibn"));

    /** "al-Sissi", "el-Béchir", "ben-Ali": an article in lower case, a hyphen and a capitalised name. */
    private static boolean articledSurname(String w) {
        int dash = w.indexOf('-');
        if (dash < 2 || dash > 3 || dash + 2 >= w.length() || !Character.isUpperCase(w.charAt(dash + 1))) {
            return false;
        }
        String article = w.substring(0, dash);
        return article.equals("al") || article.equals("el") || article.equals("ben") || article.equals("ibn") || article.equals("abu");
    }

    /** "Bruno Le Maire", "Marine Le Chevalier": a capitalised role word after a capitalised "Le" or "La" is a surname. */
    private boolean roleSurname(int j) {
        return j > 0 && j < t.size && t.cap(j) && !t.acronym(j) && (t.word[j - 1].equals("Le") || t.word[j - 1].equals("La"))
                && t.in(Lexicon.ROLE_WORDS, j);
    }

    /** A company named after a family, right after a first name: "Jacques Servier", "Arnaud Lagardère", "Léonard de Vinci". */
    private boolean companySurname(int j) {
        return t.cap(j) && t.in(Lexicon.ORGANISATIONS, j) && !t.acronym(j) && !t.camel(j) && t.word[j].indexOf('.') < 0
                && !t.cap(j + 1);
    }

    /** per token: 0 unknown, 1 name-like, 2 not; {@link #nameLike} is asked several times per token */
    private byte[] nameLikeMemo;

    private boolean nameLike(int j) {
        if (j < 0 || j >= t.size) {
            return false;
        }
        if (nameLikeMemo == null) {
            nameLikeMemo = new byte[t.size];
        }
        if (nameLikeMemo[j] == 0) {
            nameLikeMemo[j] = computeNameLike(j) ? (byte) 1 : (byte) 2;
        }
        return nameLikeMemo[j] == 1;
    }

    private boolean computeNameLike(int j) {
        if (!t.cap(j) || t.word[j].indexOf('.') >= 0 || t.camel(j) || t.word[j].length() == 1) {
            return false;
        }
        String f = t.f(j);
        if (FUNCTION_WORDS.contains(f) || Lexicon.ORG_WORDS.contains(f) || Lexicon.PLACES.contains(f)
                || Lexicon.NOT_ENTITIES.contains(f) || Lexicon.ROLE_WORDS.contains(f) || Lexicon.EVENT_WORDS.contains(f)
                || Lexicon.ORGANISATIONS.contains(f) || Character.isDigit(t.word[j].charAt(t.word[j].length() - 1))) {
            return false;
        }
        return !(t.acronym(j) && t.word[j].length() <= 3);
    }

    /** Context that makes two capitalised words a person even with an unknown first name. */
    private boolean personCue(int a, int b) {
        if (t.punct(b + 1, '(')) {
            int c = b + 2;
            if (t.cap(c) && !t.punct(c + 1, ')') || t.punct(c + 1, ')') || t.punct(c + 1, ',')) {
                String inner = NameForms.fold(t.word[c]);
                // "Marchés Publics Simplifiés (MPS)" defines an acronym: an organisation, not a person; so does the end
                // of a longer name, "l'Université de Californie Los Angeles (UCLA)", "Time to First Byte (TTFB)"
                String initials = NameForms.acronym(t.span(a, b));
                // "près de San Diego (Californie)": a place in brackets locates a place
                return !(inner.endsWith(initials) && t.acronym(c)) && !inner.equals(initials) && t.cap(c)
                        && !t.in(Lexicon.ORG_PLACES, c);
            }
        }
        if (t.punct(b + 1, ',')) {
            for (int k = b + 2; k <= b + 4 && k < t.size && t.isWord[k]; k++) {
                // "X Y, une habitante de …": a word only a person is serves as a role does
                if (t.in(Lexicon.ROLE_WORDS, k) || !t.cap(k) && t.in(PERSON_NOUNS, k) && t.lowerIn(ARTICLES, k - 1)) {
                    return true;
                }
            }
            // "X Y & Z W, créateurs de …": a plural role after a pair of names
            if (b + 2 < t.size && t.isWord[b + 2] && !t.cap(b + 2) && t.f(b + 2).endsWith("s")
                    && (Lexicon.ROLE_WORDS.contains(singular(t.f(b + 2))) || CREATORS.contains(t.f(b + 2)))) {
                return true;
            }
            // "Marylise Dupuis, désignée à la tête de …": an appointment only a person gets
            if (b + 2 < t.size && t.isWord[b + 2] && t.lowerIn(APPOINTED, b + 2)) {
                return true;
            }
            if (aged(b + 1)) {
                return true; // "Cheng Yu-wei, 45 ans,"
            }
        }
        // "Wanda Trelkovsky s'est confiée": a reflexive speech verb, which a person does and a company hardly
        if (b + 3 < t.size && t.isWord[b + 1] && t.f(b + 1).equals("s") && (t.is(b + 2, "est") || t.f(b + 2).equals("etait"))
                && t.in(SELF_SPEECH, b + 3)) {
            return true;
        }
        String next = NameForms.fold(t.word[Math.min(b + 1, t.size - 1)]);
        if (b + 1 < t.size && t.isWord[b + 1] && SPEECH_AFTER.contains(next) && !next.equals("a") && !next.equals("s")
                && !next.equals("se") && !next.equals("nous")) {
            return true;
        }
        if (afterSpeechVerb(a) || describedBefore(a) || personNounBefore(a)) {
            return true;
        }
        String prev = a > 0 ? t.f(a - 1) : "";
        // "le député Alexis Corbière", "la ministre Agnès Buzyn": a lower-case role after an article
        if (b > a && a > 1 && t.isWord[a - 1] && !t.cap(a - 1) && Lexicon.ROLE_WORDS.contains(prev)
                && (t.is(a - 2, "le") || t.is(a - 2, "la") || t.is(a - 2, "l'") || t.is(a - 2, "du") || t.is(a - 2, "au"))) {
            return true;
        }
        // "son homologue tchadien Ousmane Karabali", "le président socialiste Ubaldo Ferranti": a role and an adjective
        if (b > a && a > 2 && t.isWord[a - 1] && !t.cap(a - 1) && adjectiveLike(prev) && t.isWord[a - 2] && !t.cap(a - 2)
                && t.in(Lexicon.ROLE_WORDS, a - 2) && (t.lowerIn(DETERMINERS, a - 3) || t.is(a - 3, "du") || t.is(a - 3, "au"))) {
            return true;
        }
        return (prev.equals("selon") || prev.equals("apres") && a > 1 && t.is(a - 2, "d'"))
                && !t.sentenceStart(a - 1) || prev.equals("selon") && b > a;
    }

    /**
     * "l'épouse du président, Jeannette Kagame", "le porte-parole du parc, Bobby Nopandry": a role or kin word after an
     * article, at most six more words ("la directrice des ressources humaines de X, Y Z"), a comma, then the name at a.
     */
    private boolean describedBefore(int a) {
        if (!t.punct(a - 1, ',')) {
            return false;
        }
        for (int k = a - 2; k >= 1 && k >= a - 9 && t.isWord[k]; k--) {
            if (!t.cap(k) && (t.in(Lexicon.ROLE_WORDS, k) || t.in(QuoteFinder.KIN, k)) && t.lowerIn(ARTICLES, k - 1)) {
                return true;
            }
            // "du principal suspect, X Y", "la victime, X Y": a word only a person is, after an article and an adjective
            if (!t.cap(k) && t.in(PERSON_NOUNS, k) && (t.lowerIn(ARTICLES, k - 1) || t.is(k - 1, "du") || t.is(k - 1, "au")
                    || !t.cap(k - 1) && (t.lowerIn(ARTICLES, k - 2) || t.is(k - 2, "du") || t.is(k - 2, "au")))) {
                return true;
            }
        }
        return false;
    }

    /** Nouns only a person is that come before a name, besides roles, artists and {@link #PERSON_NOUNS}: "le maréchal X Y". */
    private static final Set<String> PERSON_TITLES = Lexicon.set(List.of("marechal", "general", "dictateur", "militant",
            "militante", "opposant", "opposante", "cineaste", "romancier", "romanciere", "comedien", "comedienne",
            "footballeur", "joueur", "joueuse", "milliardaire", "candidat", "candidate"));
    /** Determiners before a person noun that describes a name: "le", "l'", "du", "son"… (capitalised at a sentence start too). */
    private static final Set<String> NOUN_DETERMINERS = Lexicon.set(List.of("le", "la", "l'", "du", "au", "un", "une", "son", "sa",
            "leur", "ce", "cet", "cette"));

    /**
     * "le maréchal prussien X Y", "Le chanteur et musicien guinéen X Y", "l'avocate libérale et militante anticorruption X Y":
     * a determiner, then lower-case words (adjectives, "et", person nouns), one at least a noun only a person is, up to
     * the name at a.
     */
    private boolean personNounBefore(int a) {
        boolean noun = false;
        for (int k = a - 1; k >= 0 && k >= a - 6 && t.isWord[k]; k--) {
            if (t.lowerIn(NOUN_DETERMINERS, k)) {
                return noun && k < a - 1;
            }
            // "et" joins two nouns, "en" a noun and its field: "le professeur en médecine X Y"
            // "le Premier ministre kosovar X Y": the one capitalised word a role takes in French
            boolean premier = (t.f(k).equals("premier") || t.f(k).equals("premiere")) && t.f(k + 1).equals("ministre");
            if (t.cap(k) && !premier || FUNCTION_WORDS.contains(t.f(k)) && !t.is(k, "et") && !t.is(k, "en")) {
                return false;
            }
            noun |= t.in(Lexicon.ROLE_WORDS, k) || t.in(PERSON_TITLES, k) || t.in(PERFORMERS, k) || t.in(PERSON_NOUNS, k)
                    || t.in(APPOSED_PERSON, k) || t.in(RANKS, k);
        }
        return false;
    }

    /**
     * Participles of an appointment, after a name and a comma: "X Y, nommée directrice", "X Y, élu en 2017"; in lower
     * case with their accents, "désigné" not being "désigne" ("Search Engine Optimization, désigne …").
     */
    private static final Set<String> APPOINTED = Lexicon.set(List.of("nommé", "nommée", "désigné", "désignée", "élu", "élue",
            "réélu", "réélue", "promu", "promue", "décédé", "décédée"));

    /** Creators, a plural role after names: not role words, whose "créateur de La Bonne Boîte" would make a product an employer. */
    private static final Set<String> CREATORS = Lexicon.set(List.of("createurs", "creatrices"));

    /** Nouns only a person is, in the news: "le suspect", "la victime", "le témoin". */
    private static final Set<String> PERSON_NOUNS = Lexicon.set(List.of("suspect", "suspecte", "victime", "temoin", "accuse",
            "accusee", "prevenu", "prevenue", "meurtrier", "meurtriere", "agresseur", "otage", "detenu", "detenue", "blesse",
            "blessee", "rescape", "rescapee", "survivant", "survivante", "defunt", "defunte", "disparu", "disparue", "habitant",
            "habitante", "riverain", "riveraine"));

    /** Participles after "s'est" that only a speaker takes: "s'est confiée", "s'est enthousiasmé". */
    private static final Set<String> SELF_SPEECH = Lexicon.set(List.of("confie", "confiee", "exprime", "exprimee", "epanche",
            "epanchee", "livre", "livree", "justifie", "justifiee", "insurge", "insurgee", "indigne", "indignee", "emporte",
            "emportee", "felicite", "felicitee", "rejoui", "rejouie", "enthousiasme", "enthousiasmee", "alarme", "alarmee",
            "inquiete", "inquietee", "exclame", "exclamee", "ecrie", "ecriee", "defendu", "defendue"));

    /** Articles only: "son père, X" may describe the subject before it ("le parti créé par son père, Nidaa Tounes"). */
    private static final Set<String> ARTICLES = Lexicon.set(List.of("le", "la", "l'", "un", "une"));

    /** Words before a first name that make it a date, a place or a thing: "à Noël", "de Florence", "la Marine". */
    private static final Set<String> NOT_BEFORE_PERSON = Lexicon.set(List.of("a", "au", "aux", "en", "le", "la", "les", "l",
            "du", "des", "de", "d", "un", "une", "ce", "cette", "sur", "vers", "depuis", "avant", "apres"));
    /** A verb or auxiliary right after a subject: "Élodie a dû", "Inès est", "Léa explique". */
    private static final Set<String> VERB_AFTER = Lexicon.set(List.of("est", "etait", "sera", "serait", "aurait", "ne", "n"));

    /**
     * "Élodie a dû déclarer forfait … Élodie est": a first name of the hand-made list, alone twice or more, once at
     * least right before a verb, never after a word that makes it a date or a place ("à Noël", "de Florence"), and no
     * word of a fuller name the text gives, names a person the text knows by the first name only (reality TV, children,
     * witnesses).
     */
    private void findFirstNamesAlone() {
        Map<String, int[]> counts = null; // first name → {occurrences, before a verb}
        for (int k = 1; k + 1 < t.size; k++) {
            if (!t.cap(k) || personAt[k] >= 0 || t.cap(k + 1) || t.word[k].length() < 3) {
                continue;
            }
            String f = t.f(k);
            if (!Lexicon.FIRST_NAMES.containsKey(f) || Lexicon.LEARNED_FIRST_NAMES.contains(f) || !nameLike(k)) {
                continue;
            }
            if (counts == null) {
                counts = new HashMap<>();
            }
            int[] c = counts.computeIfAbsent(f, x -> new int[2]);
            if (t.in(NOT_BEFORE_PERSON, k - 1) || t.in(TITLES, k - 1) || t.punct(k - 1, '.') && t.in(TITLES, k - 2)) {
                c[0] = Integer.MIN_VALUE / 2; // once a date, a place or after a title: never ("À Noël" too)
            }
            if (t.cap(k - 1)) {
                continue;
            }
            c[0]++;
            if (t.isWord[k + 1] && (t.in(SPEECH_AFTER, k + 1) || t.in(VERB_AFTER, k + 1))) {
                c[1]++;
            }
        }
        if (counts == null) {
            return;
        }
        Set<String> nameWords = new HashSet<>();
        for (Person p : people) {
            nameWords.addAll(List.of(p.key.split(" ")));
        }
        for (int k = 1; k + 1 < t.size; k++) {
            int[] c = t.cap(k) && personAt[k] < 0 ? counts.get(t.f(k)) : null;
            if (c != null && c[0] >= 2 && c[1] >= 1 && !nameWords.contains(t.f(k)) && !t.cap(k - 1) && !t.cap(k + 1)) {
                Person p = people.get(addPerson(t.word[k], k, k));
                p.gender = p.gender == 'u' ? Lexicon.FIRST_NAMES.get(t.f(k)) : p.gender;
            }
        }
    }

    /** "Au-delà", "Peut-être": a capitalised word whose part after a hyphen is in lower case. */
    private static boolean lowerCaseAfterHyphen(String w) {
        int dash = w.indexOf('-');
        return dash > 0 && dash + 1 < w.length() && Character.isLowerCase(w.charAt(dash + 1));
    }

    /** ", 9 ans", " (9 ans)", ", âgé de 9 ans" from token k on: an age given after a name, which only a person has. */
    private boolean aged(int k) {
        if (!(t.punct(k, ',') || t.punct(k, '('))) {
            return false;
        }
        int n = k + 1;
        if (n < t.size && t.isWord[n] && (t.f(n).equals("age") || t.f(n).equals("agee")) && t.is(n + 1, "de")) {
            n += 2;
        }
        // and a stop or "et" after "ans": "Ensuite, 3 ans plus tard" gives a time, not an age ("X, 64 ans et à la retraite"
        // an age, not "3 ans et demi")
        return n + 2 < t.size && t.isWord[n] && Character.isDigit(t.word[n].charAt(0)) && t.word[n].length() <= 3
                && allDigits(t.word[n]) && t.is(n + 1, "ans") && (t.punct(n + 2, ',') || t.punct(n + 2, ')') || t.punct(n + 2, '.')
                || t.is(n + 2, "et") && !t.is(n + 3, "demi"));
    }

    private static boolean allLetters(String w) {
        for (int i = 0; i < w.length(); i++) {
            if (!Character.isLetter(w.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean hasDigit(String w) {
        for (int i = 0; i < w.length(); i++) {
            if (Character.isDigit(w.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private static boolean allDigits(String w) {
        for (int i = 0; i < w.length(); i++) {
            if (!Character.isDigit(w.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /**
     * "la filiale Agora Distribution", "l'association de défense des animaux Happy Paws": an organisation noun (or one
     * and its lower-case description) right before the name names an organisation, not a person. Nouns that also come
     * before people ("chez", "leader", "jeune", "concurrent") do not count.
     */
    private boolean orgNounBefore(int a) {
        int k = a - 1;
        if (k < 1 || !t.isWord[k] || t.cap(k)) {
            return false;
        }
        String f = t.f(k);
        if (ORG_NOUNS.contains(f) && !NOT_APPOSED.contains(f) && !f.equals("club") && t.lowerIn(DETERMINERS, k - 1)) {
            return true;
        }
        return describedOrgNoun(k);
    }

    /**
     * The subject of an incise: "…, a déclaré Hazel Chapman", "», s'est lamentée June Steding", "», explique son frère
     * Paul Martin": after a comma, a speech verb in the present or an auxiliary and a participle, then at most two
     * lower-case words before the name.
     */
    private boolean afterSpeechVerb(int a) {
        // "…, a tweeté la fiancée, Hatice Cengiz", "…, a expliqué à l'AFP un des leaders du mouvement, X Y": the speaker's
        // description (a determiner and lower-case words), then the name after a comma
        if (a > 3 && t.punct(a - 1, ',') && t.isWord[a - 2] && !t.cap(a - 2)) {
            for (int d = a - 3; d >= 1 && d >= a - 7 && t.isWord[d] && !t.cap(d); d--) {
                if (t.in(DETERMINERS, d)) {
                    if (afterSpeechVerb(d)) {
                        return true;
                    }
                    break;
                }
            }
        }
        int k = a - 1;
        // lower-case words, and a capitalised medium after à/au/sur: "…, a expliqué à CNN Emily Mirowski"
        while (k >= 0 && t.isWord[k] && (!t.cap(k) || k > 0 && (t.is(k - 1, "à") || t.is(k - 1, "au") || t.is(k - 1, "sur")
                || t.is(k - 1, "l'") && (t.is(k - 2, "à") || t.is(k - 2, "sur")))) && a - k <= 7) {
            k--;
        }
        if (k < 0 || k == a - 1 || !t.punct(k, ',')) {
            return false;
        }
        int v = k + 1;
        if (t.is(v, "a") || t.is(v, "avait") || t.is(v, "s'") || t.is(v, "se")) {
            v++;
            if (t.is(v, "est") || t.f(v).equals("etait")) {
                v++;
            }
            while (v < a && t.in(ADVERBS, v)) {
                v++;
            }
            int reach = t.cap(a - 1) ? 5 : 3; // "a dit à l'AFP X Y": a medium after the participle
            return v < a && a - v <= reach && ((participle(t.word[v]) || t.word[v].endsWith("u")) && t.word[v].length() > 3
                    || t.is(v, "dit") || t.is(v, "écrit")); // "…, a dit à l'AFP X Y"
        }
        return a - v <= 3 && t.lowerIn(QuoteFinder.SPEECH, v);
    }

    private static final Set<String> DETERMINERS = Lexicon.set(List.of("le", "la", "l'", "son", "sa", "leur", "un", "une"));

    private static final Set<String> ADVERBS = Lexicon.set(List.of("notamment", "encore", "aussi", "alors", "ensuite", "egalement",
            "toutefois", "pourtant", "enfin", "meme", "deja", "ainsi", "plus", "tard", "simplement", "sobrement"));

    private boolean containsOrgWord(int a, int b) {
        for (int k = a; k <= b; k++) {
            String f = t.f(k);
            if (t.isWord[k] && (Lexicon.ORG_WORDS.contains(f) || Lexicon.EVENT_WORDS.contains(f))) {
                return true;
            }
        }
        return false;
    }

    /** Line breaks and no-break spaces inside a name become plain spaces: "Emmanuel\u00a0Macron" is "Emmanuel Macron". */
    private static String oneSpaced(String span) {
        StringBuilder b = new StringBuilder(span.length());
        boolean space = false;
        for (int i = 0; i < span.length(); i++) {
            char c = span.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                space = true;
            } else {
                if (space && b.length() > 0) {
                    b.append(' ');
                }
                space = false;
                b.append(c);
            }
        }
        return b.toString();
    }

    private int addPerson(String span, int a, int b) {
        String key = NameForms.fold(span);
        Integer p = personByKey.get(key);
        if (p == null) {
            Person person = new Person();
            person.name = oneSpaced(span);
            person.key = key;
            p = people.size();
            people.add(person);
            personByKey.put(key, p);
        }
        for (int k = a; k <= b; k++) {
            personAt[k] = p;
        }
        mentions.add(new Mention(t.start[a], t.end[b], p));
        return p;
    }

    /** Share buttons and "follow me" lines name platforms as labels, not as organisations or people. */
    private boolean shareContext(int i) {
        for (int k = i - 1; k >= 0 && k >= i - 3; k--) {
            if (t.isWord[k] && firstWordIn(SHARE_WORDS, k)) {
                return true;
            }
            if (t.word[k].equals("\n")) {
                // a platform name alone on its line after a share label
                return k > 0 && (i + 1 >= t.size || t.word[i + 1].equals("\n")) && lineIsShareLabel(k - 1);
            }
        }
        return false;
    }

    private static String firstWord(String f) {
        int sp = f.indexOf(' ');
        return sp < 0 ? f : f.substring(0, sp);
    }

    /** {@code words.contains(firstWord(t.f(k)))}: a bit test for the one-word tokens nearly all are. */
    private boolean firstWordIn(Set<String> words, int k) {
        String f = t.f(k);
        return f.indexOf(' ') < 0 ? t.in(words, k) : words.contains(firstWord(f));
    }

    private boolean lineIsShareLabel(int k) {
        while (k >= 0 && !t.word[k].equals("\n")) {
            if (t.isWord[k] && t.in(SHARE_WORDS, k)) {
                return true;
            }
            k--;
        }
        return false;
    }

    // ---------------------------------------------------------------- affiliations

    private void findAffiliations() {
        for (Mention m : List.copyOf(mentions)) {
            int a = tokenAt(m.start);
            int b = tokenAt(m.end - 1);
            Person p = people.get(m.person);
            affiliationAfter(p, a, b);
            if (p.org == null || p.role == null) {
                affiliationBefore(p, a);
            }
            if (p.org == null) {
                foundingVerb(p, b);
            }
        }
    }

    private int tokenAt(int offset) {
        int lo = 0;
        int hi = t.size - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (t.end[mid] <= offset) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private void affiliationAfter(Person p, int a, int b) {
        int k = b + 1;
        if (t.punct(k, '(')) {
            int c = k + 1;
            if (c < t.size && t.isWord[c] && t.in(Lexicon.ROLE_WORDS, c)) {
                int e = c;
                while (e + 1 < t.size && t.isWord[e + 1]) {
                    e++;
                }
                setRole(p, t.span(c, e));
                if (t.punct(e + 1, ',') && t.cap(e + 2)) {
                    setOrg(p, e + 2, chunkEnd(e + 2));
                }
            } else if (t.cap(c)) {
                int e = chunkEnd(c);
                if (t.punct(e + 1, ')') || t.punct(e + 1, ',')) {
                    setOrg(p, c, e);
                }
            }
            return;
        }
        if (t.punct(k, ',') || t.punct(k, '–') || t.punct(k, '-') || t.word.length > k && k < t.size && t.word[k].equals("\n") && a > 0
                && t.word[a - 1].equals("\n")) {
            int r = k + 1;
            while (r < t.size && (t.is(r, "le") || t.is(r, "la") || t.is(r, "l'") || t.is(r, "un") || t.is(r, "une")
                    || t.is(r, "notre") || t.is(r, "ancien") || t.is(r, "ancienne") || t.is(r, "nouveau") || t.is(r, "nouvelle"))) {
                r++;
            }
            boolean role = false;
            for (int q = r; q < t.size && q <= r + 2 && t.isWord[q]; q++) {
                role |= t.in(Lexicon.ROLE_WORDS, q);
            }
            if (!role) {
                return;
            }
            int e = r;
            while (e + 1 < t.size && e - r < 9 && t.isWord[e + 1]) {
                int n = e + 1;
                String f = t.f(n);
                if (f.equals("de") || f.equals("d") || f.equals("du") || f.equals("chez") || f.equals("at") || f.equals("of")
                        || f.equals("des")) {
                    int o = n + 1;
                    while (o < t.size && (t.is(o, "la") || t.is(o, "le") || t.is(o, "l'") || t.is(o, "les"))) {
                        o++;
                    }
                    if (t.cap(o) && personAt[o] < 0 && !t.in(Lexicon.PLACES, o)) {
                        setRole(p, t.span(r, e));
                        setOrg(p, o, chunkEnd(o));
                        return;
                    }
                } else if (k < t.size && t.word[k].equals("\n") && t.cap(n) && !Lexicon.ROLE_WORDS.contains(f)
                        && e > r && !t.cap(e)) {
                    // author box: "Rédacteur en chef Culture RP, …" under the author's name
                    setRole(p, t.span(r, e));
                    setOrg(p, n, chunkEnd(n));
                    return;
                }
                e = n;
            }
            if (t.punct(e + 1, ',') || t.punct(e + 1, '.') || t.punct(e + 1, ')')) {
                if (e - r < 5) {
                    setRole(p, t.span(r, e));
                }
            }
            return;
        }
        if ((t.is(k, "de") || t.is(k, "d'")) && t.cap(k + 1) && personAt[k + 1] < 0) {
            int e = chunkEnd(k + 1);
            String f = NameForms.fold(t.span(k + 1, e));
            if (!Lexicon.PLACES.contains(f) && !eventLike(k + 1, e) && !t.sentenceStart(a)) {
                setOrg(p, k + 1, e);
            }
        }
    }

    /** "Président de la Mobile Marketing Association (MMA), Pierre-Emmanuel Cros". */
    private void affiliationBefore(Person p, int a) {
        if (!t.punct(a - 1, ',')) {
            return;
        }
        int s = a - 2;
        while (s > 0 && a - s < 16 && !t.sentenceStart(s) && !t.punct(s - 1, ',')) {
            s--;
        }
        while (s < a && (t.is(s, "le") || t.is(s, "la") || t.is(s, "l'"))) {
            s++;
        }
        if (s >= a || !t.isWord[s] || !t.in(Lexicon.ROLE_WORDS, s)) {
            return;
        }
        for (int n = s + 1; n < a - 1; n++) {
            String f = t.f(n);
            if (f.equals("de") || f.equals("d") || f.equals("du") || f.equals("chez") || f.equals("des")) {
                int o = n + 1;
                while (o < a && (t.is(o, "la") || t.is(o, "le") || t.is(o, "l'") || t.is(o, "les"))) {
                    o++;
                }
                if (t.cap(o)) {
                    setRole(p, t.span(s, n - 1));
                    setOrg(p, o, chunkEnd(o));
                }
                return;
            }
        }
    }

    private void foundingVerb(Person p, int b) {
        for (int k = b + 1; k < t.size && k < b + 25; k++) {
            if (!t.isWord[k] && ".!?\n".indexOf(t.word[k].charAt(0)) >= 0) {
                return;
            }
            if (personAt[k] >= 0) {
                return;
            }
            if (t.isWord[k] && t.in(FOUNDING_VERBS, k)) {
                for (int o = k + 1; o <= k + 3 && o < t.size; o++) {
                    if (t.cap(o) && personAt[o] < 0) {
                        setOrg(p, o, chunkEnd(o));
                        return;
                    }
                }
            }
        }
    }

    private void setRole(Person p, String role) {
        if (p.role == null) {
            p.role = role.strip();
        }
    }

    private void setOrg(Person p, int a, int b) {
        if (p.role != null && PLACE_ROLES.contains(firstWord(NameForms.fold(p.role)))) {
            return; // "le gouverneur de l'État de Washington": the role's "de" names a place
        }
        int o = addOrg(a, b);
        if (o >= 0 && p.org == null) {
            p.org = orgs.get(o).name;
        }
    }

    // ---------------------------------------------------------------- organisations

    /** Last token of the capitalised name starting at token a (connectors between capitals allowed). */
    int chunkEnd(int a) {
        int e = a;
        int k = a + 1;
        while (k < t.size && k - a < 8) {
            if (t.cap(k) && personAt[k] < 0 && !(t.in(Lexicon.ROLE_WORDS, k) && !t.acronym(k))) {
                e = k;
                k++;
            } else if (t.isWord[k] && Character.isDigit(t.word[k].charAt(0)) && k == e + 1 && t.word[k].length() <= 2) {
                e = k;
                k++;
            } else if (t.punct(k, '+') && k == e + 1) {
                e = k;
                k++;
            } else if (k == e + 1 && t.isWord[k] && t.in(ORG_ADJECTIVES, k) && t.in(Lexicon.ORG_WORDS, e)) {
                // "Institut français de Jérusalem", "Parti communiste", "Autorité palestinienne"
                e = k;
                k++;
            } else if (k == e + 1 && t.is(k, "et") && t.cap(k + 1) && adjectiveLike(t.f(e)) && adjectiveLike(t.f(k + 1))) {
                e = k + 1; // "Ministère de la Transition Écologique et Solidaire": two adjectives, one name
                k += 2;
            } else if (t.isWord[k] && t.lowerIn(CONNECTORS, k) && k + 1 < t.size) {
                int n = k + 1;
                while (n < t.size && t.isWord[n] && t.lowerIn(CONNECTORS, n) && n - k < 2) {
                    n++;
                }
                if (t.cap(n) && personAt[n] < 0 && !t.acronym(n) || t.cap(n) && t.lower(k).equals("of")) {
                    k = n;
                } else {
                    break;
                }
            } else {
                break;
            }
        }
        return e;
    }

    private boolean eventLike(int a, int b) {
        for (int k = a; k <= b; k++) {
            if (t.isWord[k] && t.in(Lexicon.EVENT_WORDS, k)) {
                return true;
            }
        }
        return false;
    }

    /** Registers the organisation named by tokens a..b (trimmed of leading function and role words); -1 if none. */
    private int addOrg(int a, int b) {
        while (a <= b && (!t.isWord[a] || FUNCTION_WORDS.contains(t.lower(a).replace("'", "")) && !knownOrg(a, b)
                || Lexicon.ROLE_WORDS.contains(NameForms.fold(t.word[a])) && a < b)) {
            a++;
        }
        while (b >= a && (!t.isWord[b] && !t.word[b].equals("+") || t.lowerIn(CONNECTORS, b))) {
            b--;
        }
        if (a > b || a == b && t.punct(a - 1, '(') && t.punct(a + 1, ')') && glossaryTerm(termStart(a - 2), a - 2)) {
            return -1; // also "- Time to First Byte (TTFB) :" taken as a person's affiliation
        }
        String span = oneSpaced(t.span(a, b));
        String key = NameForms.fold(span);
        if (key.isEmpty() || Lexicon.ORG_PLACES.contains(key) || Lexicon.NOT_ENTITIES.contains(key) || personByKey.containsKey(key)
                || !Lexicon.KNOWN_ORGANISATIONS.contains(key) && (genericOrgWords(a, b) || pluralPeople(a, b))) {
            return -1;
        }
        for (int k = a; k <= b; k++) {
            orgAt[k] = true;
        }
        return register(span, key);
    }

    private int register(String span, String key) {
        Integer o = orgByKey.get(key);
        if (o == null) {
            Org org = new Org();
            org.name = span;
            org.key = key;
            o = orgs.size();
            orgs.add(org);
            orgByKey.put(key, o);
        }
        return o;
    }

    /** Whether every part of a hyphenated word is an organisation's acronym ("CFDT-CGT"), two at least. */
    private static boolean knownAcronyms(String word) {
        String[] parts = word.split("-");
        for (String part : parts) {
            if (part.length() < 2 || !part.equals(part.toUpperCase()) || !Lexicon.KNOWN_ORGANISATIONS.contains(NameForms.fold(part))) {
                return false;
            }
        }
        return parts.length >= 2;
    }

    /** Two capitalised parts joined by a hyphen, the first a known organisation's one-word name. */
    private static boolean hyphenatedBrand(String word) {
        int dash = word.indexOf('-');
        return dash == word.lastIndexOf('-') && dash + 2 < word.length() && Character.isUpperCase(word.charAt(dash + 1))
                && Lexicon.KNOWN_ORGANISATIONS.contains(NameForms.fold(word.substring(0, dash)))
                && !Lexicon.ORG_PLACES.contains(NameForms.fold(word.substring(0, dash))) && dash > 3; // not "Spa-Francorchamps"
    }

    /** "Agence", "Fonds", "Alliance": an organisation word alone names no one organisation. */
    private boolean genericOrgWords(int a, int b) {
        return a == b && t.in(Lexicon.ORG_WORDS, a);
    }

    /** "les Occidentaux", "des Palestiniens", "aux Libanais": a people, not an organisation. */
    private boolean pluralPeople(int a, int b) {
        // "les Américains du Nord": a people and its region
        boolean region = b == a + 2 && (t.is(a + 1, "du") || t.is(a + 1, "de")) && (t.in(COMPASS, b) || t.in(Lexicon.ORG_PLACES, b));
        if (a != b && !region || !(t.is(a - 1, "les") || t.is(a - 1, "des") || t.is(a - 1, "aux") || t.is(a - 1, "ces"))) {
            return false;
        }
        String f = t.f(a);
        return f.endsWith("ais") || f.endsWith("aises") || f.endsWith("iens") || f.endsWith("iennes") || f.endsWith("ois")
                || f.endsWith("oises") || f.endsWith("ains") || f.endsWith("aines") || f.endsWith("aux") || f.endsWith("ens");
    }

    private static final Set<String> COMPASS = Lexicon.set(List.of("nord", "sud", "est", "ouest"));

    private boolean knownOrg(int a, int b) {
        int r = prefixReach(a);
        if (!reachFirstWord) {
            return false;
        }
        if (a == b) {
            return t.in(Lexicon.KNOWN_ORGANISATIONS, a);
        }
        if (b > r && b <= a + REACH_LIMIT) {
            return false; // a shorter span already names no organisation's first words
        }
        StringBuilder key = new StringBuilder(t.f(a));
        for (int k = a + 1; k <= b; k++) {
            String f = t.f(k);
            if (!f.isEmpty()) {
                key.append(' ').append(f);
            }
        }
        return Lexicon.KNOWN_ORGANISATIONS.contains(key.toString());
    }

    /** How far {@link #prefixReach} looks; longer spans are checked in full. */
    private static final int REACH_LIMIT = 16;
    private int reachFrom = -1;
    private int reach;
    /** Whether token {@link #reachFrom} starts with the first word of some organisation's name. */
    private boolean reachFirstWord;

    /**
     * The last token b (at most {@link #REACH_LIMIT} after a) such that the key of tokens a..b is still the start
     * of some organisation's name, a word at a time: no longer span from a can be in the gazetteer. The gazetteer
     * is tried longest span first from each capitalised word, so this saves building most of those keys.
     */
    private int prefixReach(int a) {
        if (reachFrom == a) {
            return reach;
        }
        reachFrom = a;
        reach = a;
        reachFirstWord = firstWordIn(Lexicon.ORG_FIRST_WORDS, a);
        if (!reachFirstWord) {
            return a;
        }
        StringBuilder key = new StringBuilder(t.f(a));
        int r = a;
        for (int k = a + 1; k < t.size && k <= a + REACH_LIMIT; k++) {
            String f = t.f(k);
            if (!f.isEmpty()) {
                key.append(' ').append(f);
                if (!Lexicon.ORG_PREFIXES.contains(key.toString())) {
                    break;
                }
            }
            r = k;
        }
        reach = r;
        return r;
    }

    private void findOrgs() {
        Map<String, Integer> acronymCounts = acronymCounts();
        for (int i = 0; i < t.size; i++) {
            i = orgFrom(i, acronymCounts);
        }
        int[] commas = commaTokens();
        findListedOrgs(commas);
        findApposedOrgs(commas);
        mergeAcronyms();
    }

    /**
     * How often each acronym stands on its own ("ACR"), and after an article or preposition ("ACR named"), and whether the
     * text defines it by lower-case words ("ACR thing"). "le LNU Lightning Complex" and "WRX STI" are parts of longer
     * names, and "les SHA contenant…" things: a repeated acronym counts as an organisation only when repeated alone.
     */
    private Map<String, Integer> acronymCounts() {
        Map<String, Integer> acronymCounts = new HashMap<>();
        for (int i = 0; i < t.size; i++) {
            if (t.acronym(i) && !(t.cap(i - 1) && !FUNCTION_WORDS.contains(t.lower(i - 1).replace("'", "")) && !t.sentenceStart(i))
                    && !t.cap(i + 1) && !(t.is(i - 1, "les") || t.is(i - 1, "des") || t.is(i - 1, "ces"))) {
                acronymCounts.merge(t.word[i], 1, Integer::sum);
                if (t.lowerIn(NAMING_WORDS, i - 1)) {
                    acronymCounts.merge(t.word[i] + " named", 1, Integer::sum);
                }
                if (definedByLowerCaseWords(i) || t.punct(i - 1, '(') && t.punct(i + 1, ')')
                        && (glossedThing(i) || glossaryTerm(termStart(i - 2), i - 2))) {
                    acronymCounts.merge(t.word[i] + " thing", 1, Integer::sum);
                }
            }
        }
        if (!acronymCounts.isEmpty()) {
            // "la Licra" where the text also writes "la LICRA": one acronym, written as a word
            for (int i = 0; i < t.size; i++) {
                int n = t.word[i].length();
                if (n >= 3 && n <= 6 && t.cap(i) && !t.acronym(i) && !t.sentenceStart(i)) {
                    String upper = t.word[i].toUpperCase(java.util.Locale.ROOT);
                    if (acronymCounts.containsKey(upper) && t.word[i].substring(1).equals(t.word[i].substring(1).toLowerCase())) {
                        acronymCounts.merge(upper, 1, Integer::sum);
                        if (t.lowerIn(NAMING_WORDS, i - 1)) {
                            acronymCounts.merge(upper + " named", 1, Integer::sum);
                        }
                    }
                }
            }
        }
        return acronymCounts;
    }

    /**
     * Organisations named from token i on: returns the last token taken (i when none). One token's rules per call, not one
     * loop over the text: the JIT compiles this once, where it kept replacing and recompiling the long loop.
     */
    private int orgFrom(int i, Map<String, Integer> acronymCounts) {
        if (!t.isWord[i] || personAt[i] >= 0 || orgAt[i]) {
            return i;
        }
        if (!t.cap(i) && Character.isDigit(t.word[i].charAt(0)) && t.in(Lexicon.ORG_FIRST_WORDS, i)) {
            int found = -1;
            for (int len = Math.min(Lexicon.MAX_ORG_WORDS, t.size - i); len >= 2 && found < 0; len--) {
                int e = wordEnd(i, len);
                if (e >= 0 && knownOrg(i, e) && (t.cap(i + 1) || e - i >= 2)) { // "20 Minutes", not "20 minutes"
                    found = e;
                }
            }
            if (found >= 0) {
                addOrg(i, found);
                i = found;
                return i;
            }
        }
        if (!t.cap(i) && (t.word[i].length() == 9 || t.word[i].length() == 11)
                && (t.f(i).equals("ministere") || t.f(i).equals("secretariat"))) {
            // "le ministère des Affaires étrangères", "le secrétariat d'État au Numérique", "le ministère russe des Sports"
            int k = i + 1;
            if (k + 1 < t.size && t.isWord[k] && !t.cap(k) && adjectiveLike(t.f(k)) && t.lowerIn(CONNECTORS, k + 1)) {
                k++;
            }
            int head = k;
            while (k < t.size && k <= head + 2 && t.isWord[k] && !t.cap(k) && t.lowerIn(CONNECTORS, k)) {
                k++;
            }
            if (k > head && t.cap(k) && personAt[k] < 0 && !t.in(Lexicon.ORG_PLACES, k)) {
                int e = ministryEnd(k);
                if (e == k && (t.is(e + 1, "d'") || t.is(e + 1, "d’")) && e + 2 < t.size && t.isWord[e + 2] && !t.cap(e + 2)
                        && t.word[e + 2].length() > 3 && !t.lowerIn(QuoteFinder.SPEECH, e + 2)) {
                    e += 2; // "le ministère des Situations d'urgence": a portfolio's lower-case complement
                }
                int o = addOrg(i, e);
                if (o >= 0 && head > i + 1) {
                    // "le ministère français des Affaires étrangères" is also "le ministère des Affaires étrangères"
                    orgs.get(o).aliases.add(oneSpaced(t.word[i] + " " + t.span(i + 2, e)));
                }
                i = e;
                return i;
            }
            if (k > head && k < t.size && t.isWord[k] && !t.cap(k) && t.word[k].length() > 3 && t.f(i).equals("ministere")
                    && !t.lowerIn(FUNCTION_WORDS, k) && !t.f(k).equals("tutelle") && !t.lowerIn(QuoteFinder.SPEECH, k)) {
                // "le ministère de la santé", "le ministère des situations d'urgence": a portfolio in lower case
                int e = k;
                if (k + 1 < t.size && t.isWord[k + 1] && !t.cap(k + 1) && adjectiveLike(t.f(k + 1))) {
                    e = k + 1;
                } else if ((t.is(k + 1, "d'") || t.is(k + 1, "d’")) && k + 2 < t.size && t.isWord[k + 2] && !t.cap(k + 2)
                        && t.word[k + 2].length() > 3) {
                    e = k + 2;
                }
                if (t.is(e + 1, "de") || t.is(e + 1, "du") || t.is(e + 1, "des")) {
                    return e; // "l'appropriation par le ministère de la question de …": a noun's complement, no portfolio
                }
                addOrg(i, e);
                return e;
            }
        }
        if (!t.cap(i) && maybeLowerCaseHead(t.word[i]) && t.in(LOWER_CASE_HEADS, i)) {
            int e = institutionEnd(i);
            if (e > i) {
                addOrg(i, e);
                return e;
            }
        }
        if (!t.cap(i) && t.in(LOWER_CASE_BODIES, i) && t.in(Lexicon.ORG_FIRST_WORDS, i) && !t.f(i).equals("maison")) {
            int e = knownInLowerCase(i);
            if (e > i) {
                e = acronymClosedEnd(i, e); // "la direction interministérielle du numérique et du système … (DINSIC)"
                if (t.punct(e + 1, '(') && t.acronym(e + 2) && t.punct(e + 3, ')') && !abbreviates(t.f(e + 2), i, e)) {
                    return e; // "le syndicat des commissaires de la police nationale (SCPN)": the end of a longer name
                }
                int o = addOrg(i, e);
                return o >= 0 ? bracketAlias(o, e) : e;
            }
        }
        if (!t.cap(i)) {
            // domain-named organisations: beta.gouv.fr, mentioned more than once
            String w = t.word[i];
            if (w.indexOf('.') > 0 && (w.endsWith(".fr") || w.endsWith(".com") || w.endsWith(".org") || w.endsWith(".io"))
                    && count(w) >= 2) {
                addOrg(i, i);
            } else if (t.in(Lexicon.LOWER_CASE_ORGANISATIONS, i) && w.equals(t.lower(i))) {
                addOrg(i, i); // "repéré par franceinfo": a name the lists write in lower case
            }
            return i;
        }
        if (shareContext(i)) {
            return i;
        }
        if (i + 1 < t.size && t.isWord[i + 1] && Character.isDigit(t.word[i + 1].charAt(0)) && !t.cap(i + 1)
                && t.in(Lexicon.ORG_FIRST_WORDS, i + 1) && !firstWordIn(Lexicon.ORG_FIRST_WORDS, i)) {
            return i; // "Selon 20 Minutes": the next token opens a known name, which the chunk from here would swallow
        }
        if (t.word[i].length() > 4 && Character.isUpperCase(t.word[i].charAt(1)) && t.word[i].indexOf('-') > 0
                && knownAcronyms(t.word[i])) {
            // "l'intersyndicale CFDT-CFTC-CGT-SNJ-UNSA": each one an organisation
            for (String part : t.word[i].split("-")) {
                register(part, NameForms.fold(part));
            }
            orgAt[i] = true;
            return i;
        }
        if (t.cap(i) && t.word[i].indexOf('-') > 0 && !t.cap(i + 1) && hyphenatedBrand(t.word[i])) {
            addOrg(i, i); // "Mercedes-Benz", "Mercedes-AMG": a known brand joined to another capitalised name
            return i;
        }
        if ((t.is(i - 1, "du") || t.is(i - 1, "le")) && compassRegion(t.f(i))) {
            return i; // "les accents du Sud-Ouest": a region, whatever newspaper bears its name
        }
        // gazetteer: longest match first, from this word or, after a leading article, from the next
        boolean found = false;
        for (int from = i; from <= i + 1 && !found && from < t.size; from++) {
            if (from > i && !(t.is(i, "le") || t.is(i, "la") || t.is(i, "les") || t.is(i, "l'"))) {
                break;
            }
            if (!capitalContent(from)) {
                continue;
            }
            if (t.punct(from + 1, '+') && t.isWord[from] && t.in(Lexicon.PLUS_NAMES, from)) {
                addOrg(from, from + 1); // "Canal+": the lists' key keeps the "+" that the tokens split off
                i = from + 1;
                found = true;
                break;
            }
            int reach = prefixReach(from);
            if (!reachFirstWord) {
                continue; // no organisation's name starts with this word
            }
            // no name goes past the reach, when the reach is within what prefixReach looks at
            int longest = reach < from + REACH_LIMIT ? reach - from + 1 : Lexicon.MAX_ORG_WORDS + 2;
            int limit = lineEnd(from, Lexicon.MAX_ORG_WORDS + 2); // wordEnd(from, len) is -1 from this token on
            for (int len = Math.min(Math.min(longest, Lexicon.MAX_ORG_WORDS + 2), t.size - from); len >= 1 && !found; len--) {
                int e = from + len - 1 < limit ? from + len - 1 : -1;
                if (e >= 0 && knownOrg(from, e) && !t.punct(e + 1, '+')
                        && (e + 1 >= t.size || !t.cap(e + 1) || !orgWordAt(chunkEnd(from)))) {
                    if (from == e && branchInPlace(e)) {
                        e += 2; // "le TGI de Marseille": the court of that city, a body of its own
                    } else if (t.isWord[e] && t.isWord[e + 1] && t.cap(e + 1) && orgWordAt(e + 1)) {
                        // "le Ferrari Museum de Maranello", "Paramount Pictures d'Hollywood": the brand's body, not its place
                        while (e + 1 < t.size && t.isWord[e + 1] && t.cap(e + 1) && personAt[e + 1] < 0) {
                            e++;
                        }
                    }
                    int o = addOrg(from, e);
                    if (o >= 0 && from > 0 && t.word[from - 1].equals("The")) {
                        orgs.get(o).aliases.add("The " + orgs.get(o).name); // "au quotidien britannique The Daily Mail"
                    }
                    i = e;
                    found = true;
                }
            }
        }
        // "selon les informations du Parisien": a gazetteer name without its article after du/au
        if (!found && (t.is(i - 1, "du") || t.is(i - 1, "au")) && !t.cap(i + 1)
                && Lexicon.KNOWN_ORGANISATIONS.contains("le " + t.f(i))) {
            register("Le " + t.word[i], "le " + t.f(i)); // its name is "Le Parisien", whose article "du" contracts
            orgAt[i] = true;
            found = true;
        }
        // "un candidat des Républicains": the same with "Les", which "des" and "aux" contract
        if (!found && (t.is(i - 1, "des") || t.is(i - 1, "aux")) && !t.cap(i + 1)
                && Lexicon.KNOWN_ORGANISATIONS.contains("les " + t.f(i))) {
            register("Les " + t.word[i], "les " + t.f(i));
            orgAt[i] = true;
            found = true;
        }
        if (found) {
            return i;
        }
        if (!t.sentenceStart(i) && t.in(Lexicon.ORG_WORDS, i) && i + 1 < t.size && t.isWord[i + 1] && !t.cap(i + 1)) {
            int d = definedNameEnd(i);
            if (d > i) {
                addOrg(i, d);
                return d;
            }
        }
        int e = chunkEnd(i);
        int s = i;
        while (s < e && (FUNCTION_WORDS.contains(t.lower(s).replace("'", "")) || t.lowerIn(CONNECTORS, s)
                || t.in(Lexicon.ROLE_WORDS, s) || t.sentenceStart(s) && t.lowerIn(CONNECTORS, s + 1)
                || t.acronym(s) && t.in(ORG_NOUNS, s))) { // "l'ONG SOS Méditerranée": the kind, then the name it cues
            s++;
        }
        while (s < e && (t.lowerIn(CONNECTORS, s))) {
            s++;
        }
        if (s > i && capitalContent(s) && firstWordIn(Lexicon.ORG_FIRST_WORDS, s)) {
            return s - 1; // "Selon la Haute autorité de santé": the gazetteer from "Haute" on, at the next token
        }
        if (e == s + 2 && branchInPlace(s) && (accept(s, s, acronymCounts) || t.lowerIn(NAMING_WORDS, s - 1) && !t.sentenceStart(s)
                && (!t.in(Lexicon.ACRONYMS_OF_THINGS, s) || t.in(HOSPITAL_KINDS, s)) && !t.in(Lexicon.ROLE_WORDS, s))) {
            addOrg(s, e); // "la DRPJ de Lyon", "au CHU de Nantes": a body's branch in a city, named once is enough
            return e;
        }
        if (accept(s, e, acronymCounts)) {
            int end = acronymClosedEnd(s, lowerCaseTail(s, e));
            if (end == e && e > s && t.f(s).equals("ministere")) {
                end = ministryEnd(e); // "le Ministère des Affaires sociales", as its lower-case form "le ministère des Affaires sociales"
            }
            if (end == e && e == s && e + 1 < t.size && t.isWord[e + 1] && !t.cap(e + 1) && nationality(t.f(e + 1))
                    && !t.acronym(e)) {
                end = e + 1; // "un député du Bloc québécois": the nationality is part of the name
            }
            int o = addOrg(s, end);
            if (o >= 0 && s > 0 && t.word[s - 1].equals("The")) {
                orgs.get(o).aliases.add("The " + orgs.get(o).name); // "le journal The Daily Planet"
            }
            if (o >= 0 && end > s) {
                return bracketAlias(o, end);
            }
        } else if (s == e && t.in(PARLIAMENTS, s) && !t.sentenceStart(s) && s + 1 < t.size && t.isWord[s + 1] && !t.cap(s + 1)
                && nationality(t.f(s + 1))) {
            addOrg(s, s + 1); // "le Parlement bolivien", "le Congrès péruvien": a country's assembly
            return s + 1;
        } else if (s == e && (t.in(Lexicon.ORG_WORDS, s) || t.in(LOWER_CASE_BODIES, s)) && !t.sentenceStart(s)) {
            // "la Ligue contre le cancer": capitalised in mid-sentence, so a name; "la Brigade spéciale de surveillance et
            // d'Intervention (BSSI)": as far as the acronym that spells it
            int tail = acronymClosedEnd(s, lowerCaseTail(s, e));
            if (tail > e) {
                int o = addOrg(s, tail);
                return o >= 0 ? bracketAlias(o, tail) : tail;
            }
        }
        return e;
    }

    /**
     * Organisations their context defines: "Arradoy, une société de conditionnement", "L'entreprise de nuanciers,
     * Pantone,", and a short name followed by the words it abbreviates, "le Ghef (Grand hôpital de l'Est Francilien)".
     */
    /** Organisations found to be the start of a longer name defined later; dropped as names of their own. */
    private final Set<Org> absorbed = new HashSet<>();

    private void findApposedOrgs(int[] commas) {
        for (int c = t.text.indexOf('('); c >= 0; c = t.text.indexOf('(', c + 1)) {
            int k = tokenAt(c);
            if (k >= 2 && t.punct(k, '(')) {
                int i = k - 1;
                if (!t.cap(i) || t.cap(i - 1) || orgAt[i] || personAt[i] >= 0 || t.word[i].length() > 8) {
                    continue;
                }
                int close = k + 1;
                while (close < t.size && close < k + 15 && !t.punct(close, ')') && !t.word[close].equals("\n")) {
                    close++;
                }
                if (t.punct(close, ')') && close - k >= 3 && t.cap(k + 1) && containsOrgWord(k + 1, close - 1)
                        && abbreviates(t.f(i), k + 1, close - 1)) {
                    int o = addOrg(k + 1, close - 1);
                    if (o >= 0) {
                        Org defined = orgs.get(o);
                        defined.aliases.add(t.word[i]);
                        orgAt[i] = true;
                        for (Org other : orgs) { // "Centre hospitalier" found earlier is the start of this name
                            if (other != defined && defined.key.startsWith(other.key + " ")) {
                                defined.aliases.add(other.name);
                                absorbed.add(other);
                            }
                        }
                    }
                }
            }
        }
        int after = -1;
        for (int k : commas) {
            if (k >= 2 && k > after) {
                // "X, une société …" ("X, le ministère …" may start a new clause)
                if ((t.is(k + 1, "une") || t.is(k + 1, "un")) && t.in(ORG_NOUNS, k + 2) && !t.in(NOT_APPOSED, k + 2)) {
                    int i = k - 1;
                    while (i > 0 && t.cap(i - 1) && k - i < 4) {
                        i--;
                    }
                    if (t.cap(i) && !t.cap(i - 1) && chunkEnd(i) == k - 1 && !(t.sentenceStart(i) && !t.punct(i - 1, ','))) {
                        apposedOrg(i, k - 1);
                    }
                }
                // "L'entreprise de nuanciers, X, …" as a sentence's subject: lower-case words only between the noun
                // and the name, and no role ("le CEO de la marque, Stephan Winkelmann,")
                if (t.cap(k + 1) && subjectOrgNounBefore(k)) {
                    int e = chunkEnd(k + 1);
                    if (e - k <= 4 && t.punct(e + 1, ',')) {
                        apposedOrg(k + 1, e);
                        after = e;
                    }
                }
            }
        }
    }

    private void apposedOrg(int i, int e) {
        if (orgAt[i] || personAt[i] >= 0 || i == e && !allLetters(t.word[i]) && hasDigit(t.word[i])) {
            return; // "le Covid-19, un organisme…": the code of a thing, not the body the noun describes
        }
        String f = NameForms.fold(t.span(i, e));
        if (!Lexicon.ORG_PLACES.contains(f) && !Lexicon.NOT_ENTITIES.contains(f) && !Lexicon.ROLE_WORDS.contains(f)) {
            addOrg(i, e);
        }
    }

    /** "L'entreprise de nuanciers," before the comma at {@code comma}, starting its sentence. */
    private boolean subjectOrgNounBefore(int comma) {
        for (int k = comma - 1; k >= 0 && k >= comma - 5 && t.isWord[k] && !t.cap(k) && !t.in(Lexicon.ROLE_WORDS, k); k--) {
            if (t.in(ORG_NOUNS, k) && !t.in(NOT_APPOSED, k)
                    && (t.is(k - 1, "l'") || t.is(k - 1, "la") || t.is(k - 1, "le")) && t.sentenceStart(k - 1)) {
                return true;
            }
        }
        return false;
    }

    /** Organisation nouns too loose to name an organisation by apposition ("X, le leader du marché" may be a person). */
    private static final Set<String> NOT_APPOSED = Lexicon.set(List.of("leader", "specialiste", "chez", "site", "service",
            "application", "appli", "jeune", "geant", "concurrent", "rival", "maison", "label", "media", "reseau"));

    /** Whether the short name abbreviates the words a..b: its letters are their initials in order (small words may be skipped). */
    private boolean abbreviates(String shortName, int a, int b) {
        StringBuilder initials = new StringBuilder();
        for (int k = a; k <= b; k++) {
            if (t.isWord[k] && !FUNCTION_WORDS.contains(t.lower(k).replace("'", "").replace("’", ""))) {
                initials.append(t.f(k).charAt(0));
            }
        }
        return shortName.length() >= 2 && NameForms.spells(initials, shortName);
    }

    /**
     * "Atac, Auchan, Carrefour, Système U ainsi que Netto": the unknown names of a list of three or more whose items are
     * mostly organisations already found, or of a list introduced as organisations ("des marques comme Top Budget,
     * Netto ou Matines"), are organisations too. A list naming a person is left alone.
     */
    /** Indexes of the comma tokens, found through the text (much faster than a walk over every token). */
    private int[] commaTokens() {
        int[] out = new int[8];
        int n = 0;
        for (int c = t.text.indexOf(','); c >= 0; c = t.text.indexOf(',', c + 1)) {
            int k = tokenAt(c);
            if (t.punct(k, ',')) {
                if (n == out.length) {
                    out = java.util.Arrays.copyOf(out, 2 * n);
                }
                out[n++] = k;
            }
        }
        return java.util.Arrays.copyOf(out, n);
    }

    private void findListedOrgs(int[] commas) {
        List<int[]> items = new ArrayList<>();
        boolean twoKnown = orgs.size() >= 2; // else only a list introduced as organisations qualifies
        int listEnd = -1;
        // a list shows at its first comma: find the item before it, then walk the list from there
        for (int sep : commas) {
            if (sep <= listEnd + 1) {
                continue;
            }
            int i = sep - 1;
            while (i > listEnd + 1 && (t.cap(i - 1) || t.punct(i, '+') || t.word[i - 1].equals("&")
                    || i > listEnd + 2 && linking(i - 1) && t.cap(i - 2))) {
                i--; // "History of Political Economy": its "of" too
            }
            if (i <= listEnd || !t.cap(i) || !twoKnown && !t.is(i - 1, "comme") && !t.is(i - 1, "que") && !t.punct(i - 1, '(')) {
                continue;
            }
            items.clear();
            int k = i;
            while (true) {
                int e = itemEnd(k);
                if (e < 0) {
                    break;
                }
                items.add(new int[]{k, e});
                int n = e + 1;
                if (t.punct(n, ',') || t.is(n, "et") || t.is(n, "ou")) {
                    n++;
                } else if (t.is(n, "ainsi") && t.is(n + 1, "que")) {
                    n += 2;
                } else {
                    break;
                }
                if (t.is(n, "et") || t.is(n, "ou")) {
                    n++;
                }
                if (!t.cap(n)) {
                    break;
                }
                k = n;
            }
            if (items.isEmpty()) {
                continue;
            }
            int known = 0;
            boolean person = false;
            for (int[] item : items) {
                known += orgAt[item[0]] ? 1 : 0;
                person |= personAt[item[0]] >= 0;
            }
            int first = items.get(0)[0];
            boolean introduced = (t.is(first - 1, "comme") || t.is(first - 1, "que") && t.is(first - 2, "tels")
                    || t.is(first - 1, "que") && t.is(first - 2, "telles")) && first > 2 && ORG_NOUNS.contains(singular(t.f(first - 2)))
                    || bracketedAfterKinds(first);
            if (!person && (items.size() >= 3 && known * 2 >= items.size() && known >= 2 || introduced && items.size() >= 2)) {
                for (int[] item : items) {
                    if (!orgAt[item[0]]) {
                        String f = NameForms.fold(t.span(item[0], item[1]));
                        if (!Lexicon.ORG_PLACES.contains(f) && !Lexicon.NOT_ENTITIES.contains(f) && !Lexicon.ROLE_WORDS.contains(f)
                                && !eventLike(item[0], item[1])) {
                            addOrg(item[0], item[1]);
                        }
                    }
                }
            }
            listEnd = items.get(items.size() - 1)[1];
        }
    }

    /** "des marques (X, Y…)", "des marques importantes (X, Y…)": a list in brackets after plural organisation nouns. */
    private boolean bracketedAfterKinds(int first) {
        if (first < 3 || !t.punct(first - 1, '(')) {
            return false;
        }
        int k = first - 2;
        if (t.isWord[k] && !t.cap(k) && !t.f(k).endsWith("s") && !t.f(k).endsWith("x")) {
            return false;
        }
        if (t.isWord[k] && !t.cap(k) && !ORG_NOUNS.contains(singular(t.f(k))) && !FUNCTION_WORDS.contains(t.f(k))) {
            k--; // "importantes", "partenaires": one adjective or noun after the kind
        }
        return t.isWord[k] && !t.cap(k) && t.f(k).length() > 3 && (t.f(k).endsWith("s") || t.f(k).endsWith("x"))
                && ORG_NOUNS.contains(singular(t.f(k))) && (!NOT_DESCRIBED.contains(singular(t.f(k))) || t.f(k).equals("marques"));
    }

    /** Last token of a list item starting at token k: a found organisation or person, or up to four capitalised words (Rock &amp; Folk); -1 if longer. */
    private int itemEnd(int k) {
        int e = k;
        if (orgAt[k] || personAt[k] >= 0) {
            while (e + 1 < t.size && (orgAt[k] ? orgAt[e + 1] : personAt[e + 1] == personAt[k])) {
                e++;
            }
            return e;
        }
        while (e + 1 < t.size && !orgAt[e + 1] && personAt[e + 1] < 0
                && (t.cap(e + 1) || t.punct(e + 1, '+') || (t.word[e + 1].equals("&") || linking(e + 1)) && t.cap(e + 2))) {
            e++;
        }
        return e - k < 4 ? e : -1;
    }

    /** An English connector inside a name: "Social Choice and Welfare", "History of Political Economy". */
    private boolean linking(int k) {
        return t.is(k, "of") || t.is(k, "and") || t.is(k, "for");
    }

    private static String singular(String w) {
        return w.endsWith("s") ? w.substring(0, w.length() - 1) : w;
    }

    /**
     * End of a ministry's name from its first capitalised word: lower-case adjectives ("Affaires étrangères",
     * "Transition écologique") and "et de la Santé" continue it; a further capitalised word (a person's name) does not.
     */
    private int ministryEnd(int k) {
        int e = k;
        while (e + 1 < t.size && t.isWord[e + 1]) {
            String f = t.f(e + 1);
            // "Affaires étrangères", and "Affaires Etrangères" with a capital: an adjective either way
            if ((!t.cap(e + 1) || personAt[e + 1] < 0 && !t.acronym(e + 1) && !t.cap(e + 2)) && f.length() > 3
                    && !t.lowerIn(QuoteFinder.SPEECH, e + 1) && !f.equals("communique")
                    && (f.endsWith("ere") || f.endsWith("eres") || f.endsWith("ique") || f.endsWith("iques")
                    || f.endsWith("ale") || f.endsWith("ales") || f.endsWith("aux") || f.endsWith("elle") || f.endsWith("elles")
                    || f.endsWith("aire") || f.endsWith("aires") || f.endsWith("ienne") || ORG_ADJECTIVES.contains(f))) {
                e++;
            } else if (f.equals("et") && e + 2 < t.size) {
                int n = e + 2;
                while (n < t.size && n <= e + 4 && t.isWord[n] && !t.cap(n) && t.lowerIn(CONNECTORS, n)) {
                    n++;
                }
                if ((n > e + 2 || adjectiveLike(t.f(n))) && t.cap(n) && personAt[n] < 0) {
                    e = n; // "et de la Santé", "Transition écologique et Solidaire"
                } else {
                    break;
                }
            } else {
                break;
            }
        }
        return e;
    }

    /**
     * End of a name whose capitalised words are only an organisation word and its adjective, which name no one body:
     * "la Direction générale" of "la Direction générale de l'alimentation", "la Ligue" of "la Ligue contre le cancer"
     * take one lower-case complement ("de l'alimentation", "contre le cancer") and its adjective. e if none.
     */
    private int lowerCaseTail(int s, int e) {
        if (!t.in(Lexicon.ORG_WORDS, s) && !t.in(LOWER_CASE_BODIES, s) || e > s + 1
                || e > s && !t.in(ORG_ADJECTIVES, e)) {
            return e;
        }
        int k = e + 1;
        while (k <= e + 2 && k < t.size && t.isWord[k] && !t.cap(k) && (adjectiveLike(t.f(k)) || nationality(t.f(k)))) {
            k++; // "le Conseil national consultatif d'éthique", "l'Office parlementaire des choix…"
        }
        if (t.is(k, "à") || t.is(k, "au") || t.is(k, "aux")) {
            int c = k + 1;
            while (c <= k + 2 && (t.is(c, "la") || t.is(c, "l'") || t.is(c, "l’"))) {
                c++;
            }
            // "la Direction générale à la Mondialisation": a capitalised complement after "à"
            return e > s && t.cap(c) && personAt[c] < 0 && !t.in(Lexicon.ORG_PLACES, c) && !t.acronym(c) ? chunkEnd(c) : e;
        }
        if (!(t.is(k, "de") || t.is(k, "du") || t.is(k, "des") || t.is(k, "d'") || t.is(k, "pour") || t.is(k, "contre"))) {
            // "le Centre spatial européen": two adjectives make a name of an organisation word alone
            return k >= e + 3 && !(t.isWord[k] && !t.cap(k) && t.lowerIn(CONNECTORS, k)) ? k - 1 : e;
        }
        k++;
        while (k <= e + 4 && (t.is(k, "la") || t.is(k, "l'") || t.is(k, "le") || t.is(k, "les"))) {
            k++;
        }
        if (k >= t.size || !t.isWord[k] || t.cap(k) || t.word[k].length() < 3 || t.lowerIn(FUNCTION_WORDS, k)
                || t.lowerIn(QuoteFinder.SPEECH, k) || Character.isDigit(t.word[k].charAt(0)) || t.is(k, "lui") || t.is(k, "eux")) {
            return e; // "la décision de l'Armée de lui refuser…": an infinitive's object, no complement of the name
        }
        String next = t.f(k + 1 < t.size ? k + 1 : k);
        if (k + 1 < t.size && t.isWord[k + 1] && !t.cap(k + 1) && (adjectiveLike(next) || next.endsWith("iere"))) {
            k++; // "contre la violence routière", "de sécurité sanitaire"
            if (t.is(k + 1, "et") && k + 2 < t.size && t.isWord[k + 2] && !t.cap(k + 2) && adjectiveLike(t.f(k + 2))) {
                k += 2; // "des choix scientifiques et technologiques"
            }
        }
        if (t.is(k + 1, "de") && t.cap(k + 2) && (t.in(Lexicon.ORG_PLACES, k + 2) || shortNameInBrackets(k + 3))) {
            k += 2; // "l'École supérieure de journalisme de Paris", "l'Université de technologie de Varsk (VarTech)"
        } else if (t.is(k + 1, "du") || t.is(k + 1, "de") || t.is(k + 1, "des") || t.is(k + 1, "d'")) {
            // "l'Association nordique de l'industrie du jouet (ANIJ)": a second complement its acronym closes
            int c = k + 2;
            while (c <= k + 3 && (t.is(c, "la") || t.is(c, "l'") || t.is(c, "le") || t.is(c, "les"))) {
                c++;
            }
            if (c < t.size && t.isWord[c] && !t.cap(c) && t.punct(c + 1, '(') && t.acronym(c + 2) && t.punct(c + 3, ')')) {
                k = c;
            } else if (actionNoun(t.f(k)) && objectOfAction(c)) {
                // "le Comité pour la prévention de la torture": an action's noun takes its object along, and the
                // object its adjective or its own bare complement ("de la sécurité des systèmes d'information")
                k = c + 1 < t.size && t.isWord[c + 1] && !t.cap(c + 1) && adjectiveLike(t.f(c + 1)) ? c + 1
                        : (t.is(c + 1, "d'") || t.is(c + 1, "d’")) && objectOfAction(c + 2) && t.word[c + 2].length() > 4 ? c + 2 : c;
            }
        }
        return k;
    }

    /** Nouns of an action, which an object completes: "prévention", "protection", "développement", "sécurité". */
    private static boolean actionNoun(String f) {
        return f.length() > 6 && (f.endsWith("tion") || f.endsWith("sion") || f.endsWith("ment") || f.endsWith("ite"));
    }

    /** Nouns of a place or a time, which locate a body rather than complete its name: "de la région", "de l'année". */
    private static final Set<String> LOCATING = Lexicon.set(List.of("region", "ville", "commune", "departement", "pays",
            "province", "capitale", "annee", "semaine", "mois", "jour", "periode", "epoque", "zone", "territoire", "quartier"));

    /**
     * Token c, after "de" and an article, is an action's object ending a name: a lower-case noun ("de la torture",
     * "des oiseaux"), not a function word, a place's or a time's noun, nor one a capitalised complement follows
     * ("de la ville de Lyon").
     */
    private boolean objectOfAction(int c) {
        return c < t.size && t.isWord[c] && !t.cap(c) && t.word[c].length() >= 3 && !t.lowerIn(FUNCTION_WORDS, c)
                && !t.lowerIn(QuoteFinder.SPEECH, c) && !Character.isDigit(t.word[c].charAt(0)) && !t.in(LOCATING, c)
                && !((t.is(c + 1, "de") || t.is(c + 1, "du") || t.is(c + 1, "d'") || t.is(c + 1, "d’")) && t.cap(c + 2));
    }

    /** Participles of supplying, before "par" and a supplier: "fourni par", "équipée par". */
    private static final Set<String> SUPPLIED = Lexicon.set(List.of("fourni", "fournie", "fournis", "fournies", "equipe",
            "equipee", "equipes", "equipees", "motorise", "motorisee", "motorises", "motorisees"));
    /** Car parts, named by their maker's brand right after: "les jantes Fuchs", "une boîte Sadev", "des pneus Michelin". */
    private static final Set<String> PARTS = Lexicon.set(List.of("sieges", "siege", "baquets", "jantes", "pneus", "pneumatiques",
            "gommes", "boite", "freins", "freinage", "etriers", "amortisseurs", "suspension", "echappement", "turbo", "phares"));

    private static final Set<String> PARLIAMENTS = Lexicon.set(List.of("parlement", "congres", "senat"));

    /** A lower-case adjective of nationality: "bolivien", "français", "marocaine", "russe". */
    private static boolean nationality(String f) {
        return ORG_ADJECTIVES.contains(f) || f.length() > 4 && (f.endsWith("ien") || f.endsWith("ienne") || f.endsWith("ais")
                || f.endsWith("een") || f.endsWith("eenne")
                || f.endsWith("aise") || f.endsWith("ois") || f.endsWith("oise") || f.endsWith("ain") || f.endsWith("aine"));
    }

    /**
     * "l'Université de technologie de Varsk (VarTech)": a capitalised word in brackets right after organisation o's
     * name (ending at token end) is its short name, no organisation of its own; returns the last token taken.
     */
    /**
     * "le Haut Conseil de l'évaluation de la recherche (HCER)": the words up to a bracketed acronym that abbreviates the
     * name and them all belong to it; end when no such acronym closes them.
     */
    private int acronymClosedEnd(int s, int end) {
        for (int k = end + 1; k < t.size && k <= end + 12; k++) {
            if (t.punct(k, '(')) {
                return k > end + 1 && t.acronym(k + 1) && t.punct(k + 2, ')') && abbreviates(t.f(k + 1), s, k - 1) ? k - 1 : end;
            }
            if (!t.isWord[k]) {
                return end;
            }
        }
        return end;
    }

    private int bracketAlias(int o, int end) {
        if (!shortNameInBrackets(end + 1) || t.in(Lexicon.PLACES, end + 2) || t.in(Lexicon.ORG_PLACES, end + 2)) {
            return end;
        }
        orgs.get(o).aliases.add(t.word[end + 2]);
        orgAt[end + 2] = true;
        return end + 3;
    }

    /** "(VarTech)" from token k: one capitalised word in brackets, a short name for what comes before. */
    private boolean shortNameInBrackets(int k) {
        return t.punct(k, '(') && k + 2 < t.size && t.isWord[k + 1] && t.cap(k + 1) && t.punct(k + 2, ')') && personAt[k + 1] < 0;
    }

    /** Lower-case French adjective endings of organisations' names: "consultatif", "parlementaire", "numérique". */
    private static boolean adjectiveLike(String f) {
        return f.length() > 4 && (ORG_ADJECTIVES.contains(f) || f.endsWith("if") || f.endsWith("ive") || f.endsWith("al")
                || f.endsWith("ale") || f.endsWith("aire") || f.endsWith("ique") || f.endsWith("iques") || f.endsWith("el")
                || f.endsWith("elle") || f.endsWith("ien") || f.endsWith("ienne"));
    }

    /** Institutions named in lower case up to a place or a name: "le tribunal correctionnel de Quimper", "la mairie de Paris". */
    private static final Set<String> LOWER_CASE_HEADS = Lexicon.set(List.of("tribunal", "cour", "commission", "mairie",
            "prefecture", "conseil", "chambre", "universite", "parquet", "hopital", "musee", "parc", "lycee", "college", "ecole",
            "gendarmerie", "comite", "ambassade", "police", "commissariat"));
    /**
     * "la préfecture de police", "la brigade anti-criminalité": a known institution's name of two words or more written in
     * lower case after a body's word (the gazetteer's forms are capitalised, its keys folded; not "une maison blanche");
     * its last token, or i when none.
     */
    private int knownInLowerCase(int i) {
        int limit = lineEnd(i, Lexicon.MAX_ORG_WORDS + 1);
        for (int len = Math.min(Lexicon.MAX_ORG_WORDS, limit - i); len >= 2; len--) {
            int e = i + len - 1;
            if (!t.cap(e) && t.isWord[e] && knownOrg(i, e)) {
                for (int k = i + 1; k <= e; k++) {
                    if (t.cap(k)) {
                        return i; // "la cour d'appel de Paris" is the institutions' rule's
                    }
                }
                return e;
            }
        }
        return i;
    }

    /** The kinds of park that are bodies: "le parc naturel marin d'Iroise", not "le parc de Versailles" nor a national park, a place in the news. */
    private static final Set<String> PARK_KINDS = Lexicon.set(List.of("naturel", "marin", "regional"));

    /** A cheap test before the look-up, most words being lower-case: the first letter and length of a head word. */
    private static boolean maybeLowerCaseHead(String w) {
        int n = w.length();
        return switch (w.charAt(0)) {
            case 't' -> n == 8;
            case 'c' -> n == 4 || n == 6 || n == 7 || n == 10 || n == 12;
            case 'g' -> n == 11;
            case 'm' -> n == 6 || n == 5;
            case 'p' -> n == 10 || n == 7 || n == 6 || n == 4;
            case 'u' -> n == 10;
            case 'h', 'H' -> n == 7;
            case 'l', 'é' -> n == 5;
            case 'a' -> n == 9;
            default -> false;
        };
    }

    /**
     * End of an institution's name from its lower-case head word at i: at most two lower-case words ("correctionnel",
     * "d'assises", "de commerce"), then "de", "du", "des" and a capitalised word that is not a person's; -1 if none.
     * "la cour d'appel de Paris", "la commission des Affaires étrangères", but not "le conseil de Marc Dupont".
     */
    private int institutionEnd(int i) {
        if (t.f(i).equals("parc") && !(i + 1 < t.size && t.isWord[i + 1] && t.in(PARK_KINDS, i + 1))) {
            return -1;
        }
        if (t.f(i).equals("cour") && (t.is(i + 2, "la") || t.is(i + 2, "l'") || t.is(i + 2, "l’"))) {
            return -1; // "la cour de la caserne", "la cour de l'école": a courtyard; courts are "d'appel", "des comptes"
        }
        if (t.f(i).equals("hopital")) {
            // "l'hôpital Saint-Antoine", "l'hôpital Necker": a hospital named after its saint or patron; "l'hôpital de
            // Nantes" is a place's hospital, as often a place as a body
            if (t.cap(i + 1)) {
                return personAt[i + 1] < 0 && !t.acronym(i + 1) ? i + 1 : -1;
            }
            // "l'hôpital sino-guinéen": two nations' hospital (not "un hôpital français", "l'hôpital parisien");
            // "l'hôpital pour enfants Lumière": a kind, then its name
            if ((t.is(i - 1, "l'") || t.is(i - 1, "l’")) && i + 1 < t.size && t.isWord[i + 1] && t.word[i + 1].indexOf('-') > 0
                    && nationality(t.f(i + 1)) && !t.cap(i + 2)) {
                return i + 1;
            }
            if (t.is(i + 1, "pour") && i + 3 < t.size && t.isWord[i + 2] && !t.cap(i + 2) && t.cap(i + 3) && personAt[i + 3] < 0
                    && !t.in(Lexicon.ORG_PLACES, i + 3) && !t.acronym(i + 3)) {
                return i + 3;
            }
            return -1;
        }
        if (t.f(i).equals("lycee") || t.f(i).equals("college") || t.f(i).equals("ecole")) {
            // "le lycée Gambetta", "le collège Jean Moulin": a school named after its patron (no person, see NAMED_AFTER)
            int e = i;
            while (e + 1 < t.size && e + 1 <= i + 3 && t.cap(e + 1) && personAt[e + 1] < 0 && !t.acronym(e + 1)
                    && !t.in(Lexicon.ORG_PLACES, e + 1)) {
                e++;
            }
            return e > i ? e : -1;
        }
        if (t.f(i).equals("universite") && t.cap(i + 1) && t.isWord[i + 1] && personAt[i + 1] < 0 && !t.acronym(i + 1)) {
            // "l'université Toulouse III", "l'université Picardie-Jules-Verne": its name right after, with a numeral
            int e = i + 1;
            while (e + 1 < t.size && e + 1 <= i + 3 && t.cap(e + 1) && t.isWord[e + 1] && personAt[e + 1] < 0) {
                e++;
            }
            return e;
        }
        if (t.f(i).equals("police") || t.f(i).equals("commissariat")) {
            // "la police de Los Angeles", "le commissariat de Vanves": a town's, named right after "de" (not "la police de
            // la province de …", "la police près de …")
            int k = i + 2;
            if (!(t.is(i + 1, "de") || t.is(i + 1, "d'") || t.is(i + 1, "d’")) || !t.cap(k) || !t.isWord[k] || personAt[k] >= 0
                    || t.acronym(k)) {
                return -1;
            }
            int e = k;
            while (e + 1 < t.size && e + 1 <= k + 2 && t.cap(e + 1) && t.isWord[e + 1] && personAt[e + 1] < 0) {
                e++;
            }
            return e;
        }
        if (t.f(i).equals("musee")) {
            // "le musée d'Orsay", "le musée du Quai Branly", "le musée Grévin": a museum's name, all its capitalised words
            int k = t.is(i + 1, "du") || t.is(i + 1, "d'") || t.is(i + 1, "d’") || t.is(i + 1, "de") ? i + 2 : i + 1;
            int e = k - 1;
            while (e + 1 < t.size && e + 1 <= k + 3 && t.cap(e + 1) && t.isWord[e + 1] && personAt[e + 1] < 0) {
                e++;
            }
            return e >= k ? e : -1;
        }
        int defined = definedLowerCaseEnd(i);
        if (defined > i) {
            return defined;
        }
        int k = i + 1;
        int words = 0;
        while (k < t.size && k <= i + 6 && t.isWord[k] && !t.cap(k)) {
            if (!t.lowerIn(CONNECTORS, k) && (++words > 2 || t.lowerIn(QuoteFinder.SPEECH, k)
                    || t.lower(k).equals("a") || t.lower(k).equals("est"))) {
                return -1;
            }
            k++;
        }
        if (k == i + 1 || !t.cap(k) || personAt[k] >= 0 || !(t.is(k - 1, "de") || t.is(k - 1, "du") || t.is(k - 1, "des")
                || t.is(k - 1, "d'") || t.is(k - 1, "d’") || t.is(k - 1, "la") || t.is(k - 1, "l'") || t.is(k - 1, "l’"))) {
            return -1;
        }
        // "le conseil d'administration de Renault" names Renault; "le conseil de Paris" and "le conseil régional
        // d'Occitanie" name a council, a place's
        // "le conseil général du Pas-de-Calais": a local council names a place, whichever
        if (t.in(Lexicon.KNOWN_ORGANISATIONS, k) || t.f(i).equals("conseil") && !t.in(Lexicon.ORG_PLACES, k)
                && !(t.is(i + 1, "général") || t.is(i + 1, "régional") || t.is(i + 1, "départemental"))) {
            return -1;
        }
        return ministryEnd(k);
    }

    /**
     * "le parquet national antiterroriste (Pnat)": a lower-case head and at most three lower-case words defined by a
     * short capitalised name in brackets with the head's initial; the last of those words, or -1.
     */
    private int definedLowerCaseEnd(int i) {
        for (int k = i + 1; k < t.size && k <= i + 3 && t.isWord[k] && !t.cap(k); k++) {
            if (t.punct(k + 1, '(') && t.punct(k + 3, ')') && t.cap(k + 2) && t.isWord[k + 2] && t.word[k + 2].length() <= 6
                    && t.f(k + 2).charAt(0) == t.f(i).charAt(0)) {
                return k;
            }
        }
        return -1;
    }

    /** Token i, or the token after it when i is an elided article ({@code L’Équipe}), is capitalised. */
    private boolean capitalContent(int i) {
        if (i + 1 < t.size && (t.word[i].endsWith("'") || t.is(i, "le") || t.is(i, "la") || t.is(i, "les"))) {
            return t.cap(i + 1); // "Le Temps" but not "Le temps", "L’Équipe" but not "L’équipe"
        }
        return t.cap(i);
    }

    private boolean orgWordAt(int e) {
        return t.in(Lexicon.ORG_WORDS, e);
    }

    /** The first line break after token i, or the end of the text, looking at most max tokens on: what {@link #wordEnd} cannot reach. */
    private int lineEnd(int i, int max) {
        int k = i + 1;
        while (k < t.size && k < i + max && !t.word[k].equals("\n")) {
            k++;
        }
        return k;
    }

    private int wordEnd(int i, int len) {
        int e = i;
        int n = 1;
        while (n < len) {
            e++;
            if (e >= t.size || t.word[e].equals("\n")) {
                return -1;
            }
            n++;
        }
        return e;
    }

    private Map<String, Integer> counts;

    private int count(String w) {
        if (counts == null) {
            counts = new HashMap<>();
            for (int k = 0; k < t.size; k++) {
                if (t.isWord[k] && t.word[k].indexOf('.') > 0) {
                    counts.merge(t.word[k], 1, Integer::sum);
                }
            }
        }
        return counts.getOrDefault(w, 0);
    }

    private boolean accept(int s, int e, Map<String, Integer> acronymCounts) {
        String f = s == e ? t.f(s) : NameForms.fold(t.span(s, e));
        if (Lexicon.ORG_PLACES.contains(f) || Lexicon.NOT_ENTITIES.contains(f) || eventLike(s, e) || FUNCTION_WORDS.contains(f)
                || Lexicon.ROLE_WORDS.contains(f)) {
            return false;
        }
        if (t.is(e + 1, "ministre")) {
            return false; // "le Premier ministre"
        }
        if (s == e && !allLetters(t.word[s]) && hasDigit(t.word[s])) {
            return false; // "l'A86", "(BMW1000)", "Covid-19": a road, a model or a disease; TF1 and C8 are known names
        }
        if (s == e && t.camel(s) && s > 0 && (orgAt[s - 1] || allDigits(t.word[s - 1]))) {
            return false; // "Ferrari LaFerrari", "une 400 GTi": a model after its brand or number
        }
        boolean sentenceStart = t.sentenceStart(s);
        boolean cue = cueBefore(s);
        if (cue) {
            return true;
        }
        // an organisation word with at least one other capitalised word: "Prache Media Event", "Culture RP" is cued
        if (e > s) {
            for (int k = s; k <= e; k++) {
                if (t.isWord[k] && t.in(Lexicon.ORG_WORDS, k) && !(sentenceStart && k == s)) {
                    return true;
                }
            }
        }
        if (s == e && t.camel(s)) {
            // "travailler en DevOps", "coder en JavaScript": a practice or a language
            return !(t.is(s - 1, "un") || t.is(s - 1, "une") || t.is(s - 1, "en"));
        }
        if (s == e && t.acronym(s)) {
            if (s > 0 && orgAt[s - 1] && !t.punct(s + 1, ')')) {
                return false; // "Nissan LEAF", "BMW M3": a model of the brand before it
            }
            if (t.in(Lexicon.ACRONYMS_OF_THINGS, s) || acronymCounts.containsKey(t.word[s] + " thing")) {
                return false; // "projet de loi de finances (PLF)", "solutions hydroalcooliques (SHA)": things
            }
            // "Mobile Marketing Association (MMA)", "Olivier Faure (PS)", or an acronym repeated and named once at least
            // as an organisation is ("la CGT", "chez FO"; not "19h00 GMT", "met KO")
            // "la DINSOC assure…": a long acronym after the feminine article names an administration or a body
            if (t.is(s - 1, "la") && t.word[s].length() >= 4 && !t.sentenceStart(s - 1) && allLetters(t.word[s])) {
                return true;
            }
            return acronymCounts.getOrDefault(t.word[s], 0) >= 2 && acronymCounts.containsKey(t.word[s] + " named")
                    || t.punct(s - 1, '(') && t.punct(s + 1, ')') && !glossedThing(s) && !glossaryTerm(termStart(s - 2), s - 2);
        }
        if (glossaryTerm(s, e)) {
            return false;
        }
        // "Long Name (ACR)": the long name defines the acronym
        if (e > s && t.punct(e + 1, '(') && t.acronym(e + 2) && t.punct(e + 3, ')')
                && t.f(e + 2).equals(NameForms.acronym(t.span(s, e)))) {
            return true;
        }
        return false;
    }

    /**
     * "le réseau de distribution (CDN)", "le ROI structurel (LTV)": an acronym in brackets right after lower-case
     * words that neither spell it nor name a body glosses a thing.
     */
    private boolean glossedThing(int s) {
        if (s < 2 || !t.isWord[s - 2] || t.cap(s - 2) || t.lowerIn(FUNCTION_WORDS, s - 2)) {
            return false;
        }
        char initial = t.f(s).charAt(0);
        int a = s - 2;
        for (; a >= 0 && t.isWord[a]; a--) {
            if (a < s - 12) {
                return false; // a description this long may start with a body's word out of sight: unknown
            }
            String f = t.f(a);
            if (t.cap(a) && !t.sentenceStart(a)) {
                return false; // "l'Organisation des Nations unies pour l'alimentation et l'agriculture (FAO)"
            }
            // a plural is no one body ("des solutions hydroalcooliques (SHA)"), nor are common nouns ("d'énergie cinétique")
            if (LOWER_CASE_BODIES.contains(f) || ORG_NOUNS.contains(f) && !NOT_DESCRIBED.contains(f)
                    || Lexicon.ORG_WORDS.contains(f) && !f.endsWith("s") && !COMMON_IN_LOWER_CASE.contains(f)
                    || f.charAt(0) == initial && abbreviates(t.f(s), a, s - 2)) {
                return false;
            }
            if (a < s - 2 && (t.is(a, "un") || t.is(a, "une"))) {
                return true; // "un système de récupération d'énergie cinétique (KERS)": a thing, its words all seen
            }
        }
        return !t.punct(a, ','); // "de la concurrence, de la consommation … (DGCCRF)": the description goes on before
    }

    /** Organisation words that are common nouns in lower case: "récupération d'énergie cinétique (KERS)". */
    private static final Set<String> COMMON_IN_LOWER_CASE = Set.of("energie", "communication", "presse", // a rare path: no WordSet bit
            "assurance", "capital", "digital", "international", "interactive");

    /** First token of the words ending at token e (at most eight). */
    private int termStart(int e) {
        int a = e;
        while (a > 0 && a > e - 8 && t.isWord[a - 1]) {
            a--;
        }
        return a;
    }

    /**
     * "- First Contentful Paint (FCP) : moment où…": a bulleted line that starts with the name (and its acronym) then a
     * colon defines a term, unless an organisation word says otherwise.
     */
    private boolean glossaryTerm(int s, int e) {
        int p = s - 1;
        if (!(t.punct(p, '-') || t.punct(p, '•') || t.punct(p, '*')) || p > 0 && !t.punct(p - 1, '\n')) {
            return false;
        }
        int after = t.punct(e + 1, '(') && t.punct(e + 3, ')') ? e + 4 : e + 1;
        if (!t.punct(after, ':')) {
            return false;
        }
        for (int k = s; k <= e; k++) {
            if (t.isWord[k] && t.in(Lexicon.ORG_WORDS, k)) {
                return false;
            }
        }
        return true;
    }

    /**
     * End of an organisation named with lower-case words and defined by its acronym right after, from its first,
     * capitalised word s: "la Fédération internationale des sociétés d'ORL (IFOS)", "l'Institut supérieur pour la
     * protection et la recherche environnementale (ISPRA)"; -1 if none.
     */
    private int definedNameEnd(int s) {
        for (int k = s + 1; k < t.size && k <= s + 12 && t.isWord[k]; k++) {
            if (t.punct(k + 1, '(') && t.acronym(k + 2) && t.punct(k + 3, ')') && t.f(k + 2).charAt(0) == t.f(s).charAt(0)
                    && !t.in(Lexicon.ACRONYMS_OF_THINGS, k + 2) && abbreviates(t.f(k + 2).replace(" ", ""), s, k)) {
                return k;
            }
        }
        return -1;
    }

    /**
     * "(SCIC)" after "une société coopérative d'intérêt collectif": an acronym defined by the lower-case words before it
     * names a thing, unless they start with the word of a body ("la caisse primaire d'assurance maladie (CPAM)").
     */
    private boolean definedByLowerCaseWords(int s) {
        if (!t.punct(s - 1, '(') || !t.punct(s + 1, ')')) {
            return false;
        }
        String letters = t.f(s);
        for (int a = s - 2; a >= 0 && a >= s - 10 && t.isWord[a] && !t.cap(a); a--) {
            if (!FUNCTION_WORDS.contains(t.lower(a).replace("'", "")) && t.f(a).charAt(0) == letters.charAt(0)
                    && abbreviates(letters, a, s - 2)) {
                return !t.in(LOWER_CASE_BODIES, a);
            }
        }
        return false;
    }

    /** "sud ouest", "nord est": a folded compass point of two words, a region after "du" or "le". */
    private static boolean compassRegion(String f) {
        return f.length() >= 7 && f.length() <= 9 && (f.startsWith("sud ") || f.startsWith("nord "))
                && (f.endsWith(" est") || f.endsWith(" ouest"));
    }

    /** An acronym at k, then "de" and a place: "DRPJ de Lyon", "TGI de Marseille", "CHU d'Angers". */
    private boolean branchInPlace(int k) {
        return t.acronym(k) && (t.is(k + 1, "de") || t.is(k + 1, "d'")) && t.cap(k + 2) && t.in(Lexicon.ORG_PLACES, k + 2)
                && personAt[k + 2] < 0 && !t.cap(k + 3);
    }

    /** Kinds of hospital, acronyms of things alone ("un CHU") but a body with their city ("le CHU de Nice"). */
    private static final Set<String> HOSPITAL_KINDS = Lexicon.set(List.of("chu", "chru", "chr"));

    /** Words before an acronym that name it as an organisation is named. */
    private static final Set<String> NAMING_WORDS = Lexicon.set(List.of("le", "la", "l'", "du", "au", "de", "d'", "par", "avec",
            "chez", "pour", "a", "à", "selon", "contre", "et"));

    /** Lower-case words that start the name of a body, not of a thing. */
    private static final Set<String> LOWER_CASE_BODIES = Lexicon.set(List.of("caisse", "agence", "direction", "tribunal",
            "cour", "conseil", "commission", "office", "institut", "maison", "service", "centre", "chambre", "federation",
            "syndicat", "union", "association", "etablissement", "brigade", "parquet", "prefecture", "mission", "comite",
            "observatoire", "autorite", "haute", "haut", "ecole", "universite", "fonds", "ministere", "ligue", "police",
            "gendarmerie"));

    /** "la société X", "chez X", "CEO de X", "travaille pour X". */
    private boolean cueBefore(int s) {
        int k = s - 1;
        // "l'hebdomadaire « Billboard »": the name in quotation marks after its noun, only an organisation noun's (titles
        // and products are quoted too: "un acteur des « Mystères de l'amour »", "les jantes « GT Race »")
        if (k > 0 && !t.isWord[k] && "«\"“".indexOf(t.word[k].charAt(0)) >= 0) {
            int n = k - 1;
            return t.isWord[n] && !t.cap(n) && (t.in(ORG_NOUNS, n) && !t.in(NOT_APPOSED, n)
                    || n > 0 && adjectiveLike(t.f(n)) && t.isWord[n - 1] && !t.cap(n - 1) && t.in(ORG_NOUNS, n - 1) && !t.in(NOT_APPOSED, n - 1));
        }
        while (k >= 0 && (t.is(k, "la") || t.is(k, "le") || t.is(k, "l'") || t.is(k, "les") || t.word[k].equals("The"))) {
            k--;
        }
        if (k < 0 || !t.isWord[k]) {
            return false;
        }
        String w = t.f(k);
        if (ORG_NOUNS.contains(w) || (w.equals("pour") && k > 0 && t.f(k - 1).startsWith("travail"))) {
            return !(w.equals("site") || w.equals("service") || w.equals("application") || w.equals("appli")
                    || w.equals("jeune")) || t.camel(s);
        }
        if (describedOrgNoun(k)) {
            return true;
        }
        // "les sièges Sabelt", "un système de freinage Alcon": a part named by its maker's brand
        if (!t.cap(k) && t.in(PARTS, k)) {
            return true;
        }
        // "la société française Zelvio", "le quotidien britannique Guardian": an organisation noun and an adjective
        if (k > 1 && !t.cap(k) && adjectiveLike(w) && t.isWord[k - 1] && !t.cap(k - 1) && t.in(ORG_NOUNS, k - 1)
                && !t.in(NOT_APPOSED, k - 1) && t.lowerIn(DETERMINERS, k - 2)) {
            return true;
        }
        // "la revue scientifique américaine Pnas": two adjectives
        if (k > 2 && !t.cap(k) && adjectiveLike(w) && t.isWord[k - 1] && !t.cap(k - 1) && adjectiveLike(t.f(k - 1))
                && t.isWord[k - 2] && !t.cap(k - 2) && t.in(ORG_NOUNS, k - 2) && !t.in(NOT_APPOSED, k - 2)
                && t.lowerIn(DETERMINERS, k - 3)) {
            return true;
        }
        if (w.equals("par") && k > 0) {
            // "organisé par Digimedia", "fournis respectivement par Brembo"
            for (int r = k - 1; r >= 0 && r >= k - 4 && t.isWord[r]; r--) {
                String v = t.f(r);
                if (v.length() > 3 && (v.endsWith("e") || v.endsWith("es") || v.endsWith("is") || v.endsWith("it"))
                        && participle(t.word[r]) || t.in(SUPPLIED, r)) {
                    return true; // also "un V12 fourni par Cosworth", "une suspension fournie par Bilstein"
                }
            }
        }
        if ((w.equals("de") || w.equals("d")) && k > 0 && t.in(PRESENTED_BY, k - 1)) {
            return true;
        }
        if (w.equals("de") || w.equals("d") || w.equals("du") || w.equals("chez") || w.equals("des") || w.equals("at")) {
            for (int r = k - 1; r >= 0 && r >= k - 4; r--) {
                if (!t.isWord[r] || orgAt[r]) {
                    return false; // "secrétaire de la CGT des Territoriaux": the role belongs to the CGT
                }
                String f = t.f(r);
                if (Lexicon.ROLE_WORDS.contains(f)) {
                    // "le maire de Martigues", "la députée de l'Essonne": a place; "le ministre de l'Environnement
                    // X", "le secrétaire d'État X": a portfolio, then a person
                    return !PLACE_OR_PORTFOLIO_ROLES.contains(f) && !(f.equals("secretaire") && t.is(k + 1, "État"));
                }
                if (!FUNCTION_WORDS.contains(t.lower(r).replace("'", "")) && !ROLE_FILLERS.contains(f) && !ORG_ADJECTIVES.contains(f)) {
                    return false; // "un responsable des pompiers des Bouches-du-Rhône": the role is the pompiers'
                }
            }
        }
        // "CEO Eforbrands": an upper-case role directly before the name
        return Lexicon.ROLE_WORDS.contains(w) && t.acronym(k);
    }

    /**
     * "la société de recherche en biotechnologie X", "le cabinet d'études Y": an organisation noun, its lower-case
     * description (de, d' or en and at most four words), then the name at k + 1.
     */
    private boolean describedOrgNoun(int k) {
        if (t.cap(k) || FUNCTION_WORDS.contains(t.lower(k).replace("'", "")) || t.lowerIn(CONNECTORS, k)
                || t.word[k].length() < 4) {
            return false;
        }
        for (int r = k - 1; r >= 0 && r >= k - 5 && t.isWord[r] && !t.cap(r); r--) {
            String f = t.f(r);
            if (ORG_NOUNS.contains(f) && !NOT_DESCRIBED.contains(f)) {
                return t.is(r + 1, "de") || t.is(r + 1, "d'") || t.is(r + 1, "d’") || t.is(r + 1, "en");
            }
            if (f.equals("marque") && r == k - 2 && t.is(r + 1, "de") && (f = t.f(k)).length() > 4 && (f.endsWith("s") || f.endsWith("x"))) {
                return true; // "la marque de vêtements X", "une marque de cosmétiques X"; not "la marque de fabrique"
            }
        }
        return false;
    }

    /** Organisation nouns whose description often ends in a product or a person's name, not an organisation's. */
    private static final Set<String> NOT_DESCRIBED = Lexicon.set(List.of("site", "service", "application", "appli", "jeune",
            "leader", "specialiste", "chez", "concurrent", "rival", "label", "maison", "reseau", "marque", "club"));

    /** Roles whose "de X" names a place (a state, a country, a city) even when no place list knows it: "maire adjoint de Kaunas". */
    private static final Set<String> PLACE_ROLES = Lexicon.set(List.of("gouverneur", "gouverneure", "ambassadeur", "ambassadrice",
            "maire", "depute", "deputee", "senateur", "senatrice"));

    /** Roles whose "de X" names a place or a ministry's portfolio, not an organisation. */
    private static final Set<String> PLACE_OR_PORTFOLIO_ROLES = Lexicon.set(List.of("maire", "depute", "deputee", "senateur",
            "senatrice", "ministre", "minister", "conseiller", "conseillere", "procureur", "procureure", "gouverneur", "gouverneure",
            "ambassadeur", "ambassadrice"));
    /** Words between a role and its "de": "directeur général de", "responsable marketing de", "chef adjoint de". */
    private static final Set<String> ROLE_FILLERS = Lexicon.set(List.of("general", "generale", "adjoint", "adjointe", "executif",
            "executive", "financier", "financiere", "commercial", "commerciale", "technique", "marketing", "digital",
            "communication", "strategie", "innovation", "produit", "produits", "ventes", "france", "europe", "monde",
            "editorial", "editoriale", "artistique", "scientifique", "operationnel", "operationnelle", "regional", "regionale"));

    /** Ends like a past participle: é, ée, és, ées, is, it. */
    private static boolean participle(String w) {
        return w.endsWith("é") || w.endsWith("ée") || w.endsWith("és") || w.endsWith("ées") || w.endsWith("is") || w.endsWith("it");
    }

    /** "Parisien" after "Le Parisien", "Patriotes" after "Les Patriotes": the name without its article is an alias. */
    private Org withArticle(Org o) {
        for (Org other : orgs) {
            String k = other.key;
            int space = k.indexOf(' ');
            if (other != o && space > 0 && space <= 3 && k.endsWith(o.key) && k.length() == space + 1 + o.key.length()) {
                String article = k.substring(0, space);
                if (article.equals("le") || article.equals("la") || article.equals("les") || article.equals("l")) {
                    return other;
                }
            }
        }
        return null;
    }

    /** An acronym that abbreviates a multi-word organisation of the same text is an alias of it. */
    private void mergeAcronyms() {
        List<Org> merged = new ArrayList<>();
        for (Org o : orgs) {
            boolean alias = absorbed.contains(o);
            Org full = withArticle(o); // "Est Républicain" of "le journal régional l'Est Républicain" is "L'Est Républicain"
            if (full != null) {
                full.aliases.add(o.name);
                alias = true;
            }
            Org longer = alias ? null : longerName(o);
            if (longer != null) {
                longer.aliases.add(o.name);
                alias = true;
            }
            if (!alias && o.name.length() <= 6 && o.name.equals(o.name.toUpperCase())) {
                for (Org long_ : orgs) {
                    if (long_ != o && long_.name.indexOf(' ') > 0 && (NameForms.acronym(long_.name).equals(o.key.replace(" ", ""))
                            || initials(long_.key).equals(o.key.replace(" ", "")))) {
                        long_.aliases.add(o.name);
                        alias = true;
                        break;
                    }
                }
            }
            if (!alias && !kindOnly(o)) {
                merged.add(o);
            }
        }
        if (merged.size() != orgs.size()) {
            for (Person p : people) {
                for (Org o : orgs) {
                    if (!merged.contains(o) && o.name.equals(p.org)) {
                        for (Org m : merged) {
                            if (m.aliases.contains(o.name)) {
                                p.org = m.name;
                            }
                        }
                    }
                }
            }
            orgs.clear();
            orgs.addAll(merged);
        }
    }

    /**
     * The organisation of the same text whose name starts with o's, when o is a shortened later mention of it: "la
     * Direction interministérielle" of "la Direction interministérielle du numérique", "le Bloc" of "le Bloc québécois".
     * A name followed by a capitalised word ("Renault" of "Renault Trucks") may be another organisation.
     */
    private Org longerName(Org o) {
        if (o.name.length() <= 6 && o.name.equals(o.name.toUpperCase())) {
            // an acronym: "BMW" of "BMW Motorrad" is another; "DRPJ" of "DRPJ de Lyon" is the same body
            for (Org other : orgs) {
                if (other != o && other.key.startsWith(o.key + " de ") && Lexicon.ORG_PLACES.contains(other.key.substring(o.key.length() + 4))) {
                    return other;
                }
            }
            return null;
        }
        Org found = null;
        for (Org other : orgs) {
            if (other != o && other.key.length() <= o.key.length() + 2 && other.key.length() > o.key.length()
                    && other.key.startsWith(o.key) && other.key.indexOf(' ', o.key.length()) < 0 && o.key.split(" ").length >= 3) {
                return other; // "… of Economic Though": a long name cut in its last word, a typo of the full one
            }
            if (other != o && other.key.length() > o.key.length() + 1 && other.key.startsWith(o.key)
                    && other.key.charAt(o.key.length()) == ' ') {
                String[] words = other.name.split(" ");
                int n = o.key.split(" ").length;
                if (n < words.length && !words[n].isEmpty() && Character.isLowerCase(words[n].charAt(0))) {
                    if (found != null) {
                        return null; // two longer names: which one is meant is unclear
                    }
                    found = other;
                }
            }
        }
        return found;
    }

    /**
     * "la section 37 du Comité national (qui …)": an organisation word and its adjective alone name a kind, no one body,
     * unless a longer name of the text starts with them (then they are its alias) or the gazetteer knows them.
     */
    private static boolean kindOnly(Org o) {
        int sp = o.key.indexOf(' ');
        return sp > 0 && o.key.indexOf(' ', sp + 1) < 0 && Lexicon.ORG_WORDS.contains(o.key.substring(0, sp))
                && ORG_ADJECTIVES.contains(o.key.substring(sp + 1)) && !Lexicon.KNOWN_ORGANISATIONS.contains(o.key);
    }

    /** Initials of a folded name's words, small words left out: "organisation mondiale de la sante" → "oms". */
    private static String initials(String key) {
        StringBuilder b = new StringBuilder();
        for (String w : key.split(" ")) {
            if (!w.isEmpty() && !FUNCTION_WORDS.contains(w) && !CONNECTORS.contains(w)) {
                b.append(w.charAt(0));
            }
        }
        return b.toString();
    }

    // ---------------------------------------------------------------- later mentions

    /**
     * "Danny a proposé…", "Devriendt estime…": a first name or surname alone resolves to the full name, and a name known
     * alone ("M. Nunez") is that person wherever it comes.
     */
    private void findAliasMentions() {
        Map<String, Integer> parts = new HashMap<>();
        for (int p = 0; p < people.size(); p++) {
            String[] words = people.get(p).name.split("\\s+");
            if (words.length < 2) {
                // "M. Nunez" somewhere, "le ministre, Yerko Nunez" elsewhere: the surname the text gives alone is them too
                parts.merge(people.get(p).key, p, (x, y) -> x.equals(y) ? x : -2);
                continue;
            }
            for (String w : new String[]{words[0], words[words.length - 1]}) {
                String f = NameForms.fold(w);
                parts.merge(f, p, (x, y) -> x.equals(y) ? x : -2);
            }
        }
        if (parts.isEmpty()) {
            return;
        }
        for (int i = 0; i < t.size; i++) {
            if (personAt[i] >= 0 || !t.cap(i) || orgAt[i]) {
                continue;
            }
            Integer p = parts.get(t.f(i));
            if (p != null && p >= 0 && !t.cap(i + 1)) {
                mentions.add(new Mention(t.start[i], t.end[i], p));
            }
        }
    }

    /** Resolves an interview label ({@code Pierre-Emmanuel Cros}, {@code P-E. C.}, {@code Cros}) to a person, or -1. */
    int personForLabel(String label) {
        String key = NameForms.fold(label);
        Integer p = personByKey.get(key);
        if (p != null) {
            return p;
        }
        String letters = NameForms.letters(label);
        int found = -1;
        for (int i = 0; i < people.size(); i++) {
            Person person = people.get(i);
            String[] words = person.key.split(" ");
            boolean abbreviation = label.indexOf('.') >= 0 || label.equals(label.toUpperCase());
            if (abbreviation && letters.length() >= 2 && letters.equals(NameForms.personInitials(person.name))
                    || words.length > 1 && key.equals(words[words.length - 1])) {
                if (found >= 0 && found != i) {
                    return -1;
                }
                found = i;
            }
        }
        if (found >= 0 && !label.equals(people.get(found).name)) {
            people.get(found).aliases.add(label);
        }
        return found;
    }

    /**
     * "Jennifer : …" on several turns of an interview: a label that is a known first name (then capitalised words, three
     * at most) names a person the text may give no other way; the person named at text[start, end), or -1 when the label
     * is no such name.
     */
    int personForTurnLabel(String label, int start, int end) {
        String[] words = label.split(" ");
        Character gender = words.length <= 3 ? Lexicon.FIRST_NAMES.get(NameForms.fold(words[0])) : null;
        if (gender == null || Lexicon.NOT_ENTITIES.contains(NameForms.fold(words[0]))) {
            return -1;
        }
        for (String w : words) {
            if (w.isEmpty() || !Character.isUpperCase(w.charAt(0))) {
                return -1;
            }
        }
        String key = NameForms.fold(label);
        Integer p = personByKey.get(key);
        if (p == null) {
            Person person = new Person();
            person.name = label;
            person.key = key;
            person.gender = gender;
            p = people.size();
            people.add(person);
            personByKey.put(key, p);
        }
        Mention m = new Mention(start, end, p);
        int at = 0;
        while (at < mentions.size() && mentions.get(at).start < start) {
            at++;
        }
        mentions.add(at, m); // QuoteFinder walks mentions in text order
        return p;
    }

    /** Records an interviewer's label as an alias of the organisation it abbreviates ({@code IN.} → INfluencia). */
    void orgLabel(String label) {
        String letters = NameForms.letters(label);
        if (letters.isEmpty()) {
            return;
        }
        for (Org o : orgs) {
            if (o.key.equals(NameForms.fold(label))) {
                return;
            }
        }
        for (Org o : orgs) {
            if (o.key.replace(" ", "").startsWith(letters) || NameForms.acronym(o.name).equals(letters)) {
                o.aliases.add(label);
                return;
            }
        }
    }

    /** Whether a label ("INfluencia") names a known organisation or is an abbreviation. */
    boolean isOrgName(String label) {
        return orgByKey.containsKey(NameForms.fold(label));
    }
}

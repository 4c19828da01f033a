package verbatim.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Attributes passages to the people {@link EntityFinder} found: labelled interview turns, unlabelled
 * "N questions à X" interviews, op-eds ("Tribune X"), quotations in « », “ ” or " " with a speech verb or a colon,
 * and reported speech ({@code Selon X, …}, {@code X explique que …}).
 */
final class QuoteFinder {

    /** A found quote: offsets in the analysed text, person index, reported or not. */
    record Found(int start, int end, int person, boolean indirect) {
    }

    private static final Pattern LABEL = Pattern.compile("^([\\p{L}][\\p{L}\\p{M}’'\\-. ]{0,40}?)\\s?:\\s*(\\S.*)$");
    private static final Pattern INTERVIEW_TITLE = Pattern.compile(
            "(?i)\\b(?:questions? à|interview (?:de|d['’]|avec)|entretien avec|rencontre avec)\\s");
    private static final Pattern DASH_NAME = Pattern.compile("\\s*[—–-]\\s*\\p{Lu}");
    // "Il"/"Elle" start sentences too: "Elle dit avoir « mis en garde » …"
    private static final Pattern PRONOUN = Pattern.compile("\\b([iI]l|[eE]lle|celle|celui)\\b");
    private static final Pattern LEAD_PRONOUN = Pattern.compile("\\b([iI]l|[eE]lle)\\s+(?:nous\\s+|lui\\s+)?(?:a\\s+)?$");
    private static final Pattern INCISE = Pattern.compile(
            ",\\s+(?:a\\s+)?(?:[\\p{L}]+)-(?:t-)?(il|elle)\\b");
    static final Set<String> SPEECH = Lexicon.set(List.of("dit", "déclare", "déclaré", "explique", "expliqué", "expliquait",
            "affirme", "affirmé", "estime", "estimé", "souligne", "souligné", "ajoute", "ajouté", "précise", "précisé",
            "confie", "confié", "raconte", "raconté", "rappelle", "rappelé", "indique", "indiqué", "assure", "assuré",
            "poursuit", "insiste", "lance", "lancé", "commente", "commenté", "résume", "résumé", "note", "noté", "observe",
            "reconnaît", "martèle", "conclut", "avance", "témoigne", "confirme", "confirmé", "admet", "regrette",
            "déplore", "déploré", "prévient", "annonce", "annoncé", "répond", "répondu", "réagit", "ironise", "plaide",
            "tranche", "grince", "détaille", "analyse", "juge", "écrit", "tweete", "tweeté", "s'exclame", "dénonce",
            "raille", "lâche", "glisse", "souffle", "relève", "constate", "argumente", "disait", "déclarait",
            "affirmait", "confiait", "racontait", "selon", "interroge", "s'interroge", "réplique", "répète", "explique-t-il",
            "explique-t-elle", "valoir", "déclare-t-il", "déclare-t-elle", "ajoute-t-il", "ajoute-t-elle", "précise-t-il",
            "précise-t-elle", "estime-t-il", "estime-t-elle", "souligne-t-il", "souligne-t-elle", "confie-t-il",
            "confie-t-elle", "poursuit-il", "poursuit-elle", "assure-t-il", "assure-t-elle", "a-t-il", "a-t-elle",
            "dit-il", "dit-elle", "indique-t-il", "indique-t-elle", "lance-t-il", "lance-t-elle", "résume-t-il",
            "résume-t-elle", "raconte-t-il", "raconte-t-elle", "rappelle-t-il", "rappelle-t-elle", "l'explique", "expliquant",
            // present tense of the verbs of news incises ("…», clame l'ancienne députée")
            "clame", "s'insurge", "s'indigne", "s'étonne", "s'amuse", "s'agace", "s'emporte", "s'inquiète", "s'alarme",
            "fustige", "rétorque", "renchérit", "abonde", "concède", "tempère", "nuance", "alerte", "avertit", "sourit",
            "enchaîne", "assène", "reprend", "jure", "promet", "espère", "salue", "défend", "accuse", "tonne", "exhorte",
            "énumère", "souligne-t-il", "martelé", "relevé", "réagi", "insisté", "rétorqué", "répliqué", "averti",
            "expliqué", "conclu", "estimait", "jugeait", "assurait", "soulignait", "ajoutait", "précisait", "indiquait",
            // "…" s'est exprimé X; "Il l'a une nouvelle fois réaffirmé. « … »"
            "exprimé", "exprimée", "réaffirme", "réaffirmé", "partagé",
            // "…», révèle la chanteuse"; "qui a admis avoir tué « involontairement »"
            "révèle", "révélé", "admis", "exclamé", "exclamée", "asséné", "reconnu",
            // "X a promis de « tout faire … »", "a réclamé « une enquête indépendante »"
            "promis", "demandé", "réclamé", "souhaité", "dixit",
            // the present-tense incise verbs most frequent after a closing mark in the whole corpus ("…", relate X; "…",
            // se souvient la retraitée) that were missing: counted over corpus-fr, not over labelled answers
            "rapporte", "relate", "remarque", "soupire", "soutient", "plaisante",
            "prédit", "avoue", "reconnait", "décrypte", "souvient", "réjouit", "désole", "lamente",
            "s'enthousiasme", "enthousiasme"));
    /**
     * Speech verbs, their past participles ("juge" and "jugé", "dénonce" and "dénoncé": "X a jugé que cela « … »") and
     * their imperfects ("observait", "jugeait": "« … », observait l'infectiologue X").
     */
    private static final Set<String> SPEECH_AND_PARTICIPLES = withParticiples(SPEECH);

    private static Set<String> withParticiples(Set<String> verbs) {
        java.util.Set<String> all = new java.util.HashSet<>(verbs);
        for (String v : verbs) {
            if (v.endsWith("e") && v.indexOf('-') < 0 && v.indexOf('\'') < 0 && v.length() > 3) {
                String stem = v.substring(0, v.length() - 1);
                all.add(stem + "é");
                all.add(stem.endsWith("g") ? stem + "eait" : stem.endsWith("c") ? stem.substring(0, stem.length() - 1) + "çait" : stem + "ait");
            }
        }
        return Lexicon.set(all);
    }

    private static final Set<String> TITLE_CUES = Lexicon.set(List.of("intitulée", "intitulé", "intitulées", "intitulés", "baptisée",
            "baptisé", "nommée", "nommé", "appelée", "appelé", "titre", "thème", "présentation", "conférence", "livre",
            "ouvrage", "film", "album", "émission", "émissions", "films", "livres", "albums", "spectacles", "séries", "slogan", "hashtag", "campagne", "programme", "mot", "expression",
            "formule", "terme", "label", "opération", "concept", "projet", "devise", "série", "chanson", "titré",
            "titrée", "spectacle", "exposition", "rubrique", "dossier", "mooc", "méthode", "notion", "notions", "thèmes",
            "catégorie", "surnom", "surnomme", "surnommé", "surnommée", "être", "était", "type"));

    private final String text;
    private final EntityFinder ef;
    private final List<EntityFinder.Mention> mentions;
    private final List<Found> out = new ArrayList<>();
    private final List<int[]> lines = new ArrayList<>();
    private final boolean[] claimed;

    QuoteFinder(String text, EntityFinder ef) {
        this.text = text;
        this.ef = ef;
        this.mentions = ef.mentions;
        for (int s = 0; s <= text.length(); ) {
            int i = text.indexOf('\n', s);
            if (i < 0) {
                i = text.length();
            }
            int a = s;
            int b = i;
            while (a < b && Tokens.whitespace(text.charAt(a))) {
                a++;
            }
            while (b > a && Tokens.whitespace(text.charAt(b - 1))) {
                b--;
            }
            if (b > a) {
                lines.add(new int[]{a, b});
            }
            s = i + 1;
        }
        claimed = new boolean[lines.size()];
    }

    List<Found> find() {
        labelledInterview(); // may name the people of its turns itself
        if (!mentions.isEmpty()) {
            unlabelledInterview();
            opEd();
            signedQuotes();
            announcedParagraphs();
            direct();
            reported();
        }
        return out;
    }

    private String line(int i) {
        return text.substring(lines.get(i)[0], lines.get(i)[1]);
    }

    private void add(int start, int end, int person, boolean indirect) {
        add(start, end, person, indirect, 8);
    }

    /** Adds a quote of at least {@code minLength} characters; shorter ones need a speaker who framed them right there. */
    private void add(int start, int end, int person, boolean indirect, int minLength) {
        while (start < end && Tokens.whitespace(text.charAt(start))) {
            start++;
        }
        while (end > start && Tokens.whitespace(text.charAt(end - 1))) {
            end--;
        }
        if (end - start < minLength || person < 0) {
            return;
        }
        for (Found f : out) {
            if (f.start < end && start < f.end) {
                return;
            }
        }
        out.add(new Found(start, end, person, indirect));
    }

    // ------------------------------------------------------------ interviews and op-eds

    private void labelledInterview() {
        int[] speaker = new int[lines.size()];
        int labelled = 0;
        int personTurns = 0;
        int[] rest = new int[lines.size()];
        java.util.Map<String, List<Integer>> unknownLabels = null;
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (int i = 0; i < lines.size(); i++) {
            speaker[i] = -3;
            if (!colonNearStart(lines.get(i))) {
                continue;
            }
            String li = line(i);
            if (!seen.add(li)) {
                continue; // a line repeated (the title "Jacques Chirac : l'anecdote…" again as the first line) is no turn
            }
            Matcher m = LABEL.matcher(li);
            if (!m.matches()) {
                continue;
            }
            String label = m.group(1).strip();
            int p = label.equals("R") || label.equals("Réponse") ? interviewee(i) : ef.personForLabel(label);
            if (label.equals("Q") || label.equals("Question")) {
                speaker[i] = -1; // the interviewer's turn
            } else if (p >= 0) {
                speaker[i] = p;
                personTurns++;
            } else if (ef.isOrgName(label) || label.indexOf('.') > 0 && label.length() <= 8) {
                speaker[i] = -1;
            } else {
                if (unknownLabels == null) unknownLabels = new java.util.LinkedHashMap<>();
                unknownLabels.computeIfAbsent(label, k -> new ArrayList<>()).add(i);
                continue;
            }
            labelled++;
            rest[i] = lines.get(i)[0] + m.start(2);
        }
        // "Jennifer : …" twice or more: a first name the text gives no surname is still the one who answers
        if (unknownLabels != null) {
            for (java.util.Map.Entry<String, List<Integer>> e : unknownLabels.entrySet()) {
                if (e.getValue().size() < 2) {
                    continue;
                }
                for (int i : e.getValue()) {
                    int from = lines.get(i)[0];
                    int p = ef.personForTurnLabel(e.getKey(), from, from + e.getKey().length());
                    if (p < 0) {
                        break;
                    }
                    Matcher m = LABEL.matcher(line(i));
                    if (m.matches()) {
                        speaker[i] = p;
                        personTurns++;
                        labelled++;
                        rest[i] = from + m.start(2);
                    }
                }
            }
        }
        if (personTurns == 0 || labelled < 2) {
            return;
        }
        for (int i = 0; i < lines.size(); i++) {
            if (speaker[i] == -1) {
                Matcher m = LABEL.matcher(line(i));
                if (m.matches() && !m.group(1).strip().startsWith("Q")) {
                    ef.orgLabel(m.group(1).strip());
                }
            }
        }
        int current = -3;
        for (int i = 0; i < lines.size(); i++) {
            if (speaker[i] != -3) {
                current = speaker[i];
                claimed[i] = true;
                if (current >= 0) {
                    add(rest[i], lines.get(i)[1], current, false);
                }
            } else if (current >= 0 && question(i)) {
                current = -1; // "Comment gérez-vous … ?" between answers: the interviewer asks, unlabelled
                claimed[i] = true;
            } else if (current >= 0 && heading(i)) {
                current = -3; // a caption or a heading ends the turn
            } else if (current >= 0) {
                claimed[i] = true;
                add(lines.get(i)[0], lines.get(i)[1], current, false);
            } else if (current == -1) {
                claimed[i] = true;
            }
        }
    }

    /** Whether the line has a colon within its first 46 characters, where turn labels end. */
    private boolean colonNearStart(int[] line) {
        for (int i = line[0], e = Math.min(line[1], line[0] + 46); i < e; i++) {
            if (text.charAt(i) == ':') {
                return true;
            }
        }
        return false;
    }

    /**
     * Who answers the "R:" turns of a "Q: … R: …" interview: the one person of the title, else the first person the
     * text names before the first turn at {@code firstTurn}.
     */
    private int interviewee(int firstTurn) {
        int p = onePersonIn(lines.get(0));
        if (p >= 0) {
            return p;
        }
        int before = lines.get(firstTurn)[0];
        for (EntityFinder.Mention m : mentions) {
            if (m.start() < before) {
                return m.person();
            }
        }
        return -1;
    }

    private void unlabelledInterview() {
        int limit = Math.min(lines.size(), 3);
        for (int i = 0; i < limit; i++) {
            int[] l = lines.get(i);
            String li = line(i);
            String low = li.toLowerCase();
            if (!(low.contains("question") || low.contains("interview") || low.contains("entretien") || low.contains("rencontre"))) {
                continue;
            }
            Matcher m = INTERVIEW_TITLE.matcher(li);
            if (!m.find()) {
                continue;
            }
            int p = personIn(l[0] + m.end(), l[1]);
            if (p < 0) {
                continue;
            }
            answers(i + 1, p);
            return;
        }
        // "Paroles d'intrapreneurs #10 : Laurent Olivé de la Startup d'Etat Kelrisks", then questions and answers:
        // a first line naming one person, and a body that opens with a question line answered twice or more
        if (lines.size() > 4 && onePersonIn(lines.get(0)) >= 0 && questionsAnswered(1) >= 2) {
            answers(1, onePersonIn(lines.get(0)));
        }
    }

    /** The only person named in the line, or -1. */
    private int onePersonIn(int[] line) {
        int p = -1;
        for (EntityFinder.Mention m : mentions) {
            if (m.start() > line[1]) {
                break; // mentions are in text order
            }
            if (m.start() >= line[0] && m.end() <= line[1]) {
                if (p >= 0 && p != m.person()) {
                    return -1;
                }
                p = m.person();
            }
        }
        return p;
    }

    /** A short line that does not end a sentence: "L'interface de POP pour le classement", "En savoir plus sur POP". */
    private boolean heading(int k) {
        int[] l = lines.get(k);
        return ".!?…»\"”:)".indexOf(text.charAt(l[1] - 1)) < 0 && wordCount(l[0], l[1]) <= 12;
    }

    private boolean question(int k) {
        int[] l = lines.get(k);
        return text.charAt(l[1] - 1) == '?' && l[1] - l[0] <= 300 && !claimed[k];
    }

    /** How many question lines are followed by an answer, when the first comes within three lines of {@code from}; else 0. */
    private int questionsAnswered(int from) {
        int first = -1;
        int answered = 0;
        for (int k = from; k < lines.size() - 1; k++) {
            if (question(k)) {
                first = first < 0 ? k : first;
                if (!question(k + 1) && !listItem(k + 1)) {
                    answered++;
                }
            }
        }
        return first >= 0 && first <= from + 2 ? answered : 0;
    }

    private boolean listItem(int k) {
        int[] l = lines.get(k);
        char c = text.charAt(l[0]);
        return c == '#' || c == '•' || c == '-' && l[1] > l[0] + 1 && text.charAt(l[0] + 1) == ' ';
    }

    /**
     * The interview's body from line {@code from}: question lines (ending with "?") are the interviewer's, the prose
     * after them is person {@code p}'s; a list introduced by a colon after the answers (links to other interviews,
     * furniture) ends it.
     */
    private void answers(int from, int p) {
        boolean asked = false;
        for (int k = from; k < lines.size(); k++) {
            if (claimed[k]) {
                continue;
            }
            String s = line(k);
            if (asked && s.endsWith(":") && k + 1 < lines.size() && listItem(k + 1) || asked && creditOrFootnote(s)) {
                return;
            }
            if (s.endsWith("?")) {
                asked = true;
                claimed[k] = true;
            } else if (asked && s.split("\\s+").length >= 4 && !listItem(k)) {
                claimed[k] = true;
                add(lines.get(k)[0], lines.get(k)[1], p, false);
            }
        }
    }

    /** "*GIP : Groupement d'intérêt public", "Entretien réalisé par Claire Roux": the furniture after an interview's answers. */
    private static boolean creditOrFootnote(String line) {
        return line.startsWith("*") || line.startsWith("\\*")
                || line.length() < 80 && (line.contains("réalisé par") || line.contains("recueillis par"));
    }

    private void opEd() {
        for (int i = 0; i < Math.min(lines.size(), 12); i++) {
            String s = line(i);
            if (!(s.startsWith("Tribune ") || s.startsWith("Tribune:") || s.startsWith("TRIBUNE"))) {
                continue;
            }
            int[] l = lines.get(i);
            int p = personIn(l[0], Math.min(l[1], l[0] + 40));
            if (p < 0) {
                continue;
            }
            String author = ef.people.get(p).name;
            int colon = s.indexOf(" : ");
            if (colon < 0) {
                colon = s.indexOf(": ");
            }
            if (colon > 0) {
                add(l[0] + colon + 2, l[1], p, false);
            }
            claimed[i] = true;
            for (int k = i + 1; k < lines.size(); k++) {
                int[] lk = lines.get(k);
                String body = line(k);
                int only = personIn(lk[0], lk[1]);
                if (only >= 0 && body.split("\\s+").length <= 4) {
                    return; // another author's box starts
                }
                if (body.contains(author) || body.startsWith("#") || quotesSomeone(lk)) {
                    continue;
                }
                char last = body.charAt(body.length() - 1);
                boolean heading = ".!?…»\"”".indexOf(last) < 0 && body.split("\\s+").length <= 14;
                if (!heading) {
                    claimed[k] = true;
                    add(lk[0], lk[1], p, false);
                }
            }
            return;
        }
    }

    /**
     * "… comme nous en témoigne Benoît Walbrou, chef de service Espaces Verts d'Amiens :" then paragraphs: a paragraph
     * ending with a colon after a speech verb and a named speaker announces the next paragraphs (up to four, in
     * quotation marks or not) as that speaker's words, until a heading, a list or a paragraph naming someone else.
     */
    private void announcedParagraphs() {
        for (int i = 0; i + 1 < lines.size(); i++) {
            int[] l = lines.get(i);
            if (claimed[i] || text.charAt(l[1] - 1) != ':') {
                continue;
            }
            int sentStart = sentenceStart(l[1] - 1, l[0]);
            String sentence = text.substring(sentStart, l[1] - 1);
            if (sentence.indexOf('«') >= 0 || sentence.indexOf('“') >= 0 || !speechVerbIn(sentence, 99)) {
                continue;
            }
            int p = lastSubjectIn(sentStart, l[1]);
            if (p < 0) {
                continue;
            }
            for (int k = i + 1; k < lines.size() && k <= i + 4 && !claimed[k]; k++) {
                int[] lk = lines.get(k);
                String body = line(k);
                char last = body.charAt(body.length() - 1);
                boolean heading = ".!…»\"”".indexOf(last) < 0 || last == '?' || body.split("\\s+").length < 6;
                if (heading || listItem(k) || !onlyPersonNamedIn(p, lk[0], lk[1])) {
                    break;
                }
                claimed[k] = true;
                if (wholeQuotation(k)) {
                    add(lk[0] + 1, lk[1] - closingLength(k), p, false);
                } else if (body.indexOf('«') < 0 && body.indexOf('“') < 0) {
                    add(lk[0], lk[1], p, false);
                }
            }
        }
    }

    /** Whether the line holds a quotation of three words or more (a term in « » stays the author's own line). */
    private boolean quotesSomeone(int[] line) {
        int open = -1;
        for (int i = line[0]; i < line[1]; i++) {
            char c = text.charAt(i);
            if (c == '«' || c == '“') {
                open = i;
            } else if ((c == '»' || c == '”') && open >= 0) {
                if (wordCount(open + 1, i) >= 3) {
                    return true;
                }
                open = -1;
            }
        }
        return open >= 0;
    }

    // ------------------------------------------------------------ quotation marks

    /** Fewest characters of a quotation a speaker is found for right there: "ravi", "honte". */
    private static final int SHORT_QUOTE = 4;

    private void direct() {
        int lastEnd = -1;
        int lastPerson = -1;
        List<int[]> unattributed = null; // {open, close, line} of the quotations no speaker was found for
        int resume = 0; // where scanning resumes after a quotation that ran on into this paragraph
        for (int li = 0; li < lines.size(); li++) {
            if (claimed[li]) {
                continue;
            }
            int[] l = lines.get(li);
            int depth = 0;
            int open = -1;
            boolean asciiOpen = false;
            int[] pending = null; // the last quotation of this line nobody was found for
            for (int i = Math.max(l[0], resume); i < l[1]; i++) {
                char c = text.charAt(i);
                int close = -1;
                if (c == '«' || c == '“') {
                    if (depth == 0) {
                        open = i;
                    }
                    depth++;
                } else if ((c == '»' || c == '”') && depth > 0) {
                    depth--;
                    if (depth == 0) {
                        close = i;
                    }
                } else if (c == '"' && depth == 0) {
                    if (!asciiOpen) {
                        asciiOpen = true;
                        open = i;
                    } else {
                        asciiOpen = false;
                        close = i;
                    }
                }
                if (close > open && open >= 0) {
                    int p = attribute(open, close, l, lastEnd, lastPerson);
                    if (p >= 0) {
                        // "« La porte reste ouverte » et « notre volonté … », a assuré X": the first is X's too
                        if (pending != null && (joined(pending[1] + 1, open) || leadsTo(pending, open, p))) {
                            add(pending[0] + 1, pending[1], p, false);
                        }
                        // "Il s'est dit « ravi »": a speech verb and a named speaker frame the short ones
                        add(open + 1, close, p, false, wordCount(open + 1, close) < 3 ? SHORT_QUOTE : 8);
                        lastEnd = close;
                        lastPerson = p;
                        pending = null;
                    } else if ((p = endsItsSentence(open, close, l)) >= 0) {
                        lastEnd = close; // "« … » dans les hôpitaux, a indiqué Claire Roux.": her words, and the next may go on
                        lastPerson = p;
                        pending = null;
                    } else {
                        if (wordCount(open + 1, close) >= 5 && capitalisedAfter(open)) {
                            lastPerson = -1; // "« … », disait-il" left to no one: the next "a-t-il ajouté" is not the speaker before
                        }
                        pending = wordCount(open + 1, close) >= 3 ? new int[]{open, close, sentenceStart(open, l[0])} : null;
                        if (unattributed == null) unattributed = new ArrayList<>();
                        unattributed.add(new int[]{open, close, li});
                    }
                    open = -1;
                }
            }
            // "« … monologue.\n\n» L'occasion …", "« Ils m'ont dit…, témoigne X.\n\nIls n'avaient… » Junior…": the
            // quotation goes on in the next paragraph, up to the first closing mark there
            // (a straight mark only when it opens words: not the inch mark of "un écran 15\"")
            boolean runsOn = depth == 1 || asciiOpen && depth == 0 && open + 1 < l[1] && Character.isLetter(text.charAt(open + 1));
            if (runsOn && open >= 0 && li + 1 < lines.size() && !claimed[li + 1]) {
                int[] next = lines.get(li + 1);
                int close = asciiOpen ? asciiClosingIn(next) : closingIn(next);
                if (close >= 0) {
                    resume = close + 1;
                    int p = attribute(open, close, new int[]{l[0], next[1]}, lastEnd, lastPerson);
                    if (p >= 0) {
                        add(open + 1, close, p, false);
                        lastEnd = close;
                        lastPerson = p;
                    }
                }
            }
        }
        if (unattributed != null) {
            for (int[] u : unattributed) {
                inAttributedSentence(u[0], u[1], lines.get(u[2]));
            }
        }
    }

    /**
     * A quotation no speaker was found for right there, in a sentence that says who speaks further on: "Le décret
     * constitue « un grave risque » pour la liberté « car il pénalise l'information », a déclaré Paul Martin" (the
     * sentence's other quotation is his, no one else named between them), "La « quasi-totalité » du corps a été
     * retrouvée, a annoncé le procureur, Jean Vidal" (the sentence ends on a speech verb and its subject). Titles, terms
     * and lists of titles stay nobody's.
     */
    private void inAttributedSentence(int open, int close, int[] line) {
        if (wordCount(open + 1, close) < 3 && term(open, close)) {
            return;
        }
        if (inTitleList(open, close) || titleBefore(open, line) || open == line[0] && close == line[1] - 1
                || capitalisedAfter(open) && ARTICLE_BEFORE.matcher(text.substring(Math.max(0, open - 6), open)).find()) {
            return; // "après la « Marée populaire »": a name, not words anyone said
        }
        int sentStart = sentenceStart(open, line[0]);
        int sentEnd = sentenceEnd(close + 1, line[1]);
        int minLength = wordCount(open + 1, close) < 3 ? SHORT_QUOTE : 8;
        Found near = null;
        for (Found f : out) {
            if (f.start <= close && open < f.end) {
                return; // already inside a quote
            }
            if (!f.indirect && f.start > sentStart && f.end <= sentEnd + 1 && gap(f, open, close) <= NEAR
                    && (near == null || gap(f, open, close) < gap(near, open, close))) {
                near = f;
            }
        }
        if (near != null) {
            int from = Math.min(close, near.end);
            int to = Math.max(open, near.start);
            // "…par le « loto du patrimoine », l'épouse du président semble à l'aise : « … »": the colon announces only what follows
            if (onlyPersonNamedIn(near.person, from, to) && text.substring(from, to).indexOf(':') < 0 && !newSpeakerBetween(from, to)) {
                add(open + 1, close, near.person, false, minLength);
            }
            return;
        }
        // "Nordahl Lelandais, qui a admis avoir tué « involontairement » l'enfant, a annoncé le procureur": the words
        // are the subject of the other speech verb
        // ("…, selon des résultats publiés mardi, est « déjà utilisée », a indiqué X": "selon" reports no one's words here)
        if (speechVerbIn(SELON_WORD.matcher(text.substring(sentStart, open)).replaceAll(" "), 99)
                || nounPhrase(open, text.substring(close + 1, sentEnd))) {
            return; // "Le « made in France » séduit les jeunes, explique X": a term the sentence is about
        }
        int p = finalIncise(close + 1, sentEnd, open);
        if (p >= 0) {
            add(open + 1, close, p, false, minLength);
        }
    }

    /**
     * The speaker {@link #inAttributedSentence} gives the quotation when it is the only one of its sentence and the
     * sentence ends on an incise naming someone ("« … » dans les hôpitaux, a indiqué Claire Roux."), the quotation then
     * added; -1 otherwise (left for the pass after the paragraph's other quotations).
     */
    private int endsItsSentence(int open, int close, int[] line) {
        int sentEnd = sentenceEnd(close + 1, line[1]);
        for (int i = sentenceStart(open, line[0]); i < sentEnd; i++) {
            if (i >= open && i <= close) {
                continue;
            }
            char c = text.charAt(i);
            if (c == '«' || c == '“' || c == '"') {
                return -1;
            }
        }
        int before = out.size();
        inAttributedSentence(open, close, line);
        return out.size() > before ? out.get(out.size() - 1).person : -1;
    }

    /**
     * Whether text[from, to), between two quotations of a sentence, gives the second one a speaker of its own: "X a
     * reconnu une « faute », Intermarché a annoncé une « enquête »" (a comma, a capitalised subject, a speech verb).
     */
    private boolean newSpeakerBetween(int from, int to) {
        for (int c = text.indexOf(", ", from); c >= 0 && c + 2 < to; c = text.indexOf(", ", c + 1)) {
            if (Character.isUpperCase(text.charAt(c + 2)) && speechVerbIn(text.substring(c + 2, to), 6)) {
                return true;
            }
        }
        return false;
    }

    private static final Pattern SELON_WORD = Pattern.compile("(?i)\\bselon\\b");

    /** How far apart (characters between them) two quotations of one sentence may be and still share their speaker. */
    private static final int NEAR = 150;

    private static int gap(Found f, int open, int close) {
        return f.start > close ? f.start - close : open - f.end;
    }

    /**
     * The speaker of the incise that ends the sentence text[from, sentEnd): ", a précisé le procureur", ", a annoncé
     * jeudi Jean Vidal", the first comma after which a speech verb comes; -1 when there is none, or another quotation
     * comes before it, or its subject is no one the article named.
     */
    private int finalIncise(int from, int sentEnd, int open) {
        for (int c = from; c < sentEnd; c++) {
            char ch = text.charAt(c);
            if (ch == '«' || ch == '“' || ch == '"') {
                return -1;
            }
            if (ch != ',') {
                continue;
            }
            String head = text.substring(c, Math.min(sentEnd, c + 60)); // the incise's verb comes in its first words
            if (!(speechVerbIn(head, 2) || auxiliaryIncise(head))) {
                continue;
            }
            String rest = text.substring(c, sentEnd);
            int p = subjectIn(c, sentEnd);
            if (p >= 0) {
                return p;
            }
            Matcher rm = roleNoun(rest);
            if (rm != null && rm.start() < 40 && !APPOSED_NAME.matcher(rest).region(rm.end(), rest.length()).lookingAt()) {
                return personWithRole(rm, rest, open);
            }
            return -1;
        }
        return -1;
    }

    private static final Pattern ARTICLE_BEFORE = Pattern.compile("(?i)(?:^|[\\s(])(?:le|la|les|un|une|des|du|l['’])\\s*$");

    /**
     * "Le « made in France » séduit les jeunes, explique X": a quotation right after an article, with the sentence going
     * on after it without a comma, is a term inside the sentence, not the words the speech verb further on reports.
     */
    private boolean nounPhrase(int open, String after) {
        return !after.stripLeading().startsWith(",") && ARTICLE_BEFORE.matcher(text.substring(Math.max(0, open - 6), open)).find();
    }

    /**
     * "\"Nous avons pris des mesures.\n\nEt les clientes reviennent\", assure X": the straight mark closing a quotation
     * opened in the paragraph before, when the line holds an odd number of them and does not open with one; else -1.
     */
    private int asciiClosingIn(int[] line) {
        if (text.charAt(line[0]) == '"') {
            return -1;
        }
        int first = -1;
        int n = 0;
        for (int i = line[0]; i < line[1]; i++) {
            char c = text.charAt(i);
            if (c == '«' || c == '“') {
                return -1;
            }
            if (c == '"') {
                if (first < 0) first = i;
                n++;
            }
        }
        return n % 2 == 1 ? first : -1;
    }

    /** The first closing mark of the line when no opening mark comes before it, or -1. */
    private int closingIn(int[] line) {
        for (int i = line[0]; i < line[1]; i++) {
            char c = text.charAt(i);
            if (c == '«' || c == '“') {
                return -1;
            }
            if (c == '»' || c == '”') {
                return i;
            }
        }
        return -1;
    }

    /**
     * "« … avec des chanteurs qu'ils aiment bien. » Comme le rappelle Télé Star, …": a quotation that ends its sentence,
     * followed by a capital, has nothing to do with the speech verb of the next sentence.
     */
    private boolean newSentenceAfter(int close) {
        int q = close - 1;
        while (q > 0 && Character.isWhitespace(text.charAt(q))) {
            q--;
        }
        if (q <= 0 || ".!?…".indexOf(text.charAt(q)) < 0) {
            return false;
        }
        int n = close + 1;
        while (n < text.length() && text.charAt(n) == ' ') {
            n++;
        }
        return n < text.length() && Character.isUpperCase(text.charAt(n));
    }

    /**
     * "« Ce qu'il faut retenir … » chez les patients. « Nous en France … », a affirmé X": an unattributed quotation
     * opening its sentence, followed in the paragraph by one of X's with no one else named and no one else said to
     * speak in between, is X's too.
     */
    private boolean leadsTo(int[] pending, int open, int p) {
        if (!text.substring(pending[2], pending[0]).isBlank() || wordCount(pending[0] + 1, pending[1]) < 5 || !onlyPersonNamedIn(p, pending[1], open)) {
            return false;
        }
        String between = text.substring(pending[1] + 1, open);
        return !speechVerbIn(between, 99) && !PRONOUN.matcher(between).find();
    }

    private static boolean subordinate(String s, int pronoun) {
        return pronoun >= 3 && s.regionMatches(true, pronoun - 3, "qu", 0, 2)
                && (s.charAt(pronoun - 1) == '\'' || s.charAt(pronoun - 1) == '’');
    }

    private static final Pattern SPEAKING_PRONOUN = Pattern.compile("(?:^|[\\s,])([iI]l|[eE]lle)\\s+(?:a\\s+|lui\\s+a\\s+|nous\\s+a\\s+)?(\\p{L}+)");

    /**
     * 'f' or 'm' when the lead, after {@code from}, has "il"/"elle" as the subject of a speech verb ("il a précisé"),
     * else 0.
     */
    private static int speakingPronoun(String lead, int from) {
        Matcher pm = SPEAKING_PRONOUN.matcher(lead);
        if (from > 0 && from <= lead.length()) {
            pm.region(from, lead.length());
        }
        while (pm.find()) {
            if (SPEECH_AND_PARTICIPLES.contains(pm.group(2).toLowerCase())) {
                return feminine(pm.group(1)) ? 'f' : 'm';
            }
        }
        return 0;
    }

    private static final Pattern QUOTE_INCISE = Pattern.compile("[»\"”]\\s*,\\s+(?:(?:a|avait)\\s+)?(\\p{L}+)\\s+(\\p{L}+)");

    /**
     * "« … », a expliqué une femme médecin.\n\n« … », dit-elle.": whether the last quotation before {@code open} within a
     * few paragraphs was said by someone the text does not name (a speech verb, then "un" or "une"); the pronoun then
     * stands for them, not for the last person named.
     */
    private boolean unnamedSpeakerLast(int open) {
        Matcher m = QUOTE_INCISE.matcher(text).region(Math.max(0, open - 600), open);
        boolean unnamed = false;
        while (m.find()) {
            String next = m.group(2).toLowerCase();
            unnamed = SPEECH_AND_PARTICIPLES.contains(m.group(1).toLowerCase()) && (next.equals("un") || next.equals("une"));
        }
        return unnamed;
    }

    /** Whether text[from, to) only joins two quotations: spaces, punctuation, "et". */
    private boolean joined(int from, int to) {
        String between = text.substring(from, to).strip();
        if (between.startsWith(".") || between.startsWith(",")) {
            between = between.substring(1).strip();
        }
        return between.isEmpty() || between.equals("et");
    }

    /**
     * "« Nous avons choisi ces quatre territoires … »" then a line "Sebastian Sachetti, Chargé de développement pour
     * le Pass Culture": the paragraphs in quotation marks right above a line that is a name (with a role or
     * affiliation) are that person's.
     */
    private void signedQuotes() {
        for (int k = 1; k < lines.size(); k++) {
            if (!wholeQuotation(k - 1)) {
                continue;
            }
            int p = signature(k);
            if (p < 0) {
                continue;
            }
            claimed[k] = true;
            for (int q = k - 1; q >= 0 && !claimed[q] && wholeQuotation(q); q--) {
                claimed[q] = true;
                int[] l = lines.get(q);
                add(l[0] + 1, l[1] - closingLength(q), p, false);
            }
        }
    }

    /** The person a line consists of: a name at its start, then nothing, or a comma, dash or parenthesis and a short role. */
    private int signature(int k) {
        int[] l = lines.get(k);
        int from = l[0];
        while (from < l[1] && "—–-".indexOf(text.charAt(from)) >= 0 || from < l[1] && text.charAt(from) == ' ') {
            from++;
        }
        for (EntityFinder.Mention m : mentions) {
            if (m.start() == from && m.end() <= l[1]) {
                if (m.end() == l[1]) {
                    return m.person();
                }
                char c = text.charAt(m.end());
                char last = text.charAt(l[1] - 1);
                boolean shortTail = wordCount(m.end(), l[1]) <= 15 && ".!?»\"”:".indexOf(last) < 0;
                return shortTail && (c == ',' || c == '(' || c == ' ' && "—–-".indexOf(text.charAt(Math.min(m.end() + 1, l[1] - 1))) >= 0)
                        ? m.person() : -1;
            }
            if (m.start() > from) {
                return -1;
            }
        }
        return -1;
    }

    /** Whether line k is one quotation from its first character to its last (give or take a final period). */
    private boolean wholeQuotation(int k) {
        int[] l = lines.get(k);
        char first = text.charAt(l[0]);
        return l[1] - l[0] >= 20 && (first == '«' || first == '“' || first == '"') && closingLength(k) > 0;
    }

    /** Length of the closing mark (and a period after it) ending line k, or 0. */
    private int closingLength(int k) {
        int[] l = lines.get(k);
        int dot = text.charAt(l[1] - 1) == '.' ? 1 : 0;
        char c = l[1] - 1 - dot > l[0] ? text.charAt(l[1] - 1 - dot) : ' ';
        return c == '»' || c == '”' || c == '"' ? 1 + dot : 0;
    }

    private int attribute(int open, int close, int[] line, int lastEnd, int lastPerson) {
        if (wordCount(open + 1, close) < 3) {
            return shortQuoteSpeaker(open, close, line);
        }
        if (inTitleList(open, close)) {
            return -1;
        }
        if (titleBefore(open, line)) {
            return -1;
        }
        // after the quote: "», explique Hans Zimmer."
        int sentEnd = sentenceEnd(close + 1, line[1]);
        String after = text.substring(close + 1, sentEnd);
        if (!newSentenceAfter(close) && !nounPhrase(open, after) && (speechVerbIn(after, 4) || auxiliaryIncise(after))) {
            int p = subjectIn(close + 1, sentEnd);
            Matcher role = roleNoun(after);
            int roleAt = role != null && role.start() < 40 && SPEAKER_ROLES.contains(NameForms.fold(role.group(2)))
                    ? role.start() : Integer.MAX_VALUE;
            Matcher pm = PRONOUN.matcher(after);
            // "…», s'est indignée la journaliste après … qu'elle …": the role is the subject, not the later pronoun
            boolean pronounFirst = personalPronoun(pm, after) && pm.start() < roleAt
                    && (p < 0 || close + 1 + pm.start() < firstMentionStart(close + 1, sentEnd));
            if (p >= 0 && !pronounFirst && !roleBeforeName(role, roleAt, after, close)) {
                return p;
            }
            if (pronounFirst) {
                char gender = feminine(pm.group(1)) ? 'f' : 'm';
                // "…», a-t-il ajouté": going on is what the last speaker does
                if (lastPerson >= 0 && CONTINUING.matcher(after).find() && ef.people.get(lastPerson).gender != (gender == 'f' ? 'm' : 'f')) {
                    return lastPerson;
                }
                int roleSpeaker = roleSubjectBefore(open, line);
                if (roleSpeaker != NO_ROLE) {
                    return roleSpeaker >= 0 && compatible(roleSpeaker, gender) ? roleSpeaker : -1; // "-t-il" is no woman
                }
                return unnamedSpeakerLast(open) ? -1 : speakerBefore(open, gender);
            }
            if (organisationInIncise(close + 1, sentEnd)) {
                return -1; // "…», a affirmé Matignon": the institution's words, whoever the quotation names
            }
            // "…", déclare l'ancien président: only a speaker naming himself inside the quote can be trusted then
            int self = selfNamed(open, close);
            if (self >= 0) {
                return self;
            }
            // "…», s'est indignée la journaliste": the person introduced with that role
            Matcher rm = roleNoun(after);
            if (rm != null && rm.start() < 40 && !APPOSED_NAME.matcher(after).region(rm.end(), after.length()).lookingAt()) {
                int r = personWithRole(rm, after, open);
                // "…», a encore indiqué le groupe": an organisation goes on speaking, not the last person
                if (r >= 0 || !SPEAKER_ROLES.contains(NameForms.fold(rm.group(2))) && !CONTINUING.matcher(after).find()
                        || Lexicon.ORG_WORDS.contains(NameForms.fold(rm.group(2)))) {
                    return r;
                }
                return roleOfTheOneSpeaker(rm, after, open, lastPerson);
            }
            return -1;
        }
        if (DASH_NAME.matcher(after).lookingAt()) {
            int p = personIn(close + 1, sentEnd);
            if (p >= 0) {
                return p;
            }
        }
        // incise inside the quote: "«C'est un livre…, explique-t-elle. Je veux…»"
        int self = Integer.MIN_VALUE; // who names himself in the quote: looked up once, when first needed
        for (EntityFinder.Mention m : mentions) {
            if (m.start() > open && m.end() < close && m.start() - open > 10) {
                String lead = text.substring(Math.max(open, m.start() - 45), m.start()); // ", a indiqué le sénateur LR Paul Martin"
                int comma = lead.lastIndexOf(',');
                if (comma >= 0 && speechVerbIn(lead.substring(comma + 1), 2)) {
                    return m.person();
                }
                if (self == Integer.MIN_VALUE) self = selfNamed(open, close);
                if (self == m.person()) {
                    return m.person();
                }
            }
        }
        String inner = text.substring(open + 1, close);
        int roleIncise = roleInciseIn(inner, open);
        if (roleIncise != -1) {
            return Math.max(roleIncise, -1); // -2: the incise names a role no one was introduced with
        }
        Matcher inc = INCISE.matcher(inner);
        if ((inner.contains("-il") || inner.contains("-elle")) && inc.find()) {
            return unnamedSpeakerLast(open) ? -1 : speakerBefore(open, inc.group(1).equals("elle") ? 'f' : 'm');
        }
        // before the quote, in the same sentence: "X a déploré … : « … »"
        int sentStart = sentenceStart(open, line[0]);
        String lead = text.substring(sentStart, open);
        String leadTrim = lead.strip();
        boolean colon = leadTrim.endsWith(":");
        int framed = framedBy(lead, sentStart, open);
        if (framed >= 0) {
            return framed;
        }
        if (framedByNoPerson(lead)) {
            return -1; // "Selon Le Parisien, Claire Roux est « … »": the newspaper's words
        }
        int selon = selonInside(sentStart, open, lastPerson);
        if (selon >= 0) {
            return selon;
        }
        if (colon || speechVerbIn(lead, 99)) {
            int[] rq = lastReportingQue(lead);
            if (rq != null && firstMentionStart(sentStart + rq[1], open) < open) {
                return subjectOfReportingVerb(lead, sentStart, rq[0]);
            }
            int p = lastSubjectIn(sentStart, open);
            int speaking = speakingPronoun(lead, lastMentionEnd(sentStart, open) - sentStart);
            if (speaking != 0) {
                // "Interrogé sur …, qui voit s'affronter X, Y et Z, il a précisé qu'il « … »": the pronoun speaks
                int s = speakerBefore(open, (char) speaking);
                if (s >= 0) {
                    return s;
                }
            }
            if (p >= 0) {
                return p;
            }
            Matcher pm = PRONOUN.matcher(lead);
            // "le ministère a indiqué qu'il étudiait « … »": the "il" of a "que" clause is not who speaks
            while (personalPronoun(pm, lead)) {
                if (!subordinate(lead, pm.start())) {
                    return speakerBefore(open, feminine(pm.group(1)) ? 'f' : 'm');
                }
            }
            // "Le député LFI a répondu…, expliquant que « … »": a role as the subject names the person of the story
            // ("Après un premier échange, le comédien ironise : « … »": after an opening phrase too)
            String clause = leadTrim;
            int comma = leadTrim.lastIndexOf(", ");
            if (comma > 0 && !ROLE_NOUN.matcher(leadTrim).lookingAt() && leadTrim.indexOf(',') == comma) {
                clause = leadTrim.substring(comma + 2);
            }
            Matcher rm = ROLE_NOUN.matcher(clause);
            // "…, le présentateur « d'On ne dort pas »": the quotation completes the role, no verb says it
            if (rm.lookingAt() && (clause == leadTrim || rm.end() < clause.strip().length()) && SPEAKER_ROLES.contains(NameForms.fold(rm.group(2)))
                    && !APPOSED_NAME.matcher(clause).region(rm.end(), clause.length()).lookingAt()) {
                int r = personWithRole(rm, clause, open);
                String article = rm.group(1).strip().toLowerCase();
                // "Le président français a dit « … »" names someone the article did not introduce: no guess then
                boolean qualified = qualifiedAt(clause, rm.end())
                        || rm.group().toLowerCase().contains("ancien");
                // after an opening phrase, the role must be one someone was introduced with: no guess
                return r >= 0 || qualified || clause != leadTrim ? r : speakerBefore(open, articleGender(article));
            }
            if (colon && INDEFINITE_SUBJECT.matcher(leadTrim).lookingAt()) {
                return -1; // "Un journaliste a résumé l'affaire : « … »": someone unnamed
            }
            if (colon) {
                int p2 = speakerBefore(open, 'u', 600);
                // "…témoignages sur la toile : « Un vrai bonheur. Bravo David »": whoever the quote names is spoken to
                return p2 >= 0 && namedIn(p2, open, close) ? -1 : p2;
            }
        }
        // a follow-up quote right after an attributed one, nobody else named in between
        if (lastPerson >= 0 && lastEnd >= line[0] && leadTrim.isEmpty() && onlyPersonNamedIn(lastPerson, lastEnd, open)) {
            return lastPerson;
        }
        if (lastPerson >= 0 && goesOn(lastPerson, lastEnd, sentStart, line, lead, open, close)) {
            return lastPerson;
        }
        if (lastPerson >= 0 && open == line[0] && followsInNextParagraph(lastEnd, open, close, line) && onlyPersonNamedIn(lastPerson, lastEnd, open)) {
            return lastPerson;
        }
        if (!leadTrim.isEmpty()) {
            return narrativeSubject(sentStart, open, close);
        }
        int p = announcedBefore(sentStart, line[0], open);
        return p >= 0 ? p : namedRightAfter(open, close, line);
    }

    /**
     * "…», sourit la jeune femme de 32 ans, les yeux tournés vers le Pr Paul Martin": a role opens the incise and a
     * comma parts it from the first name, which is then no apposition ("le porte-parole, Paul Martin") but someone
     * else: the role speaks.
     */
    private boolean roleBeforeName(Matcher role, int roleAt, String after, int close) {
        if (role == null || roleAt == Integer.MAX_VALUE) {
            return false;
        }
        int name = firstMentionStart(close + 1, close + 1 + after.length()) - (close + 1);
        return roleAt < name && after.substring(role.end(), name).indexOf(',') >= 0
                && !APPOSED_NAME.matcher(after).region(role.end(), after.length()).lookingAt();
    }

    /**
     * A quotation opening its paragraph, then the sentence that names who said it: "« C'est juste du matériel »: au
     * bord des larmes, Claire Roux regarde…" (a colon, maybe a short opening phrase, a named subject or a role with its
     * name), "« Je ne comprends pas ». Voilà ce qu'a répondu Claire Roux" (in the next paragraph too), "« … », tel est
     * le message de Claire Roux". Not in the first line (a title is handled as a title); -1 when no one is named so.
     */
    private int namedRightAfter(int open, int close, int[] line) {
        int k = lines.indexOf(line);
        if (k < 1 || open != line[0] || wordCount(open + 1, close) < 3 || !capitalisedAfter(open)) {
            return -1;
        }
        int i = close + 1;
        while (i < line[1] && text.charAt(i) == ' ') {
            i++;
        }
        if (i < line[1] && text.charAt(i) == ':') {
            return subjectAfterOpening(i + 1, sentenceEnd(i + 1, line[1]));
        }
        int from = i;
        int end = line[1];
        if (i >= line[1] || text.charAt(i) == '.' && text.substring(i + 1, line[1]).isBlank()) {
            if (k + 1 >= lines.size() || claimed[k + 1]) {
                return -1;
            }
            from = lines.get(k + 1)[0];
            end = lines.get(k + 1)[1];
        }
        Matcher v = SAID_SO.matcher(text).region(from, end);
        if (!v.lookingAt()) {
            return -1; // a name merely opening the next sentence was tried: as often someone else (tuning 6: +1, -1)
        }
        int sentEnd = sentenceEnd(v.end(), end);
        for (EntityFinder.Mention m : mentions) {
            if (m.start() >= v.end() && m.end() <= sentEnd) {
                return m.start() - v.end() <= 60 && !governed(m) ? m.person() : -1;
            }
        }
        return -1;
    }

    /** "Voilà ce qu'a répondu", "Voilà comment … décrit", "tel est le message qu'a voulu faire passer": what was just quoted. */
    private static final Pattern SAID_SO = Pattern.compile(
            "(?iU)[\\s.,:]*(?:voilà|voici|tel\\s+est|telle\\s+est)\\s+(?:ce\\s+qu|comment|le\\s+message|la\\s+réponse)");

    /**
     * The person text[from, to) opens on, after an opening phrase of up to eight words and a comma ("au bord des
     * larmes, ", "dans les colonnes du Parisien, "): a name that is no complement ("M. Roux", "Claire Roux"), or a role
     * right before a name ("la chanteuse Claire Roux"); -1 otherwise.
     */
    private int subjectAfterOpening(int from, int to) {
        int at = from;
        while (at < to && Character.isWhitespace(text.charAt(at))) {
            at++;
        }
        int comma = text.substring(at, to).indexOf(", ") + at;
        int first = firstMentionStart(at, to);
        if (comma > at && comma < first && wordCount(at, comma) <= 8) {
            at = comma + 2;
        }
        for (EntityFinder.Mention m : mentions) {
            if (m.start() >= at && m.end() <= to) {
                String before = text.substring(at, m.start());
                boolean titled = before.isEmpty() || TITLE_BEFORE_NAME.matcher(before).matches();
                Matcher role = LEADING_ROLE.matcher(before);
                boolean roled = role.matches() && (SPEAKER_ROLES.contains(NameForms.fold(role.group(1)))
                        || Lexicon.ROLE_WORDS.contains(NameForms.fold(role.group(1))));
                return titled && !governed(m) || roled ? m.person() : -1;
            }
        }
        return -1;
    }

    private static final Pattern TITLE_BEFORE_NAME = Pattern.compile("(?:M\\.|Mme|Me|Dr|Pr)\\s+");
    /** "la youtubeuse ", "le ministre français ": a role in lower case (no "de" complement) right before the name it introduces. */
    private static final Pattern LEADING_ROLE = Pattern.compile("(?U)(?i:la|le|l['’])\\s*(\\p{Ll}[\\p{Ll}-]+)(?:\\s+(?!(?:de|du|des)\\s)\\p{Ll}[\\p{Ll}-]+){0,3}\\s+");

    /**
     * "…la mode des grands yeux », raconte X. Depuis 2011, « la technique permet de lisser la peau »": a quotation
     * inside a sentence (four words or more, in lower case) goes on with the last speaker when the sentence before it,
     * in its paragraph or ending the paragraph before, holds that speaker's quotation, and its own lead names no one,
     * has no pronoun, colon or speech verb, and is short.
     */
    /** A determiner opening a lead: a subject ("Le groupe prévoit « … »"), not an adverbial phrase ("Depuis 2011, « … »"). */
    private static final Pattern SUBJECT_START = Pattern.compile("\\s*(?i:le|la|les|l['’]|un|une|des|ce|cet|cette|ces|son|sa|ses|leur|leurs)(?![\\p{L}])");
    private static final Pattern CAPITAL_INSIDE = Pattern.compile("[\\s'’-]\\p{Lu}");

    private boolean goesOn(int lastPerson, int lastEnd, int sentStart, int[] line, String lead, int open, int close) {
        int sentEnd = sentenceEnd(close + 1, line[1]);
        if (speechVerbIn(text.substring(close + 1, sentEnd), 99)) {
            return false; // "« On sait … », à partir de …, explique X": the incise further on says who speaks
        }
        if (lastEnd < 0 || lastEnd >= sentStart || wordCount(open + 1, close) < 4 || capitalisedAfter(open)
                || wordCount(sentStart, open) > 8 || lead.indexOf(':') >= 0 || speechVerbIn(lead, 99)
                || PRONOUN.matcher(lead).find() || personIn(sentStart, open) >= 0 || !onlyPersonNamedIn(lastPerson, lastEnd + 1, open)
                || CAPITAL_INSIDE.matcher(lead.strip()).find() || SUBJECT_START.matcher(lead).lookingAt()) {
            // "De son côté, l'ONG Sea-Watch a évoqué « … »", "Le groupe prévoit « … »": someone else speaks
            return false;
        }
        if (sentStart > line[0]) {
            return lastEnd >= line[0] && sentenceStart(sentStart - 1, line[0]) <= lastEnd;
        }
        // the first sentence of its paragraph: the last one of the paragraph before holds the quotation
        int k = lines.indexOf(line);
        if (k <= 0) {
            return false;
        }
        int[] prev = lines.get(k - 1);
        return lastEnd >= prev[0] && lastEnd < prev[1] && sentenceStart(prev[1] - 1, prev[0]) <= lastEnd;
    }

    /**
     * Whether the last three words before the quotation (split at spaces and apostrophes) make it a title or a term: a
     * title cue ("le livre « … »", "l'expression « … »") or "de" right before a capitalised quotation ("l'auteur de « Les
     * Misérables »"). A cue that is itself the complement of "de" ("la liberté d'expression « car … »") and "de" before
     * words in lower case ("permet de « contourner la censure »") introduce what someone says.
     */
    private boolean titleBefore(int open, int[] line) {
        int from = Math.max(line[0], open - 40);
        int e = open;
        for (int k = 0; k < 3; k++) {
            while (e > from && beforeSeparator(text.charAt(e - 1))) {
                e--;
            }
            if (e <= from) {
                break;
            }
            int b = e;
            while (b > from && !beforeSeparator(text.charAt(b - 1))) {
                b--;
            }
            String w = text.substring(b, e).toLowerCase();
            if (w.endsWith(",") && w.length() > 1) {
                w = w.substring(0, w.length() - 1); // "Dans son livre, « … »"
            }
            if (endsSentence(w)) {
                break; // "…ce concept AI :me. « Cette voiture… »": the cue belongs to the sentence before
            }
            if (w.equals(":")) {
                e = b; // "le slogan : « … »": the colon is no word
                k--;
                continue;
            }
            if (w.equals("ordre") && MOT_D.matcher(text.substring(Math.max(0, b - 6), b)).find()) {
                return true; // "avec le mot d'ordre : « … »"
            }
            if (TITLE_CUES.contains(w) && !complementOfDe(b) || k == 0 && (w.equals("de") || w.equals("d") || w.equals("du"))
                    && capitalisedAfter(open)) {
                return true;
            }
            e = b;
        }
        return false;
    }

    private static final Pattern MOT_D = Pattern.compile("(?i)mots? d['’]$");

    /** Whether the word starting at b comes right after "d'" or "de ". */
    private boolean complementOfDe(int b) {
        if (b >= 2 && (text.charAt(b - 1) == '\'' || text.charAt(b - 1) == '’') && (text.charAt(b - 2) == 'd' || text.charAt(b - 2) == 'D')) {
            return b == 2 || !Character.isLetter(text.charAt(b - 3));
        }
        return b >= 4 && text.startsWith("de ", b - 3) && !Character.isLetter(text.charAt(b - 4));
    }

    /** Whether the first letter inside the quotation opening at {@code open} is a capital. */
    private boolean capitalisedAfter(int open) {
        for (int i = open + 1; i < Math.min(text.length(), open + 4); i++) {
            if (Character.isLetter(text.charAt(i))) {
                return Character.isUpperCase(text.charAt(i));
            }
        }
        return true;
    }

    /** {start, end} in the lead of its last "[a] VERB que", the verb one of reported speech, or null. */
    private static int[] lastReportingQue(String lead) {
        int[] last = null;
        for (int q = lead.indexOf("qu"); q >= 0; q = lead.indexOf("qu", q + 2)) {
            int[] r = reportedAt(lead, q);
            if (r != null) {
                last = r;
            }
        }
        return last;
    }

    /**
     * "L'ancien ministre estime que Paul Martin « tourne le dos à l'Europe »": the person named in the "que" clause is
     * what the quote is about; the speaker is the subject of the verb (a name, a pronoun, a role), or no one known.
     */
    private int subjectOfReportingVerb(String lead, int sentStart, int verbStart) {
        int before = sentStart + verbStart;
        int p = lastSubjectIn(sentStart, before);
        if (p >= 0) {
            return p;
        }
        String subject = lead.substring(0, verbStart);
        Matcher pm = PRONOUN.matcher(subject);
        if (personalPronoun(pm, subject) && !subordinate(subject, pm.start())) {
            return speakerBefore(before, feminine(pm.group(1)) ? 'f' : 'm');
        }
        String trimmed = subject.strip();
        Matcher rm = ROLE_NOUN.matcher(trimmed);
        return rm.lookingAt() ? personWithRole(rm, trimmed, before) : -1;
    }

    /**
     * "…en « produits positifs », selon Maxime Haure.\n\n« Pour l'instant, c'est le raisin … »": a paragraph that is
     * one unattributed quotation, right after a paragraph ending on an attributed one, goes on with that speaker.
     */
    private boolean followsInNextParagraph(int lastEnd, int open, int close, int[] line) {
        // a short line in quotation marks is rather a subheading quoting what comes next
        if (lastEnd < 0 || lastEnd >= open || text.substring(close + 1, line[1]).strip().length() > 1 || wordCount(open + 1, close) < 12) {
            return false;
        }
        String between = text.substring(lastEnd + 1, open);
        int breaks = (int) between.chars().filter(c -> c == '\n').count();
        return breaks >= 1 && (between.strip().length() <= 60 || attributingTail(between.strip())) && between.strip().indexOf('\n') < 0
                && !between.contains("?");
    }

    /**
     * "…» dans les hôpitaux, a indiqué mercredi l'infectiologue Claire Roux.": the rest of the sentence after the last
     * quotation is its incise (a speech verb, one sentence, no other quotation), so a paragraph of quotation after it
     * goes on with the same speaker.
     */
    private static boolean attributingTail(String tail) {
        if (tail.length() > 160 || tail.indexOf('"') >= 0 || tail.indexOf('«') >= 0 || tail.indexOf('“') >= 0) {
            return false;
        }
        int comma = tail.lastIndexOf(", ");
        int stop = tail.indexOf(". ");
        return comma >= 0 && stop < 0 && (speechVerbIn(tail.substring(comma), 3) || auxiliaryIncise(tail.substring(comma)));
    }

    /**
     * "Michel Drucker l'a une nouvelle fois réaffirmé. « … »": a quotation opening its sentence, right after a sentence
     * that ends on a speech verb (within its last eight words) said by a named subject or a pronoun, is that speaker's.
     */
    private int announcedBefore(int sentStart, int lineStart, int open) {
        if (sentStart <= lineStart) {
            return -1;
        }
        int prevStart = sentenceStart(sentStart - 1, lineStart);
        String prev = text.substring(prevStart, sentStart);
        if (!speechVerbNearEnd(prev, 8, ANNOUNCING)) {
            return -1;
        }
        int p = subjectIn(prevStart, sentStart);
        Matcher pm = PRONOUN.matcher(prev);
        // "Dans sa réponse, il a fustigé Paul Martin. « … »": the pronoun before the name is the subject, the name the object
        if (p >= 0 && personalPronoun(pm, prev) && !subordinate(prev, pm.start())
                && prevStart + pm.start() < firstMentionStart(prevStart, sentStart) && !unnamedSpeakerLast(open)) {
            return speakerBefore(prevStart + pm.start(), feminine(pm.group(1)) ? 'f' : 'm');
        }
        if (p >= 0) {
            return p;
        }
        pm.reset();
        return personalPronoun(pm, prev) && !unnamedSpeakerLast(open) ? speakerBefore(open, feminine(pm.group(1)) ? 'f' : 'm') : -1;
    }

    /** Whether one of the last {@code words} words of s is a speech verb ("selon" aside; an elided "d'" or "l'" dropped). */
    private static boolean speechVerbNearEnd(String s, int words) {
        return speechVerbNearEnd(s, words, SPEECH_AND_PARTICIPLES);
    }

    private static final Pattern WORD_BREAKS = Pattern.compile("[\\s,;.!?…:()]+");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private static boolean speechVerbNearEnd(String s, int words, Set<String> verbs) {
        String[] w = WORD_BREAKS.split(s.strip());
        for (int k = w.length - 1; k >= 0 && k >= w.length - words; k--) {
            String x = w[k].toLowerCase().replace('’', '\'');
            if (x.length() > 2 && x.charAt(1) == '\'') {
                x = x.substring(2);
            }
            if (!x.equals("selon") && (verbs.contains(x) || INFINITIVES.contains(x))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The speech verbs that announce a quotation in the next sentence: those that also take a plain object ("X lance un
     * podcast.", "X salue le public.", "X note la hausse.") announce nothing.
     */
    private static final Set<String> ANNOUNCING = announcing();

    private static Set<String> announcing() {
        java.util.Set<String> verbs = new java.util.HashSet<>();
        for (String v : SPEECH_AND_PARTICIPLES) {
            verbs.add(v);
        }
        verbs.removeAll(List.of("lance", "lancé", "note", "noté", "juge", "jugé", "défend", "défendu", "salue", "salué",
                "reprend", "repris", "promet", "promis", "espère", "espéré", "accuse", "accusé", "analyse", "analysé",
                "observe", "observé", "relève", "relevé", "constate", "constaté", "annonce", "annoncé", "poursuit", "avance",
                "écrit", "tranche", "tranché", "soufflé", "souffle", "glisse", "glissé", "résume", "résumé", "sourit",
                "rapporte", "rapporté", "relate", "relaté", "remarque", "remarqué", "soutient", "prédit", "avoue", "avoué", "reconnait", "décrypte", "décrypté"));
        return Lexicon.set(verbs);
    }

    /** Speech verbs in the infinitive that announce the quotation after their sentence: "a tenu à annoncer la nouvelle. « … »". */
    private static final Set<String> INFINITIVES = Lexicon.set(List.of("annoncer", "expliquer", "déclarer", "raconter", "confier"));

    /**
     * ", rappelle ainsi l'animateur dans son interview" inside a quotation: the person the article gave that role; -2 when
     * no one was given it (the quote has a speaker, just not one to name); -1 when there is no such incise.
     */
    private int roleInciseIn(String inner, int open) {
        for (int c = inner.indexOf(", "); c >= 0; c = inner.indexOf(", ", c + 1)) {
            Matcher im = ROLE_INCISE.matcher(inner).region(c, inner.length());
            if (im.lookingAt() && SPEECH.contains(im.group(1).toLowerCase())) {
                Matcher rm = ROLE_NOUN.matcher(inner).region(im.end(), inner.length());
                if (rm.lookingAt() && SPEAKER_ROLES.contains(NameForms.fold(rm.group(2)))
                        && !APPOSED_NAME.matcher(inner).region(rm.end(), inner.length()).lookingAt()) {
                    int p = personWithRole(rm, inner, open);
                    return p >= 0 ? p : -2;
                }
            }
        }
        return -1;
    }

    private static final Pattern ROLE_INCISE = Pattern.compile(
            ",\\s+(\\p{L}+)\\s+(?:(?:ainsi|encore|alors|aussi|également|donc)\\s+)?(?=(?:le|la|l['’]))");

    /**
     * The speaker of a one- or two-word quotation, only when a speech verb and a named speaker frame it right there:
     * "Gordon Murray s'est dit « totalement satisfait »", "« Inacceptable », a tranché Paul Martin"; else -1 (a term
     * in quotation marks is nobody's quote).
     */
    private int shortQuoteSpeaker(int open, int close, int[] line) {
        if (open == line[0] || inTitleList(open, close) || term(open, close)) {
            return -1;
        }
        // before: the last two words are a speech verb, the subject named just before them
        int sentStart = sentenceStart(open, line[0]);
        String lead = text.substring(Math.max(sentStart, open - 60), open);
        String[] w = SPACES.split(lead.strip());
        // "Didier Dubreucq, dit « Yeux bleus »": after a comma, "dit" gives a nickname
        boolean nickname = w.length >= 2 && w[w.length - 2].endsWith(",") && w[w.length - 1].startsWith("dit");
        if (w.length >= 2 && !nickname && speechVerbNearEnd(w[w.length - 1], 1)) {
            int p = lastSubjectIn(sentStart, open);
            if (p >= 0 && open - lastMentionEnd(sentStart, open) <= 30) {
                return p;
            }
        }
        // "Il avait qualifié « d'inacceptables » les sifflets": a pronoun, then a speech verb (or "qualifié" after an
        // auxiliary, not the passive "souvent qualifié de « … »"), the last speaker
        if (w.length >= 3 && !nickname && (speechVerbNearEnd(w[w.length - 1], 1)
                || w[w.length - 1].equals("qualifié") && (w[w.length - 2].equals("a") || w[w.length - 2].equals("avait")))) {
            for (int k = w.length - 2; k >= Math.max(0, w.length - 4); k--) {
                if (w[k].equalsIgnoreCase("il") || w[k].equalsIgnoreCase("elle")) {
                    return speakerBefore(open, feminine(w[k]) ? 'f' : 'm', 600);
                }
            }
        }
        // after: ", VERB Name" or ", a VERB Name"
        int sentEnd = sentenceEnd(close + 1, line[1]);
        String after = text.substring(close + 1, sentEnd);
        if (after.startsWith(",") && (speechVerbIn(after, 2) || auxiliaryIncise(after) || SELON_AFTER.matcher(after).lookingAt())) {
            int p = subjectIn(close + 1, Math.min(sentEnd, close + 45));
            if (p >= 0) {
                return p;
            }
            // "« Inadmissible », juge-t-il"
            Matcher inc = INCISE.matcher(after);
            if (inc.lookingAt() && !unnamedSpeakerLast(open)) {
                return speakerBefore(open, inc.group(1).equals("elle") ? 'f' : 'm', 600);
            }
        }
        if (!nickname && open - sentStart <= 200) {
            int selon = selonInside(Math.max(sentStart, open - 60), open, -1);
            if (selon >= 0) {
                return selon;
            }
            // "Pour Claire Roux, chercheuse, la situation est « intenable »": the frame of the sentence speaks
            int framed = framedBy(text.substring(sentStart, open), sentStart, open);
            if (framed >= 0) {
                return framed;
            }
        }
        if (nickname) {
            return -1;
        }
        int spoken = endOfSpokenObject(sentStart, open);
        return spoken >= 0 || DEFINITE_BEFORE.matcher(text.substring(Math.max(sentStart, open - 6), open)).find()
                ? spoken : narrativeSubject(sentStart, open, close);
    }

    /** Most words between a sentence's subject and a quoted fragment it is still the subject of. */
    private static final int SUBJECT_REACH = 6;
    /** Most words of a fragment given to the sentence's subject without a speech verb. */
    private static final int FRAGMENT_WORDS = 12;

    /**
     * "Aujourd'hui, il assume sa « peur »", "Claire Roux se considère comme « doublement victime »": a lower-case
     * fragment inside a sentence whose subject, opening it (after at most a short adverbial phrase and its comma), is a
     * person named there or an "il"/"elle" standing for the last one named; the fragment is that person's words, no
     * speech verb needed. Nobody's when another person or quotation comes between, or the clause turns ("que",
     * "dont", a semicolon) so the fragment may belong to someone else.
     */
    private int narrativeSubject(int sentStart, int open, int close) {
        if (capitalisedAfter(open) || wordCount(open + 1, close) > FRAGMENT_WORDS) {
            return -1;
        }
        int at = sentStart;
        while (at < open && Character.isWhitespace(text.charAt(at))) {
            at++;
        }
        int comma = text.indexOf(", ", at);
        if (comma > at && comma < open && wordCount(at, comma) <= 3 && !mentionIn(at, comma)) {
            at = comma + 2; // "Aujourd'hui, ", "Depuis, "
        }
        int subjectEnd = -1;
        int p = -1;
        for (EntityFinder.Mention m : mentions) {
            if (m.start() == at) {
                p = m.person();
                subjectEnd = m.end();
                break;
            }
            if (m.start() > at) {
                break;
            }
        }
        String lead = text.substring(at, open);
        Matcher rm = ROLE_NOUN.matcher(lead);
        if (p < 0 && rm.lookingAt() && !rm.group(1).toLowerCase().startsWith("c") && SPEAKER_ROLES.contains(NameForms.fold(rm.group(2)))
                && !mentionIn(at, Math.min(open, at + rm.end() + 40))) {
            // "La responsable se dit visée par des attaques « ignobles »": the one the article introduced with that
            // role, else the one person named lately, agreeing with the article
            p = personWithRole(rm, lead, at);
            if (p < 0) {
                p = roleOfTheOneSpeaker(rm, lead, at, -1);
            }
            subjectEnd = at + rm.end();
            if (p < 0) {
                return -1;
            }
        }
        if (p < 0) {
            int e = at;
            while (e < open && Character.isLetter(text.charAt(e))) {
                e++;
            }
            String w = text.substring(at, e);
            if (!w.equalsIgnoreCase("il") && !w.equalsIgnoreCase("elle") || e >= open || text.charAt(e) != ' ') {
                return -1;
            }
            char gender = feminine(w) ? 'f' : 'm';
            p = speakerBefore(at, gender, 600);
            // "Elle a qualifié de « … »" after an organisation: only a person known to agree is this pronoun
            if (p >= 0 && ef.people.get(p).gender != gender) {
                return -1;
            }
            subjectEnd = e;
        }
        if (p < 0 || wordCount(subjectEnd, open) > SUBJECT_REACH || mentionIn(subjectEnd, open)) {
            return -1;
        }
        String between = text.substring(subjectEnd, open);
        if (between.indexOf('«') >= 0 || between.indexOf('"') >= 0 || between.indexOf('“') >= 0 || between.indexOf(';') >= 0
                || CLAUSE_TURN.matcher(between).find() || PASSIVE.matcher(between).find() || AIM_BEFORE.matcher(between).find()
                || speechVerbIn(SAYS_ITSELF.matcher(between).replaceAll(" "), 99) || calledIn(between)) {
            return -1;
        }
        return p;
    }

    /** "se dit visée par des attaques « … »", "s'est dite « ravie »": the subject says what it is, the words its own. */
    private static final Pattern SAYS_ITSELF = Pattern.compile("(?iU)(?<!\\p{L})(?:se|s['’]est)\\s+dit(?:e|s|es)?(?!\\p{L})");

    /** "X a été écroué pour « … »": what is done to the subject, in the words of a charge, not the subject's own. */
    private static final Pattern PASSIVE = Pattern.compile("(?iU)\\b(?:été|sera|seront)\\b");
    /** "se lance dans une thèse pour « … »": an aim or a charge the article words, not the subject's own. */
    private static final Pattern AIM_BEFORE = Pattern.compile("(?i)\\bpour\\s*$");

    /** Whether a calling verb ("qualifié de", "traité de") comes in s: {@link #endOfSpokenObject} has judged those. */
    private static boolean calledIn(String s) {
        for (String w : SPACES.split(s.strip())) {
            if (CALLING.contains(w.toLowerCase())) {
                return true;
            }
        }
        return false;
    }

    private static final Pattern CLAUSE_TURN = Pattern.compile("(?i)\\b(?:que|qu['’]|dont|lorsque|quand|tandis|alors)\\b");

    private boolean mentionIn(int from, int to) {
        for (EntityFinder.Mention m : mentions) {
            if (m.start() >= from && m.end() <= to) {
                return true;
            }
        }
        return false;
    }

    /**
     * "Dubaï s'est distingué, selon Paul Martin, par une « capacité à décider vite »": "selon" inside the sentence,
     * before the quotation, gives its words to the person named right after it, or to the one its "lui"/"elle" stands
     * for when that is the last person quoted ({@code lastSpeaker}; a pronoun alone is too often someone else: "X a eu
     * selon lui …" is not X); -1 when text[from, open) has no such "selon" or it names a source that is no person.
     */
    private int selonInside(int from, int open, int lastSpeaker) {
        for (int k = lastSelon(open - 1); k > from; k = lastSelon(k - 1)) {
            char before = text.charAt(k - 1);
            if (before != ' ' && before != ',') {
                continue;
            }
            int w = k + 6;
            if (text.startsWith("lui", w) || text.startsWith("elle", w)) {
                int e = w + (text.charAt(w) == 'l' ? 3 : 4);
                if (lastSpeaker >= 0 && e < text.length() && !Character.isLetter(text.charAt(e)) && !insideQuotation(k, e)) {
                    int p = speakerBefore(k, text.charAt(w) == 'e' ? 'f' : 'm');
                    return p == lastSpeaker ? p : -1;
                }
                return -1;
            }
            for (EntityFinder.Mention m : mentions) {
                if (m.start() == w || m.start() > w && m.start() <= w + 4 && abbreviation(m.start() - 2)) {
                    return m.end() < open ? m.person() : -1;
                }
                if (m.start() > w + 4) {
                    break;
                }
            }
            return -1;
        }
        return -1;
    }

    /** Offsets of "selon " in the text, ascending; found at the first {@link #lastSelon}. */
    private int[] selons;

    /**
     * {@code text.lastIndexOf("selon ", at)}, from the offsets found once: that search went back to the text's start
     * for every quotation of the many articles without a "selon" before it.
     */
    private int lastSelon(int at) {
        if (selons == null) {
            int n = 0;
            int[] found = new int[4];
            for (int k = text.indexOf("selon "); k >= 0; k = text.indexOf("selon ", k + 1)) {
                if (n == found.length) {
                    found = java.util.Arrays.copyOf(found, n * 2);
                }
                found[n++] = k;
            }
            selons = java.util.Arrays.copyOf(found, n);
        }
        int i = java.util.Arrays.binarySearch(selons, at);
        i = i >= 0 ? i : -i - 2; // the last offset at or before at
        return i >= 0 ? selons[i] : -1;
    }

    /**
     * Whether text[from, to) between a name and its verb holds only an apposition and the auxiliary: ", une habitante
     * de Lyon, a", " avait"; not "a reconnu une « faute », Intermarché a", where the verb has another subject.
     */
    private boolean apposedOnly(int from, int to) {
        String between = text.substring(from, to);
        if (between.indexOf('"') >= 0 || between.indexOf('«') >= 0 || between.indexOf('“') >= 0) {
            return false;
        }
        String tail = between.substring(between.lastIndexOf(',') + 1).strip();
        if (tail.isEmpty()) {
            return true;
        }
        for (String w : SPACES.split(tail)) {
            if (!AUXILIARIES.contains(w.toLowerCase().replace('’', '\'')) && !ADVERBS.contains(w.toLowerCase())) {
                return false;
            }
        }
        return true;
    }

    private static final Set<String> ADVERBS = Set.of("qui", "aussi", "encore", "également", "déjà", "pourtant", "alors", "ensuite",
            "toutefois", "même", "lui-même", "elle-même", "ainsi", "enfin", "notamment");

    /** "le", "la", "les", "l'", "du", "des", "au", "aux" right before a quotation: "du « purikura »" names a thing. */
    private static final Pattern DEFINITE_BEFORE = Pattern.compile("(?i)(?:^|[\\s(])(?:le|la|les|du|des|au|aux|l['’])\\s*$");
    /** Verbs that call someone something: "X a traité Y d'« ingrat »", "X a qualifié la mesure de « honteuse »". */
    private static final Set<String> CALLING = Set.of("traité", "qualifié", "taxé", "traite", "qualifie", "taxe");
    private static final Set<String> AUXILIARIES = Set.of("a", "avait", "ont", "avaient", "aurait", "auraient", "est", "s'est",
            "s'était", "était");

    /**
     * The speaker of a short quotation that ends the object of a speech verb: "Paul Martin a jugé cette décision « tout à
     * fait injuste »", "Claire Roux a déploré une série de pannes « inédites »", "il avait confirmé la perte de
     * « plusieurs » colis": the subject named (or the pronoun) right before the verb, ten words at most before the
     * quotation, no comma or other quotation between; -1 otherwise. A capitalised quotation or one after a definite
     * article ("a présenté le « Pass Culture »") is a name, not words said.
     */
    private int endOfSpokenObject(int sentStart, int open) {
        if (capitalisedAfter(open) || DEFINITE_BEFORE.matcher(text.substring(Math.max(sentStart, open - 6), open)).find()) {
            return -1;
        }
        int e = open;
        String next = ""; // the word after the current one
        for (int words = 0; words < 10 && e > sentStart; words++) {
            while (e > sentStart && (text.charAt(e - 1) == ' ' || text.charAt(e - 1) == '\'' || text.charAt(e - 1) == '’')) {
                e--;
            }
            int b = e;
            while (b > sentStart && Character.isLetterOrDigit(text.charAt(b - 1)) || b > sentStart && text.charAt(b - 1) == '-') {
                b--;
            }
            if (b == e) {
                return -1; // a comma, a colon, another quotation: the object does not reach back to a verb
            }
            String w = text.substring(b, e).toLowerCase();
            if ((words == 0 || words == 1 && (next.equals("de") || next.equals("d") || next.equals("du"))) && TITLE_CUES.contains(w)) {
                return -1; // "a présenté son livre « … »", "a expliqué le concept de « slow food »"
            }
            next = w;
            if (SPEECH_AND_PARTICIPLES.contains(w) && !w.equals("selon") && !w.equals("dit") || CALLING.contains(w)) {
                return subjectBeforeVerb(sentStart, b, open);
            }
            e = b;
        }
        return -1;
    }

    /**
     * Who the verb starting at {@code verb} has as its subject: a person named just before it (an apposition between
     * commas may come between them, not another quotation or clause), or "il"/"elle"; else -1.
     */
    private int subjectBeforeVerb(int sentStart, int verb, int open) {
        int p = lastSubjectIn(sentStart, verb);
        int end = lastMentionEnd(sentStart, verb);
        if (p >= 0 && verb - end <= 60 && apposedOnly(end, verb)) {
            return p;
        }
        String[] w = SPACES.split(text.substring(Math.max(sentStart, verb - 24), verb).strip());
        for (int k = w.length - 1; k >= Math.max(0, w.length - 2); k--) {
            if (w[k].equalsIgnoreCase("il") || w[k].equalsIgnoreCase("elle")) {
                return speakerBefore(open, feminine(w[k]) ? 'f' : 'm', 600);
            }
            if (!AUXILIARIES.contains(w[k].toLowerCase().replace('’', '\''))) {
                break;
            }
        }
        return -1;
    }

    /**
     * Whether a short quotation is a term the article is about rather than words someone said: glossed in brackets
     * right after ("le « tanka » (poème court)") or quoted three times or more in the article ("le « tanka »" again
     * and again).
     */
    private boolean term(int open, int close) {
        int after = close + 1;
        while (after < text.length() && text.charAt(after) == ' ') {
            after++;
        }
        if (after < text.length() && text.charAt(after) == '(') {
            return true;
        }
        insideQuotation(0, 0); // finds the quotations once
        String words = text.substring(open + 1, close).strip();
        int times = 0;
        for (int[] q : quoted) {
            if (q[1] - q[0] - 1 >= words.length() && text.substring(q[0] + 1, q[1]).strip().equalsIgnoreCase(words) && ++times >= 3) {
                return true;
            }
        }
        return false;
    }

    /** "…sont également « énormes », selon M. Haure": the short quotation is his. */
    private static final Pattern SELON_AFTER = Pattern.compile(",\\s*(?:selon|d['’]après)\\s+\\p{Lu}");

    private int lastMentionEnd(int from, int to) {
        int e = -1;
        for (EntityFinder.Mention m : mentions) {
            if (m.start() >= from && m.end() <= to) {
                e = m.end();
            }
        }
        return e;
    }

    /**
     * "« Une nuit sur le Charles-de-Gaulle », « Au cœur de l'armée de terre » ou « En vol »", "« Nulle part ailleurs »
     * ou le « Grand Journal »": short quotations listed three or more, or two joined by "ou", are titles, not speech.
     */
    private boolean inTitleList(int open, int close) {
        if (wordCount(open + 1, close) > 8) {
            return false;
        }
        int[] next = neighbour(close + 1, true);
        int[] prev = neighbour(open, false);
        if (next != null && next[2] == 1 || prev != null && prev[2] == 1) {
            return true; // joined by "ou"
        }
        if (next != null && prev != null) {
            return true;
        }
        if (next != null) {
            return neighbour(next[1] + 1, true) != null;
        }
        return prev != null && neighbour(prev[0], false) != null;
    }

    private static final Pattern LIST_JOINT = Pattern.compile("^[\\s,]*(?:(et|ou)\\s+(?:(?:le|la|les|l['’])\\s*)?)?$");

    /**
     * The short quotation (eight words at most) that follows text[from..] (forward) or ends before text[..at) (backward),
     * separated only by a comma, "et" or "ou": {open, close, 1 when joined by "ou" else 0}, or null.
     */
    private int[] neighbour(int at, boolean forward) {
        int o;
        int c;
        if (forward) {
            o = -1;
            for (int i = at; i < Math.min(text.length(), at + 12); i++) {
                char ch = text.charAt(i);
                if (ch == '«' || ch == '“') {
                    o = i;
                    break;
                }
            }
            if (o < 0) {
                return null;
            }
            c = o + 1;
            while (c < text.length() && text.charAt(c) != '»' && text.charAt(c) != '”' && text.charAt(c) != '\n') {
                c++;
            }
            if (c >= text.length() || text.charAt(c) == '\n') {
                return null;
            }
        } else {
            c = -1;
            for (int i = at - 1; i >= Math.max(0, at - 12); i--) {
                char ch = text.charAt(i);
                if (ch == '»' || ch == '”') {
                    c = i;
                    break;
                }
            }
            if (c < 0) {
                return null;
            }
            o = c - 1;
            while (o >= 0 && text.charAt(o) != '«' && text.charAt(o) != '“' && text.charAt(o) != '\n') {
                o--;
            }
            if (o < 0 || text.charAt(o) == '\n') {
                return null;
            }
        }
        Matcher j = LIST_JOINT.matcher(forward ? text.substring(at, o) : text.substring(c + 1, at));
        if (!j.matches() || wordCount(o + 1, c) > 8) {
            return null;
        }
        return new int[]{o, c, "ou".equals(j.group(1)) ? 1 : 0};
    }

    /** "Selon elle, …", "Pour la syndicaliste, …", "D'après Paul Martin, …" opening the sentence of a quote. */
    private static final Pattern FRAME = Pattern.compile(
            "^(?:(?:Mais|Et|Or),?\\s+)?(?:[Ss]elon|[Dd]['’]après|[Pp]our|[AÀ] en croire)\\s+([^,.;:«»\"“”]{2,60}),");
    private static final Pattern OWN_EYES = Pattern.compile("^(?:(?:Mais|Et|Or),\\s*)?[AÀ]\\s+(?:ses|son)\\s+(?:yeux|avis|sens),");

    /**
     * The person whose view frames the sentence the quote sits in: "Selon elle, …", "A ses yeux, « … »", "Pour la
     * syndicaliste, il n'existe qu'une voie pour « … »"; -1 when the sentence has no such frame or it names no one.
     */
    private int framedBy(String lead, int sentStart, int open) {
        // "Match nul : pour Noël Martin, « il n'y a pas d'incident »": a headline's frame comes after its colon
        int colon = lead.lastIndexOf(": ");
        if (colon >= 0 && lead.indexOf('«') < 0 && lead.indexOf('"') < 0 && lead.indexOf('“') < 0) {
            sentStart += colon + 2;
            lead = lead.substring(colon + 2);
        }
        String leadTrim = lead.stripLeading();
        int leadStart = sentStart + lead.length() - leadTrim.length();
        if (OWN_EYES.matcher(leadTrim).lookingAt()) {
            return speakerBefore(open, 'u', 600);
        }
        Matcher fm = FRAME.matcher(leadTrim);
        if (!fm.lookingAt()) {
            return -1;
        }
        String who = fm.group(1).strip();
        if (who.equals("lui") || who.equals("elle")) {
            return speakerBefore(open, who.equals("elle") ? 'f' : 'm');
        }
        int at = leadStart + fm.start(1);
        int p = personIn(at, fm.end(1) + leadStart);
        if (p >= 0) {
            return p;
        }
        Matcher rm = ROLE_NOUN.matcher(who);
        if (!rm.lookingAt() || rm.end() != who.length()) {
            return -1;
        }
        int r = personWithRole(rm, who, open);
        // "Pour la syndicaliste, il n'existe qu'une voie pour « … »": else the one person the text just spoke of
        return r >= 0 || !SPEAKER_ROLES.contains(NameForms.fold(rm.group(2))) ? r : roleOfTheOneSpeaker(rm, who, open, -1);
    }

    /** Whether the lead opens on "Selon X," or "D'après X," where X is capitalised and names no person the article knows. */
    private boolean framedByNoPerson(String lead) {
        String leadTrim = lead.stripLeading();
        Matcher fm = FRAME.matcher(leadTrim);
        if (!fm.lookingAt() || leadTrim.startsWith("Pour") || !Character.isUpperCase(fm.group(1).strip().charAt(0))) {
            return false;
        }
        for (EntityFinder.Mention m : mentions) {
            if (NameForms.fold(fm.group(1)).contains(NameForms.fold(ef.people.get(m.person()).name))) {
                return false;
            }
        }
        return true;
    }

    private static final Pattern AUXILIARY_INCISE = Pattern.compile(
            "^\\s*,\\s*(?:a|avait|aurait|s['’]est|s['’]était)(?:(?:-t)?-(?:il|elle))?\\s+(?:(?:notamment|encore|aussi|alors|ensuite|également|toutefois|"
            + "pourtant|enfin|même|déjà|ainsi|plus tard|simplement|immédiatement|pour sa part|de son côté|quant à (?:lui|elle))\\s+)*\\p{Ll}[\\p{Ll}-]*(?:é|ée|és|ées|i|ie|is|it|u|ue)(?![\\p{L}-])");

    /**
     * "…», a fait valoir Thomas Hollande", "…», s'est indignée la journaliste", "…», s'est-il enthousiasmé": an incise
     * made of an auxiliary and a past participle says who spoke whatever the verb, as a present-tense speech verb does.
     */
    private static boolean auxiliaryIncise(String after) {
        return after.indexOf(',') >= 0 && AUXILIARY_INCISE.matcher(after).lookingAt();
    }

    /** "« Salut Cyril, c'est Nicolas Sarkozy, lance ce dernier. … »": the person named before the incise, or -1. */
    private int selfNamed(int open, int close) {
        for (EntityFinder.Mention m : mentions) {
            if (m.start() > open && m.end() < close) {
                String tail = text.substring(m.end(), Math.min(close, m.end() + 30));
                if (tail.startsWith(", ") && (tail.contains(" ce dernier") || tail.contains(" cette dernière"))
                        && speechVerbIn(tail.substring(2), 1)) {
                    return m.person();
                }
            }
        }
        return -1;
    }

    /**
     * The fewest chars a word {@link #speechVerbIn} accepts can have: the shortest of the verbs, and at most four for an
     * inverted subject ("x-il"). Lower case makes no word shorter.
     */
    private static final int SHORTEST_SPEECH_WORD = Math.min(4, SPEECH_AND_PARTICIPLES.stream().mapToInt(String::length).min().orElse(0));

    /** Whether one of the first {@code maxWords} words of {@code s} (split at spaces and {@code ,;.()}) is a speech verb. */
    private static boolean speechVerbIn(String s, int maxWords) {
        int n = 0;
        int len = s.length();
        int i = 0;
        while (i < len) {
            while (i < len && wordSeparator(s.charAt(i))) {
                i++;
            }
            if (i >= len) {
                break;
            }
            int j = i;
            while (j < len && !wordSeparator(s.charAt(j))) {
                j++;
            }
            if (j - i < SHORTEST_SPEECH_WORD) { // "de", "la", "l'": no speech verb, nothing to look up
                if (++n >= maxWords) {
                    return false;
                }
                i = j;
                continue;
            }
            String x = s.substring(i, j).toLowerCase().replace('’', '\'');
            if ((SPEECH_AND_PARTICIPLES.contains(x) || x.endsWith("-t-il") || x.endsWith("-t-elle") || SPEECH.contains(invertedStem(x)))
                    && !(x.startsWith("lanc") && reflexiveBefore(s, i))) { // "il se lance dans une thèse" says nothing
                return true;
            }
            if (++n >= maxWords) {
                return false;
            }
            i = j;
        }
        return false;
    }

    /** Whether the word before offset i of s is "se" or "s'" (after an auxiliary: "s'est"). */
    private static boolean reflexiveBefore(String s, int i) {
        String before = s.substring(Math.max(0, i - 7), i).stripTrailing().toLowerCase().replace('’', '\'');
        return before.endsWith(" se") || before.equals("se") || before.endsWith("s'est") || before.endsWith("s'était");
    }

    /** "écrit-elle" → "écrit", "souligne-il" → "souligne": the verb of an inverted subject, else "". */
    private static String invertedStem(String w) {
        int dash = w.lastIndexOf('-');
        if (dash <= 0 || !(w.endsWith("-il") || w.endsWith("-elle") || w.endsWith("-ils") || w.endsWith("-elles"))) {
            return "";
        }
        return w.substring(0, dash);
    }

    private static boolean endsSentence(String w) {
        char c = w.charAt(w.length() - 1);
        return c == '.' || c == '!' || c == '?' || c == '…' || c == '»' || c == '”';
    }

    private static boolean beforeSeparator(char c) {
        return Tokens.whitespace(c) || c == '\'' || c == '’';
    }

    private static boolean wordSeparator(char c) {
        return Tokens.whitespace(c) || c == ',' || c == ';' || c == '.' || c == '(' || c == ')';
    }

    /** The last {@link #wordCount}'s range and answer: the rules ask it of the same quotation several times over. */
    private int countedFrom = -1;
    private int countedTo = -1;
    private int counted;

    /** Number of white-space separated words in s[from, to). */
    private int wordCount(int from, int to) {
        if (from == countedFrom && to == countedTo) {
            return counted;
        }
        countedFrom = from;
        countedTo = to;
        counted = countWords(from, to);
        return counted;
    }

    private int countWords(int from, int to) {
        int n = 0;
        boolean in = false;
        for (int i = from; i < to; i++) {
            boolean ws = Tokens.whitespace(text.charAt(i));
            if (!ws && !in) {
                n++;
            }
            in = !ws;
        }
        return n;
    }

    // ------------------------------------------------------------ reported speech

    // "Pour X, …" is X's view in the writer's words more often than X's words ("Pour Paul Martin, directeur de …"):
    // it frames a quotation (FRAME), not reported speech
    private static final String[] SELON_WORDS = {"Selon", "selon", "D'après", "D’après", "d'après", "d’après"};

    /**
     * "Selon X, …" at the start of a line or sentence: {start, end} of X and the end of the ", " after it, in line order.
     * X is 2–60 characters up to the first comma, with no other {@code .;:} before it.
     */
    static List<int[]> selon(String s) {
        List<int[]> out = new ArrayList<>(0);
        for (String w : SELON_WORDS) {
            for (int k = s.indexOf(w); k >= 0; k = s.indexOf(w, k + 1)) {
                int b = k;
                while (b > 0 && Character.isWhitespace(s.charAt(b - 1))) {
                    b--;
                }
                if (b > 0 && !(b < k && ".!?…".indexOf(s.charAt(b - 1)) >= 0) && !afterOpeningConnector(s, b)) {
                    continue;
                }
                int x = k + w.length();
                if (x >= s.length() || !Character.isWhitespace(s.charAt(x))) {
                    continue;
                }
                while (x < s.length() && Character.isWhitespace(s.charAt(x))) {
                    x++;
                }
                int c = x;
                while (c < s.length() && ",.;:\n".indexOf(s.charAt(c)) < 0) {
                    c++;
                }
                if (c >= s.length() || s.charAt(c) != ',' || c - x < 2 || c - x > 60 || c + 1 >= s.length()
                        || !Character.isWhitespace(s.charAt(c + 1))) {
                    continue;
                }
                int e = c + 1;
                while (e < s.length() && Character.isWhitespace(s.charAt(e))) {
                    e++;
                }
                out.add(new int[]{x, c, e});
            }
        }
        if (out.size() > 1) {
            out.sort((p, q) -> Integer.compare(p[0], q[0]));
        }
        return out;
    }

    /**
     * "Le tigre a été empoisonné, selon M. Nopandry.": a sentence that ends on "selon" or "d'après" and a person's
     * name is that person's reported speech.
     */
    private void trailingSelon(int[] l, String s) {
        for (String w : new String[]{"selon ", "après "}) {
            for (int at = s.indexOf(w); at >= 0; at = s.indexOf(w, at + 1)) {
                int k = w.equals("selon ") ? at - 2 : at - 4; // the ", " before "selon" or "d'après"
                if (k < 0 || s.charAt(k) != ',' || s.charAt(k + 1) != ' '
                        || w.equals("après ") && !(s.charAt(k + 2) == 'd' && (s.charAt(k + 3) == '\'' || s.charAt(k + 3) == '’'))) {
                    continue;
                }
                int from = l[0] + at + w.length();
                for (EntityFinder.Mention m : mentions) {
                    if (m.start() > from + 5) {
                        break;
                    }
                    if (m.start() >= from && (m.start() == from || abbreviation(m.start() - 2)) && m.end() < l[1]
                            && ".;".indexOf(text.charAt(m.end())) >= 0 && !abbreviation(m.end())) {
                        if (!insideQuotation(l[0] + k, l[0] + k + 1)) {
                            add(sentenceStart(l[0] + k, l[0]), l[0] + k, m.person(), true);
                        }
                        break;
                    }
                }
            }
        }
    }

    /** "Mais, d'après elle, …": s[..b) ends with a connector that opens its sentence, and a comma. */
    private static boolean afterOpeningConnector(String s, int b) {
        if (s.charAt(b - 1) != ',') {
            return false;
        }
        int e = b - 1;
        int w = e;
        while (w > 0 && Character.isLetter(s.charAt(w - 1))) {
            w--;
        }
        String word = s.substring(w, e);
        if (!(word.equals("Mais") || word.equals("Et") || word.equals("Or") || word.equals("Pourtant") || word.equals("Toutefois"))) {
            return false;
        }
        int before = w;
        while (before > 0 && Character.isWhitespace(s.charAt(before - 1))) {
            before--;
        }
        return before == 0 || ".!?…".indexOf(s.charAt(before - 1)) >= 0;
    }

    private void reported() {
        for (int li = 0; li < lines.size(); li++) {
            if (claimed[li]) {
                continue;
            }
            int[] l = lines.get(li);
            String s = line(li);
            trailingSelon(l, s);
            for (int[] m : selon(s)) {
                String who = s.substring(m[0], m[1]).strip();
                int p;
                if (who.equals("lui") || who.equals("elle")) {
                    p = speakerBefore(l[0] + m[0], who.equals("elle") ? 'f' : 'm');
                } else {
                    p = personIn(l[0] + m[0], l[0] + m[1]);
                    Matcher rm = ROLE_NOUN.matcher(who);
                    if (p < 0 && rm.lookingAt() && rm.end() >= who.length() - 25) {
                        p = personWithRole(rm, who, l[0] + m[0]); // "Selon la ministre, …"
                    }
                }
                if (p >= 0) {
                    int from = l[0] + m[2];
                    add(from, sentenceEnd(from, l[1]), p, true);
                }
            }
            for (int q = s.indexOf("qu"); q >= 0; q = s.indexOf("qu", q + 2)) {
                int[] r = reportedAt(s, q);
                if (r == null) {
                    continue;
                }
                int at = l[0] + r[0];
                int sentStart = sentenceStart(at, l[0]);
                int p = lastPersonOutsideRelative(sentStart, at);
                if (p >= 0 && complementSpeaks(sentStart, at)) {
                    p = -1;
                } else if (p < 0) {
                    String lead = text.substring(sentStart, at);
                    Matcher pm = LEAD_PRONOUN.matcher(lead);
                    if (pm.find()) {
                        p = speakerBefore(at, feminine(pm.group(1)) ? 'f' : 'm');
                    }
                }
                if (p >= 0) {
                    int from = l[0] + r[1];
                    add(from, sentenceEnd(from, l[1]), p, true);
                }
                q = r[1] - 2;
            }
        }
    }

    /**
     * Reported speech ending at the {@code qu} at {@code q} of line {@code s}: "[nous|lui|leur] [a|avait|aurait] VERB
     * que|qu’". Returns {start, end} (end after {@code que }/{@code qu’}), or null. Same language as the old
     * {@code REPORTED} pattern, checked backwards from each {@code qu} instead of a regular expression tried at every
     * position.
     */
    static int[] reportedAt(String s, int q) {
        int n = s.length();
        if (q == 0 || !Character.isWhitespace(s.charAt(q - 1))) {
            return null;
        }
        int end;
        if (q + 2 < n && (s.charAt(q + 2) == '\'' || s.charAt(q + 2) == '’')) {
            end = q + 3;
        } else if (q + 3 < n && s.charAt(q + 2) == 'e' && Character.isWhitespace(s.charAt(q + 3))) {
            end = q + 4;
            while (end < n && Character.isWhitespace(s.charAt(end))) {
                end++;
            }
        } else {
            return null;
        }
        int ve = q - 1;
        while (ve > 0 && Character.isWhitespace(s.charAt(ve - 1))) {
            ve--;
        }
        int vs = wordStart(s, ve);
        if (vs < 0 || !REPORTED_VERBS.contains(s.substring(vs, ve))) {
            return null;
        }
        int start = vs;
        // optional auxiliary, then optional pronoun, each followed by white space
        int[] aux = wordBefore(s, start);
        if (aux != null && (aux[2] == 1 && s.startsWith("a", aux[0]) || s.startsWith("avait", aux[0]) && aux[2] == 5
                || s.startsWith("aurait", aux[0]) && aux[2] == 6)) {
            start = aux[0];
            aux = wordBefore(s, start);
        }
        if (aux != null && (aux[2] == 4 && s.startsWith("nous", aux[0]) || aux[2] == 3 && s.startsWith("lui", aux[0])
                || aux[2] == 4 && s.startsWith("leur", aux[0]))) {
            start = aux[0];
        }
        return new int[]{start, end};
    }

    /** Start of the word (letters and digits) ending at {@code e} (exclusive), or -1 if none or not at a boundary. */
    private static int wordStart(String s, int e) {
        int b = e;
        while (b > 0 && (Character.isLetterOrDigit(s.charAt(b - 1)) || s.charAt(b - 1) == '_')) {
            b--;
        }
        return b == e ? -1 : b;
    }

    /** {start, end, length} of the word separated from {@code at} by white space only, or null. */
    private static int[] wordBefore(String s, int at) {
        int e = at;
        while (e > 0 && Character.isWhitespace(s.charAt(e - 1))) {
            e--;
        }
        if (e == at) {
            return null;
        }
        int b = wordStart(s, e);
        return b < 0 ? null : new int[]{b, e, e - b};
    }

    private static final Set<String> REPORTED_VERBS = Lexicon.set(List.of("explique", "expliqué", "expliquait", "affirme",
            "affirmé", "réaffirme", "réaffirmé", "estime", "estimé", "souligne", "souligné", "ajoute", "ajouté", "précise", "précisé", "confie", "confié",
            "indique", "indiqué", "assure", "assuré", "rappelle", "rappelé", "déclare", "déclaré", "reconnaît", "reconnu",
            "considère", "pense", "juge", "annonce", "annoncé", "raconte", "raconté", "prévient", "observe", "note", "noté",
            "constate", "constaté", "répète", "martèle", "admet", "regrette", "regretté", "déplore", "déploré"));

    // ------------------------------------------------------------ helpers

    private int sentenceEnd(int from, int limit) {
        for (int i = from; i < limit; i++) {
            char c = text.charAt(i);
            if ((c == '.' || c == '!' || c == '?') && (i + 1 >= limit || Tokens.whitespace(text.charAt(i + 1)))
                    && !abbreviation(i)) {
                return c == '.' ? i : i + 1;
            }
        }
        return limit;
    }

    private int sentenceStart(int at, int limit) {
        for (int i = at - 1; i > limit; i--) {
            char c = text.charAt(i);
            if ((c == '.' || c == '!' || c == '?') && Tokens.whitespace(text.charAt(i + 1)) && !abbreviation(i)) {
                return i + 1;
            }
        }
        return limit;
    }

    /** Whether the period at i ends "M.", "Mme.", "Dr." or an initial ("J. Dupont"), not a sentence. */
    private boolean abbreviation(int i) {
        if (text.charAt(i) != '.') {
            return false;
        }
        int b = i;
        while (b > 0 && Character.isLetter(text.charAt(b - 1))) {
            b--;
        }
        if (b > 0 && !Tokens.whitespace(text.charAt(b - 1)) && text.charAt(b - 1) != '(') {
            return false;
        }
        String w = text.substring(b, i);
        return w.length() == 1 && Character.isUpperCase(w.charAt(0)) || w.equals("Mme") || w.equals("Mlle") || w.equals("Dr")
                || w.equals("Pr") || w.equals("Me") || w.equals("St");
    }

    private int personIn(int from, int to) {
        for (EntityFinder.Mention m : mentions) {
            if (m.start() >= from && m.end() <= to) {
                return m.person();
            }
        }
        return -1;
    }

    /** The first person named in text[from, to) who is not the complement of a word ("la conseillère de Laurent Wauquiez"), or -1. */
    private int subjectIn(int from, int to) {
        for (EntityFinder.Mention m : mentions) {
            if (m.start() >= from && m.end() <= to && (!governed(m) || kinApposition(m))) {
                return m.person();
            }
        }
        return -1;
    }

    /** "sa sœur, Claire Roux", "son mari Paul Martin": a possessive and a word of kin, maybe a comma, before the name. */
    private boolean kinApposed(EntityFinder.Mention m) {
        String[] w = SPACES.split(text.substring(Math.max(0, m.start() - 30), m.start()).strip());
        if (w.length < 2) {
            return false;
        }
        String kin = w[w.length - 1].endsWith(",") ? w[w.length - 1].substring(0, w[w.length - 1].length() - 1) : w[w.length - 1];
        return KIN.contains(NameForms.fold(kin).replace("œ", "oe")) && POSSESSIVES.contains(w[w.length - 2].toLowerCase());
    }

    /**
     * "…», a ajouté son frère Philonise Floyd": after a speech verb, a possessive and a word of kin put the name in
     * apposition to the subject, whereas "l'héritage de Colin" or "a déclaré à Paul" govern it.
     */
    private boolean kinApposition(EntityFinder.Mention m) {
        String[] w = SPACES.split(text.substring(Math.max(0, m.start() - 30), m.start()).strip());
        return w.length >= 2 && KIN.contains(NameForms.fold(w[w.length - 1]))
                && POSSESSIVES.contains(w[w.length - 2].toLowerCase());
    }

    static final Set<String> KIN = Lexicon.set(List.of("epouse", "epoux", "mari", "femme", "fils", "fille", "frere",
            "soeur", "pere", "mere", "compagne", "compagnon", "veuve", "veuf", "neveu", "niece", "oncle", "tante", "cousin",
            "cousine", "fiance", "fiancee"));
    private static final Set<String> POSSESSIVES = Set.of("son", "sa", "ses", "leur", "leurs");

    private boolean namedIn(int p, int from, int to) {
        for (EntityFinder.Mention m : mentions) {
            if (m.start() >= from && m.end() <= to && m.person() == p) {
                return true;
            }
        }
        return false;
    }

    /** Whether every person named in text[from, to) is person p. */
    private boolean onlyPersonNamedIn(int p, int from, int to) {
        for (EntityFinder.Mention m : mentions) {
            if (m.start() >= from && m.end() <= to && m.person() != p) {
                return false;
            }
        }
        return true;
    }

    private int firstMentionStart(int from, int to) {
        for (EntityFinder.Mention m : mentions) {
            if (m.start() >= from && m.end() <= to) {
                return m.start();
            }
        }
        return Integer.MAX_VALUE;
    }

    /**
     * The last person named in [from, to), passing over complements: "la démission de Nicolas Hulot : « … »" is not
     * his quote.
     */
    private int lastSubjectIn(int from, int to) {
        int p = -1;
        int lastEnd = -1;
        for (EntityFinder.Mention m : mentions) {
            // "X a dénoncé une « tentative de tuer George » en « salissant son image »": George, quoted, says nothing
            // "X, qui s'est rendu sur place avec Y, a affirmé sa « … »": Y, in the relative clause, is not the subject
            if (m.start() >= from && m.end() <= to && !governed(m) && !insideQuotation(m.start(), m.end())
                    && !inRelativeClause(from, m, to)) {
                if (p < 0 || !counterpart(lastEnd, m.start()) && !jointSubject(lastEnd, m.start(), m.end())) {
                    p = m.person();
                }
                lastEnd = m.end();
            }
        }
        return p;
    }

    /**
     * "Emmanuel Macron et son homologue tchadien X Y ont affirmé …": a second name joined to the first by "et" and a
     * possessive is its counterpart; the joint words go to the first, the sentence's head.
     */
    private boolean counterpart(int lastEnd, int start) {
        if (lastEnd < 0 || start - lastEnd > 40) {
            return false;
        }
        String[] w = SPACES.split(text.substring(lastEnd, start).strip());
        if (w.length < 3 || !w[0].equals("et") || !POSSESSIVES.contains(w[1])) {
            return false;
        }
        for (String word : w) {
            if (word.isEmpty() || !Character.isLowerCase(word.charAt(0))) {
                return false;
            }
        }
        return true;
    }

    /**
     * "X et le Premier ministre italien Y ont exprimé leur « … »": two people joined by "et" (a role between, no
     * punctuation) and a plural verb after the second make a joint statement, labelled with the first named.
     */
    private boolean jointSubject(int lastEnd, int start, int end) {
        if (lastEnd < 0 || start - lastEnd > 60) {
            return false;
        }
        String between = text.substring(lastEnd, start).strip();
        if (!between.startsWith("et ") && !between.equals("et")) {
            return false;
        }
        for (int i = 0; i < between.length(); i++) {
            if (".,;:!?()«»\"“”".indexOf(between.charAt(i)) >= 0) {
                return false;
            }
        }
        int v = end;
        while (v < text.length() && text.charAt(v) == ' ') {
            v++;
        }
        int ve = v;
        while (ve < text.length() && Character.isLetter(text.charAt(ve))) {
            ve++;
        }
        String verb = text.substring(v, ve);
        return verb.equals("ont") || verb.equals("sont") || verb.equals("avaient") || verb.length() > 4 && verb.endsWith("ent");
    }

    /**
     * The last person named in [from, to), passing over people named in a relative clause between commas:
     * "L'animatrice, qui a reçu Paul Martin dans son émission, a affirmé que …" is not his reported speech.
     */
    private int lastPersonOutsideRelative(int from, int to) {
        int p = -1;
        for (EntityFinder.Mention m : mentions) {
            if (m.start() >= from && m.end() <= to && !inRelativeClause(from, m, to)) {
                p = m.person();
            }
        }
        return p;
    }

    private boolean inRelativeClause(int from, EntityFinder.Mention m, int to) {
        // ", qui " looked for back to from only: lastIndexOf would scan the text back to its start for every mention
        int r = m.start() - 6;
        while (r >= from && !text.startsWith(", qui ", r)) {
            r--;
        }
        if (r < from) {
            return false;
        }
        return text.indexOf(',', r + 1) >= m.end() && text.indexOf(',', m.end()) < to;
    }

    /**
     * "« … », a déclaré la ministre" or "« … », dit encore le chanteur", the role not stated with anyone's name: the
     * speaker going on ("encore", "ajoute"), else the one person of a matching gender the paragraphs just before name
     * outside quotations; -1 when they name several or the role names someone the article never names ("le président
     * français").
     */
    private int roleOfTheOneSpeaker(Matcher rm, String after, int open, int lastPerson) {
        String article = rm.group(1).strip().toLowerCase();
        char gender = articleGender(article);
        // "l'ancien ministre", "le président français", "le chef de l'État" point at someone the article may not name
        String phrase = NameForms.fold(after.substring(rm.start(2), Math.min(after.length(), rm.start(2) + 24)));
        if (qualifiedAt(after, rm.end()) || rm.group().toLowerCase().contains("ancien")
                || phrase.startsWith("chef de l etat") || phrase.startsWith("chef d etat") || phrase.startsWith("chef du gouvernement")) {
            return -1;
        }
        // "…», confirme le réalisateur Abdou Karim à Kano": the role introduces a name the finder did not know
        int stop = rm.end();
        while (stop < after.length() && ",.;:!?()«»\"“”".indexOf(after.charAt(stop)) < 0) {
            stop++;
        }
        if (NEW_NAME.matcher(after).region(rm.end(), stop).lookingAt()) {
            return -1;
        }
        if (lastPerson >= 0 && CONTINUING.matcher(after.substring(0, rm.start())).find() && compatible(lastPerson, gender)) {
            return lastPerson;
        }
        // "« … », lui a répondu le diplomate": who answers is not the one who asked
        boolean reply = REPLY.matcher(after.substring(0, rm.start())).find();
        int one = -1;
        for (EntityFinder.Mention m : mentions) {
            if (m.end() > open) {
                break;
            }
            if (open - m.start() > 600 || insideQuotation(m.start(), m.end()) || reply && (m.person() == lastPerson || governed(m))) {
                continue;
            }
            if (one >= 0 && m.person() != one) {
                return onePersonOfTheParagraph(open, gender);
            }
            one = m.person();
        }
        return one >= 0 && compatible(one, gender) ? one : -1;
    }

    /**
     * "Une nouvelle qui n'a pas surpris Amanda Lear. « … », révèle la chanteuse": the one person the quote's paragraph
     * names before it (outside quotations, not as a complement), or when it names no one, the paragraph before; -1 when
     * that paragraph names several or someone of the other gender.
     */
    private int onePersonOfTheParagraph(int open, char gender) {
        int line = 0;
        while (line + 1 < lines.size() && lines.get(line + 1)[0] <= open) {
            line++;
        }
        for (int k = line; k >= Math.max(0, line - 1); k--) {
            int from = lines.get(k)[0];
            int to = Math.min(open, lines.get(k)[1]);
            int one = -1;
            for (EntityFinder.Mention m : mentions) {
                // "…de sa sœur, Claire Roux. « … », dénonce la comédienne": the kin of the one the story is about
                if (m.start() >= from && m.end() <= to && !insideQuotation(m.start(), m.end()) && !governed(m) && !kinApposed(m)) {
                    if (one >= 0 && m.person() != one) {
                        return -1;
                    }
                    one = m.person();
                }
            }
            if (one >= 0) {
                return compatible(one, gender) ? one : -1;
            }
        }
        return -1;
    }

    /** 'f' for "la" and "cette", 'm' for "le", "ce" and "cet", else 'u' ("l'"). */
    private static char articleGender(String article) {
        return switch (article) {
            case "la", "cette" -> 'f';
            case "le", "ce", "cet" -> 'm';
            default -> 'u';
        };
    }

    private boolean compatible(int person, char gender) {
        char g = ef.people.get(person).gender;
        return gender == 'u' || g == 'u' || g == gender;
    }

    /**
     * The role words a speaker is referred to by ("…», a précisé le procureur", "révèle la chanteuse"): the lexicon's,
     * and the functions of news stories, kept here rather than in the lexicon, where they would make organisations of
     * what follows them ("procureur de la République de Grenoble").
     */
    private static final Set<String> SPEAKER_ROLES = speakerRoles();

    private static Set<String> speakerRoles() {
        java.util.Set<String> roles = new java.util.HashSet<>(Lexicon.ROLE_WORDS);
        for (String r : List.of("procureur", "procureure", "juge", "chanteur", "chanteuse", "acteur", "actrice", "comedien",
                "comedienne", "realisateur", "realisatrice", "producteur", "productrice", "presentateur", "presentatrice",
                "medecin", "infirmier", "infirmiere", "entraineur", "selectionneur", "ecrivain", "ecrivaine", "romancier",
                "romanciere", "humoriste", "syndicaliste", "prefet", "prefete", "ambassadeur", "ambassadrice",
                // "…», a réagi l'élu", "lui a répondu le diplomate", "s'alarme le gériatre", "a affirmé le gouverneur"
                "elu", "elue", "diplomate", "geriatre", "infectiologue", "epidemiologiste", "gouverneur", "gouverneure",
                "correspondant", "correspondante", "chercheur", "chercheuse", "militant", "militante",
                // professions of the people stories quote, and "l'intéressé", who is only ever the person just named:
                // "…», dit la scientifique", "a expliqué le rappeur", "a justifié l'intéressé" (tuning 5: seven articles)
                "scientifique", "rappeur", "rappeuse", "musicien", "musicienne", "artiste",
                "youtubeur", "youtubeuse", "influenceur", "influenceuse", "psychiatre", "psychologue", "interesse", "interessee",
                // "…», dit cette femme de 70 ans", "souligne cet expatrié", "confie le chirurgien" (tuning 5 and 6: 3 articles)
                "femme", "homme", "expatrie", "expatriee", "chirurgien", "chirurgienne", "professeur", "professeure")) {
            roles.add(r);
        }
        return Lexicon.set(roles);
    }

    /** "le député", "la journaliste", "l'ancien président": an article, maybe an adjective, a word that may be a role. */
    private static final Pattern ROLE_NOUN = Pattern.compile(
            "(?i)(?<!\\p{L})(le\\s+|la\\s+|l['’]\\s*|cette\\s+|cet\\s+|ce\\s+)(?:(?:ancien|ancienne|nouveau|nouvel|nouvelle|jeune|célèbre|même)\\s+)?(\\p{L}[\\p{L}-]+)");

    /**
     * The first role noun of an incise that is not whom the words were said to: in "a expliqué à l'AFP le
     * correspondant", "le correspondant", not "l'AFP"; null when there is none.
     */
    private static Matcher roleNoun(String incise) {
        Matcher rm = ROLE_NOUN.matcher(incise);
        while (rm.find()) {
            int b = rm.start();
            while (b > 0 && incise.charAt(b - 1) == ' ') {
                b--;
            }
            boolean addressee = b >= 1 && incise.charAt(b - 1) == 'à' && (b == 1 || !Character.isLetter(incise.charAt(b - 2)));
            if (!addressee) {
                return rm;
            }
        }
        return null;
    }

    /** "…, Salih Turhan" after a role: the role introduces a name the finder did not know, not an earlier person. */
    private static final Pattern APPOSED_NAME = Pattern.compile("[^,.;]{0,80},\\s*\\p{Lu}\\p{L}+\\s+(?:(?:de|du|d['’]|van|von|le|la)\\s*)?\\p{Lu}");

    /**
     * The person the role of {@code rm} (group 2) refers to, mentioned before {@code at}: one whose stated role has that
     * word, or whose name comes right after it ("la journaliste Vanessa Burggraf"); -1 if the word is no role or no one
     * fits.
     */
    private int personWithRole(Matcher rm, String source, int at) {
        String role = NameForms.fold(rm.group(2));
        if (!SPEAKER_ROLES.contains(role)) {
            return -1;
        }
        int described = personDescribedAs(source.substring(rm.start(2)), at);
        if (described >= 0) {
            return described;
        }
        // "a déclaré le président sud-coréen Moon Jae-in": a name the finder did not know follows, not an earlier person
        String rest = source.substring(rm.start(2), Math.min(source.length(), rm.start(2) + 60));
        int stop = 0;
        while (stop < rest.length() && ",.;:!?()«»\"“”".indexOf(rest.charAt(stop)) < 0) {
            stop++;
        }
        if (NEW_NAME.matcher(rest.substring(0, stop)).region(rm.end(2) - rm.start(2), stop).lookingAt()) {
            return -1;
        }
        // "le président français", "l'ancien ministre": the introduction must say as much
        java.util.List<String> qualifiers = new java.util.ArrayList<>();
        if (rm.group().toLowerCase().contains("ancien")) {
            qualifiers.add("ancien");
        }
        Matcher q = QUALIFIER.matcher(rest).region(rm.end(2) - rm.start(2), rest.length());
        if (q.lookingAt() && !SPEECH_AND_PARTICIPLES.contains(q.group(1))) {
            qualifiers.add(NameForms.fold(q.group(1)));
        }
        // "le chef de l'État" is the one the article introduced as president, "le chef du gouvernement" as prime minister
        String phrase = NameForms.fold(source.substring(rm.start(2), Math.min(source.length(), rm.start(2) + 30)));
        if (phrase.startsWith("chef de l etat")) {
            role = "president";
        } else if (phrase.startsWith("chef du gouvernement")) {
            role = "premier ministre";
        }
        String article = rm.group(1).strip().toLowerCase();
        char gender = articleGender(article); // "la ministre" is no man
        for (int k = mentions.size() - 1; k >= 0; k--) {
            EntityFinder.Mention m = mentions.get(k);
            char g = ef.people.get(m.person()).gender;
            if (m.end() > at || gender != 'u' && g != 'u' && g != gender) {
                continue;
            }
            String stated = ef.people.get(m.person()).role;
            String statedWords = stated == null ? "" : " " + NameForms.fold(stated) + " ";
            if (statedWords.contains(" " + role + " ") && qualifiers.stream().allMatch(w -> statedWords.contains(" " + w))
                    || introducedAs(m, role, qualifiers)) {
                return m.person();
            }
        }
        return -1;
    }

    /** After a role, lower-case words then two capitalised words in a row: a name ("sud-coréen Moon Jae-in"), not "à l'Est Républicain". */
    private static final Pattern NEW_NAME = Pattern.compile("(?:\\s+\\p{Ll}[\\p{Ll}-]*)*\\s+\\p{Lu}[\\p{L}-]+\\s+\\p{Lu}[\\p{L}-]+");
    /** An adjective right after a role ("le président français", "le ministre sud-coréen"): nationalities and the like. */
    /** Whether an adjective like a nationality follows a role at {@code at}: "le ministre français", not "le ministre précise". */
    private static boolean qualifiedAt(String s, int at) {
        Matcher q = QUALIFIER.matcher(s).region(at, s.length());
        return q.lookingAt() && !SPEECH_AND_PARTICIPLES.contains(q.group(1));
    }

    private static final Pattern QUALIFIER = Pattern.compile(
            "\\s+(\\p{Ll}[\\p{Ll}-]*(?:ais|aise|ain|aine|ien|ienne|éen|éenne|ois|oise|ique|and|ande|ol|ole|ite|te|se|c|que))(?![\\p{L}-])");
    /** Words that may not come right before the name a role introduces: "l'avocat de Marc Joulaud" is his client. */
    private static final Set<String> GOVERNING_LINKS = Lexicon.set(List.of("de", "du", "des", "d", "a", "au", "aux", "et", "la",
            "le", "l", "en"));

    /** Small words between a role and the name it introduces: "la ministre de la Santé Agnès Buzyn". */
    private static final Set<String> ROLE_LINKS = Lexicon.set(List.of("de", "du", "des", "d", "la", "le", "l", "et", "a", "au",
            "aux", "en", "charge", "chargee", "delegue", "deleguee", "francais", "francaise", "americain", "americaine"));

    /**
     * Whether the text right before mention m introduces it with the role: "le président Emmanuel Macron", "la ministre de
     * la Santé Agnès Buzyn", "le Premier ministre Édouard Philippe" (the role, then at most six capitalised or small
     * linking words).
     */
    private boolean introducedAs(EntityFinder.Mention m, String role, List<String> qualifiers) {
        String[] words = NameForms.fold(text.substring(Math.max(0, m.start() - 80), m.start())).split(" ");
        if (words.length == 0 || GOVERNING_LINKS.contains(words[words.length - 1])) {
            return false;
        }
        String[] raw = text.substring(Math.max(0, m.start() - 80), m.start()).split("[\\s'’]+");
        String[] roleWords = role.split(" ");
        int r = raw.length - 1;
        for (int k = words.length - 1, n = 0; k >= 0 && n <= 6; k--, n++) {
            if (words[k].isEmpty()) {
                continue;
            }
            if (words[k].equals(roleWords[roleWords.length - 1])) {
                String introduction = " " + String.join(" ", java.util.Arrays.copyOfRange(words, Math.max(0, k - 3), words.length));
                return String.join(" ", java.util.Arrays.copyOfRange(words, 0, k + 1)).endsWith(role)
                        && qualifiers.stream().allMatch(w -> introduction.contains(" " + w));
            }
            boolean capital = r >= 0 && !raw[r].isEmpty() && Character.isUpperCase(raw[r].charAt(0));
            if (!capital && !ROLE_LINKS.contains(words[k])) {
                return false;
            }
            r--;
        }
        return false;
    }

    /**
     * "…», a insisté le ministre français des Affaires étrangères": the person the text introduced with the same words
     * ("le ministre français des Affaires étrangères Jean-Yves Le Drian"), three words at least, or -1.
     */
    private int personDescribedAs(String description, int at) {
        int end = 0;
        while (end < description.length() && ",.;:!?()«»\"“”".indexOf(description.charAt(end)) < 0) {
            end++;
        }
        String phrase = NameForms.fold(description.substring(0, end));
        String[] words = phrase.split(" ");
        for (int n = Math.min(words.length, 8); n >= 3; n--) {
            String wanted = String.join(" ", java.util.Arrays.copyOf(words, n));
            for (int k = mentions.size() - 1; k >= 0; k--) {
                EntityFinder.Mention m = mentions.get(k);
                if (m.end() > at) {
                    continue;
                }
                String before = NameForms.fold(text.substring(Math.max(0, m.start() - wanted.length() - 12), m.start()));
                if (before.endsWith(wanted)) {
                    return m.person();
                }
            }
        }
        return -1;
    }

    private static final Set<String> GOVERNORS = Lexicon.set(List.of("de", "du", "des", "a", "au", "aux", "avec", "par", // folded: "à" is "a"
            "contre", "envers", "sans", "epouse", "epoux", "mari", "femme", "fils", "fille", "frere", "soeur", "pere", "mere",
            "compagne", "compagnon", "veuve", "veuf", "petit fils", "petite fille", "neveu", "niece"));

    /** Spans between quotation marks, {open, close}, in text order: found once, when first needed. */
    private List<int[]> quoted;

    private boolean insideQuotation(int start, int end) {
        if (quoted == null) {
            quoted = new ArrayList<>();
            for (int[] l : lines) {
                int open = -1;
                char closing = 0;
                for (int i = l[0]; i < l[1]; i++) {
                    char c = text.charAt(i);
                    if (open < 0 && (c == '«' || c == '“' || c == '"')) {
                        open = i;
                        closing = c == '«' ? '»' : c == '“' ? '”' : '"';
                    } else if (open >= 0 && c == closing) {
                        quoted.add(new int[]{open, i});
                        open = -1;
                    }
                }
            }
        }
        for (int[] q : quoted) {
            if (q[0] < start && end <= q[1]) {
                return true;
            }
            if (q[0] > start) {
                break;
            }
        }
        return false;
    }

    /** Whether mention k is governed by the word before it, listed with other names, or sits inside a quotation. */
    private boolean dependent(int k) {
        EntityFinder.Mention m = mentions.get(k);
        if (insideQuotation(m.start(), m.end())) {
            return true;
        }
        for (Found f : out) {
            if (f.start <= m.start() && m.end() <= f.end) {
                return true;
            }
        }
        return governed(m) || listed(k) || objectOfInfinitive(m) || k > 0 && counterpart(mentions.get(k - 1).end(), m.start());
    }

    /**
     * "…voit s'affronter Olivier Faure, Luc Carvounas et Emmanuel Maurel, il a précisé…": a name in a list of names is
     * what the sentence is about, rarely the "il" who speaks.
     */
    private boolean listed(int k) {
        EntityFinder.Mention m = mentions.get(k);
        return k > 0 && listJoint(mentions.get(k - 1).end(), m.start())
                || k + 1 < mentions.size() && listJoint(m.end(), mentions.get(k + 1).start());
    }

    /** "appelé à voter Emmanuel Macron", "refusé de soutenir Benoît Hamon": the name is what is done, not who does it. */
    private boolean objectOfInfinitive(EntityFinder.Mention m) {
        String[] w = SPACES.split(text.substring(Math.max(0, m.start() - 40), m.start()).stripTrailing());
        if (w.length < 2) {
            return false;
        }
        String verb = w[w.length - 1];
        String before = w[w.length - 2].toLowerCase();
        return verb.length() >= 4 && Character.isLowerCase(verb.charAt(0)) && (verb.endsWith("er") || verb.endsWith("ir"))
                && (before.equals("à") || before.equals("de") || before.endsWith("d'") || before.endsWith("d’")
                || before.equals("pour") || before.equals("sans"));
    }

    private boolean listJoint(int from, int to) {
        if (from >= to || to - from > 12) {
            return false;
        }
        String between = text.substring(from, to);
        return !between.isBlank() && LIST_JOINT.matcher(between).matches();
    }

    /**
     * Whether mention m is the complement of the word before it ("l'héritage de Colin", "son épouse Kate"), or of a
     * role that is ("porte-parole du président Vladimir Poutine", "la conseillère de Laurent Wauquiez").
     */
    private boolean governed(EntityFinder.Mention m) {
        int e = m.start();
        if (e > 0 && (text.charAt(e - 1) == '\'' || text.charAt(e - 1) == '’')) {
            return true; // d'Anton, l'héritage d'Hazel
        }
        for (int words = 0; words < 3; words++) {
            while (e > 0 && Character.isWhitespace(text.charAt(e - 1))) {
                e--;
            }
            int b = e;
            while (b > 0 && (Character.isLetter(text.charAt(b - 1)) || text.charAt(b - 1) == '-')) {
                b--;
            }
            // "du Premier ministre X": the capital of "Premier" does not start a name
            if (b == e || Character.isUpperCase(text.charAt(b)) && !(words > 0 && text.startsWith("Premi", b))) {
                return false;
            }
            String w = NameForms.fold(text.substring(b, e));
            if (words == 0 && GOVERNORS.contains(w)) {
                return true;
            }
            if (words == 0 ? !Lexicon.ROLE_WORDS.contains(w) : !(w.equals("le") || w.equals("la") || w.equals("l")
                    || w.equals("premier") || w.equals("premiere") || GOVERNORS.contains(w) && !w.equals("a"))) {
                return false;
            }
            if (words > 0 && GOVERNORS.contains(w)) {
                return true; // "du président X", "de la ministre X"
            }
            e = b > 0 && (text.charAt(b - 1) == '\'' || text.charAt(b - 1) == '’') ? b - 1 : b;
        }
        return false;
    }

    /** Verbs of an incise that answer what was said before: "lui a répondu", "rétorque", "réplique". */
    private static final Pattern REPLY = Pattern.compile("\\b(?:répon|rétorqu|répliqu)");

    /** Verbs of an incise that go on with what was being said: "a-t-il ajouté", "poursuit-elle", "a-t-il encore dit". */
    private static final Pattern CONTINUING = Pattern.compile("\\b(?:ajout|poursui|renchéri|insist|répét|enchaîn|conclu|encore)");

    /** "il y a", "il faut", "il n'est pas question": an "il" that names no one. */
    private static final Pattern IMPERSONAL = Pattern.compile("\\s+(?:y\\s|faut|fallait|est\\s|était|n['’]est|n['’]y|s['’]agit|semble|reste|suffit)");

    /** Finds the next "il"/"elle" of {@code pm} over {@code in} that stands for a person, not an impersonal "il". */
    private static boolean personalPronoun(Matcher pm, String in) {
        while (pm.find()) {
            if (!pm.group(1).equalsIgnoreCase("il") || !IMPERSONAL.matcher(in).region(pm.end(), in.length()).lookingAt()) {
                return true;
            }
        }
        return false;
    }

    private static boolean feminine(String pronoun) {
        return pronoun.equalsIgnoreCase("elle") || pronoun.equals("celle");
    }

    private int speakerBefore(int at, char gender) {
        return speakerBefore(at, gender, 3000);
    }

    /**
     * The most recent person mentioned before {@code at}, of the given gender when known. A person named as the
     * complement of another word ("son épouse Kate", "l'héritage de Colin", "a déclaré à Paul") or inside a quotation
     * is rarely the "il"/"elle" who speaks next, so such mentions are passed over while an earlier one qualifies.
     */
    private int speakerBefore(int at, char gender, int window) {
        if (gender != 'u') {
            for (int k = mentions.size() - 1; k >= 0; k--) {
                EntityFinder.Mention m = mentions.get(k);
                if (m.end() > at) {
                    continue;
                }
                if (at - m.end() > window) {
                    break;
                }
                char g = ef.people.get(m.person()).gender;
                if ((g == gender || g == 'u') && !dependent(k) && !objectOfVerb(m)) {
                    return unknownNameBetween(m.end(), at) || documentSubjectBetween(m.end(), at) ? -1 : m.person();
                }
            }
        }
        for (int k = mentions.size() - 1; k >= 0; k--) {
            EntityFinder.Mention m = mentions.get(k);
            if (m.end() > at) {
                continue;
            }
            if (at - m.end() > window) {
                return -1;
            }
            char g = ef.people.get(m.person()).gender;
            if ((gender == 'u' || g == 'u' || g == gender) && !objectOfVerb(m)) {
                return unknownNameBetween(m.end(), at) || nounComplement(gender, m) ? -1 : m.person();
            }
        }
        return -1;
    }

    private static final int NO_ROLE = -2;

    /**
     * "Le président américain s'en prend aux journalistes. « … », lâche-t-il": when the sentence before a quotation
     * that opens its own sentence has a role as its subject, the "il" of the incise is that role's person (the one the
     * article introduced with it), or no one known; {@link #NO_ROLE} when that sentence opens on no speaker's role.
     */
    private int roleSubjectBefore(int open, int[] line) {
        int sentStart = sentenceStart(open, line[0]);
        if (text.substring(sentStart, open).strip().length() > 0) {
            return NO_ROLE;
        }
        int k = lines.indexOf(line);
        int from = sentStart > line[0] ? line[0] : k > 0 ? lines.get(k - 1)[0] : -1;
        int end = sentStart > line[0] ? sentStart : k > 0 ? lines.get(k - 1)[1] : -1;
        if (from < 0 || end <= from) {
            return NO_ROLE;
        }
        int prevStart = sentenceStart(end - 1, from);
        String prev = text.substring(prevStart, end);
        Matcher rm = ROLE_NOUN.matcher(prev);
        if (!rm.lookingAt() || rm.group(1).toLowerCase().startsWith("c") || !SPEAKER_ROLES.contains(NameForms.fold(rm.group(2)))
                || APPOSED_NAME.matcher(prev).region(rm.end(), prev.length()).lookingAt() || personIn(prevStart, prevStart + 60) >= 0) {
            return NO_ROLE;
        }
        int p = personWithRole(rm, prev, prevStart);
        // "L'acteur de 49 ans est tombé de haut… « … », explique-t-il": else the one person named lately, agreeing
        return p >= 0 ? p : roleOfTheOneSpeaker(rm, prev, prevStart, -1);
    }

    /**
     * "L'avocat de Paul Martin a assuré que …", "Un proche de Paul Martin a confié que …": the last name before the verb
     * of text[sentStart, verb) is a noun's complement, so someone unnamed speaks, not the one named.
     */
    private boolean complementSpeaks(int sentStart, int verb) {
        EntityFinder.Mention last = null;
        for (EntityFinder.Mention m : mentions) {
            if (m.start() >= sentStart && m.end() <= verb && !inRelativeClause(sentStart, m, verb)) {
                last = m;
            }
        }
        // "le travail de Paul Martin qui, depuis ses débuts, pense que …": the relative pronoun makes the name the subject
        return last != null && governed(last) && !kinApposition(last) && text.substring(last.end(), verb).indexOf("qui ") < 0 && !ROLE_BEFORE_NAME.matcher(text.substring(Math.max(sentStart,
                last.start() - 30), last.start())).find();
    }

    /** "…du ministre Paul Martin", "…de la présidente Claire Roux": a role word names the person, who is the subject then. */
    private static final Pattern ROLE_BEFORE_NAME = Pattern.compile("(?i)(?:ministre|président|présidente|maire|directeur|directrice|"
            + "patron|patronne|fondateur|fondatrice|secrétaire|porte-parole|chef|cheffe|dirigeant|dirigeante)[\\p{L} -]{0,25}\\s$");

    /** Words for a written text that can be the "il"/"elle" of the next sentence: "Le décret … Il précise que …". */
    private static final Pattern DOCUMENT_SUBJECT = Pattern.compile("(?i)(?:le|la|l['’]|ce|cet|cette|son|sa|leur|un|une)\\s*"
            + "(?:\\p{L}+\\s+)?(?:décret|arrêté|texte|rapport|communiqué|document|lettre|courrier|message|livre|ouvrage|"
            + "projet de loi|loi|note|étude|jugement|ordonnance|circulaire|règlement|sondage|avis|contrat|accord)\\b");

    /**
     * Whether a sentence of text(from, to) opens on a written text as its subject ("Le nouveau décret oblige …"): the
     * "il"/"elle" after it is rather that text than the person named before it.
     */
    private boolean documentSubjectBetween(int from, int to) {
        for (int i = from; i < to - 1; i++) {
            char c = text.charAt(i);
            boolean sentenceStart = c == '\n' || (c == '.' || c == '!' || c == '?') && text.charAt(i + 1) == ' ';
            if (sentenceStart) {
                int b = i + 1;
                while (b < to && Character.isWhitespace(text.charAt(b))) {
                    b++;
                }
                if (b < to && DOCUMENT_SUBJECT.matcher(text).region(b, Math.min(to, b + 40)).lookingAt()) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether an incise after a quotation has an organisation the finder knows as its subject: ", a affirmé Matignon à X". */
    private boolean organisationInIncise(int from, int sentEnd) {
        int to = Math.min(sentEnd, from + 60);
        for (int i = from + 1; i < to; i++) {
            if (!Character.isUpperCase(text.charAt(i)) || Character.isLetter(text.charAt(i - 1))) {
                continue;
            }
            int e = i;
            while (e < text.length() && (Character.isLetter(text.charAt(e)) || text.charAt(e) == '-')) {
                e++;
            }
            if (personIn(i, e) < 0 && ef.isOrgName(text.substring(i, e))) {
                if (text.charAt(i - 1) == '\'' || text.charAt(i - 1) == '’') {
                    return false; // "à l'AFP"
                }
                int[] w = wordBefore(text, i);
                // "…», explique-t-il à l'AFP", "a réagi l'élu sur Facebook": a preposition's organisation is no subject
                return firstMentionStart(from, i) == Integer.MAX_VALUE && (w == null || !NOT_BEFORE_SUBJECT.contains(
                        NameForms.fold(text.substring(w[0], w[1]))));
            }
        }
        return false;
    }

    private static final Set<String> NOT_BEFORE_SUBJECT = Lexicon.set(List.of("a", "au", "aux", "sur", "dans", "de", "du", "des",
            "d", "l", "la", "le", "les", "chez", "avec", "par", "pour", "en", "via", "selon", "apres", "contre", "entre"));

    /** A lead opening on an indefinite subject: "Un journaliste a résumé : « … »", "Une habitante confie : « … »". */
    private static final Pattern INDEFINITE_SUBJECT = Pattern.compile("(?:Un|Une|Des|Certains|Certaines|Plusieurs|D['’]autres)\\s");

    /**
     * "…a valu à cet admirateur de Paul Martin bien des critiques. « … », disait-il": when the nearest name agreeing
     * with an "il"/"elle" is a noun's complement, the pronoun stands for someone the finder does not know; no guess.
     */
    private boolean nounComplement(char gender, EntityFinder.Mention m) {
        return gender != 'u' && governed(m);
    }

    /**
     * "Jody Evans, une habitante de …, a expliqué …" then "« … », a-t-elle raconté": whether text[from, to) holds a name
     * the finder does not know (two capitalised words opening a sentence, or after a comma, then a comma; not a known
     * person, organisation or place): the pronoun is rather theirs than the last known person's.
     */
    private boolean unknownNameBetween(int from, int to) {
        for (int i = Math.max(from, 2); i < to; i++) {
            if (!Character.isUpperCase(text.charAt(i))) {
                continue;
            }
            char before = text.charAt(i - 1);
            if (!(before == '\n' || before == ' ' && ".!?,".indexOf(text.charAt(i - 2)) >= 0)) {
                continue;
            }
            int j = i + 1;
            while (j < to && Character.isLowerCase(text.charAt(j))) {
                j++;
            }
            if (agedFirstName(i, j, to)) {
                return true;
            }
            if (j + 1 >= to || j - i < 2 || text.charAt(j) != ' ' || !Character.isUpperCase(text.charAt(j + 1))) {
                continue;
            }
            int e = j + 2;
            while (e < to && (Character.isLetter(text.charAt(e)) || text.charAt(e) == '-')) {
                e++;
            }
            if (e >= to || text.charAt(e) != ',' || NOT_NAME_START.contains(NameForms.fold(text.substring(i, j)))) {
                continue;
            }
            String pair = text.substring(i, e);
            if (firstMentionStart(i, e + 1) == Integer.MAX_VALUE && !ef.isOrgName(pair) && !Lexicon.ORG_PLACES.contains(NameForms.fold(pair))) {
                return true;
            }
        }
        return false;
    }

    /** "Nabil, 64 ans, a voulu …": one capitalised word text[i, j) then its age, someone the finder does not know. */
    private boolean agedFirstName(int i, int j, int to) {
        if (j - i < 3 || j + 4 >= to || text.charAt(j) != ',' || text.charAt(j + 1) != ' ' || !Character.isDigit(text.charAt(j + 2))) {
            return false;
        }
        int d = j + 2;
        while (d < to && Character.isDigit(text.charAt(d))) {
            d++;
        }
        return d - (j + 2) <= 3 && text.startsWith(" ans", d) && firstMentionStart(i, j) == Integer.MAX_VALUE
                && !NOT_NAME_START.contains(NameForms.fold(text.substring(i, j)));
    }

    /** Words that open a sentence before a capitalised word without making a name: "Le Parisien,", "Dans Paris,". */
    private static final Set<String> NOT_NAME_START = Lexicon.set(List.of("le", "la", "les", "un", "une", "des", "du", "de",
            "en", "au", "aux", "dans", "pour", "selon", "apres", "avant", "mais", "et", "ce", "cette", "cet", "son", "sa", "ses",
            "leur", "leurs", "sur", "sous", "par", "chez", "depuis", "lors", "a", "quand", "si", "comme", "vers", "avec", "sans"));

    /**
     * "Ce proche du président a traité Paul Martin d'« ingrat ». « … », a-t-il expliqué": a name right after an
     * auxiliary and a past participle, the auxiliary itself after its subject (not after a comma or a quotation, where
     * "a déclaré Paul Martin" is an inverted subject), is the verb's object, never the "il" who speaks next.
     */
    private boolean objectOfVerb(EntityFinder.Mention m) {
        String[] w = SPACES.split(text.substring(Math.max(0, m.start() - 40), m.start()).strip());
        if (w.length < 3) {
            return false;
        }
        String participle = w[w.length - 1];
        String auxiliary = w[w.length - 2];
        String before = w[w.length - 3];
        return participle.length() > 2 && Character.isLowerCase(participle.charAt(0)) && PARTICIPLE_END.matcher(participle).find()
                && OBJECT_AUXILIARIES.contains(auxiliary) && Character.isLetterOrDigit(before.charAt(before.length() - 1));
    }

    private static final Pattern PARTICIPLE_END = Pattern.compile("(?:é|ée|és|ées|i|is|u|ue|us|it|int)$");
    private static final Set<String> OBJECT_AUXILIARIES = Set.of("a", "avait", "ont", "avaient", "aurait");
}

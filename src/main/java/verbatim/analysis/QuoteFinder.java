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
    private static final Pattern SELON = Pattern.compile("(?:^|[.!?…]\\s+|\\n)(Selon|D['’]après|Pour|selon|d['’]après)\\s+([^,.;:\\n]{2,60}?),\\s+");
    private static final Pattern REPORTED = Pattern.compile(
            "\\b(?:(?:nous|lui|leur)\\s+)?(?:(?:a|avait|aurait)\\s+)?(?:explique|expliqué|expliquait|affirme|affirmé|estime|estimé"
                    + "|souligne|souligné|ajoute|ajouté|précise|précisé|confie|confié|indique|indiqué|assure|assuré|rappelle"
                    + "|rappelé|déclare|déclaré|reconnaît|reconnu|considère|pense|juge|annonce|annoncé|raconte|raconté"
                    + "|prévient|observe|note|noté|constate|constaté|répète|martèle|admet|regrette|regretté|déplore|déploré)"
                    + "\\s+qu(?:e\\s+|['’])");
    private static final Pattern DASH_NAME = Pattern.compile("\\s*[—–-]\\s*\\p{Lu}");
    private static final Pattern PRONOUN = Pattern.compile("\\b(il|elle|celle|celui)\\b");
    private static final Pattern LEAD_PRONOUN = Pattern.compile("\\b(il|elle)\\s+(?:nous\\s+|lui\\s+)?(?:a\\s+)?$");
    private static final Pattern INCISE = Pattern.compile(
            ",\\s+(?:a\\s+)?(?:[\\p{L}]+)-(?:t-)?(il|elle)\\b");
    static final Set<String> SPEECH = Set.copyOf(List.of("dit", "déclare", "déclaré", "explique", "expliqué", "expliquait",
            "affirme", "affirmé", "estime", "estimé", "souligne", "souligné", "ajoute", "ajouté", "précise", "précisé",
            "confie", "confié", "raconte", "raconté", "rappelle", "rappelé", "indique", "indiqué", "assure", "assuré",
            "poursuit", "insiste", "lance", "lancé", "commente", "commenté", "résume", "résumé", "note", "noté", "observe",
            "reconnaît", "martèle", "conclut", "avance", "témoigne", "confirme", "confirmé", "admet", "regrette",
            "déplore", "déploré", "prévient", "annonce", "annoncé", "répond", "répondu", "réagit", "ironise", "plaide",
            "tranche", "grince", "détaille", "analyse", "juge", "écrit", "tweete", "tweeté", "s'exclame", "dénonce",
            "raille", "lâche", "glisse", "souffle", "relève", "constate", "argumente", "disait", "déclarait",
            "affirmait", "confiait", "racontait", "selon", "interroge", "s'interroge", "réplique", "répète", "explique-t-il",
            "explique-t-elle", "déclare-t-il", "déclare-t-elle", "ajoute-t-il", "ajoute-t-elle", "précise-t-il",
            "précise-t-elle", "estime-t-il", "estime-t-elle", "souligne-t-il", "souligne-t-elle", "confie-t-il",
            "confie-t-elle", "poursuit-il", "poursuit-elle", "assure-t-il", "assure-t-elle", "a-t-il", "a-t-elle",
            "dit-il", "dit-elle", "indique-t-il", "indique-t-elle", "lance-t-il", "lance-t-elle", "résume-t-il",
            "résume-t-elle", "raconte-t-il", "raconte-t-elle", "rappelle-t-il", "rappelle-t-elle", "l'explique", "expliquant"));
    private static final Set<String> TITLE_CUES = Set.copyOf(List.of("intitulée", "intitulé", "intitulées", "intitulés", "baptisée",
            "baptisé", "nommée", "nommé", "appelée", "appelé", "titre", "thème", "présentation", "conférence", "livre",
            "ouvrage", "film", "album", "émission", "slogan", "hashtag", "campagne", "programme", "mot", "expression",
            "formule", "terme", "label", "opération", "concept", "projet", "devise", "série", "chanson", "titré",
            "titrée", "spectacle", "exposition", "rubrique", "dossier", "mooc", "méthode", "notion", "notions", "thèmes",
            "catégorie", "surnom", "surnomme", "surnommé", "surnommée", "être", "était"));

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
        int s = 0;
        for (int i = 0; i <= text.length(); i++) {
            if (i == text.length() || text.charAt(i) == '\n') {
                int a = s;
                int b = i;
                while (a < b && Character.isWhitespace(text.charAt(a))) {
                    a++;
                }
                while (b > a && Character.isWhitespace(text.charAt(b - 1))) {
                    b--;
                }
                if (b > a) {
                    lines.add(new int[]{a, b});
                }
                s = i + 1;
            }
        }
        claimed = new boolean[lines.size()];
    }

    List<Found> find() {
        if (!mentions.isEmpty()) {
            labelledInterview();
            unlabelledInterview();
            opEd();
            direct();
            reported();
        }
        return out;
    }

    private String line(int i) {
        return text.substring(lines.get(i)[0], lines.get(i)[1]);
    }

    private void add(int start, int end, int person, boolean indirect) {
        while (start < end && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        if (end - start < 8 || person < 0) {
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
        for (int i = 0; i < lines.size(); i++) {
            speaker[i] = -3;
            String li = line(i);
            int c = li.indexOf(':');
            if (c < 0 || c > 45) {
                continue;
            }
            Matcher m = LABEL.matcher(li);
            if (!m.matches()) {
                continue;
            }
            String label = m.group(1).strip();
            int p = ef.personForLabel(label);
            if (p >= 0) {
                speaker[i] = p;
                personTurns++;
            } else if (ef.isOrgName(label) || label.indexOf('.') > 0 && label.length() <= 8) {
                speaker[i] = -1;
            } else {
                continue;
            }
            labelled++;
            rest[i] = lines.get(i)[0] + m.start(2);
        }
        if (personTurns == 0 || labelled < 2) {
            return;
        }
        for (int i = 0; i < lines.size(); i++) {
            if (speaker[i] == -1) {
                Matcher m = LABEL.matcher(line(i));
                if (m.matches()) {
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
            } else if (current >= 0) {
                claimed[i] = true;
                add(lines.get(i)[0], lines.get(i)[1], current, false);
            } else if (current == -1) {
                claimed[i] = true;
            }
        }
    }

    private void unlabelledInterview() {
        int limit = Math.min(lines.size(), 3);
        for (int i = 0; i < limit; i++) {
            int[] l = lines.get(i);
            Matcher m = INTERVIEW_TITLE.matcher(line(i));
            if (!m.find()) {
                continue;
            }
            int p = personIn(l[0] + m.end(), l[1]);
            if (p < 0) {
                continue;
            }
            boolean asked = false;
            for (int k = i + 1; k < lines.size(); k++) {
                if (claimed[k]) {
                    continue;
                }
                String s = line(k);
                if (s.endsWith("?")) {
                    asked = true;
                    claimed[k] = true;
                } else if (asked && s.split("\\s+").length >= 4) {
                    claimed[k] = true;
                    add(lines.get(k)[0], lines.get(k)[1], p, false);
                }
            }
            return;
        }
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
                if (body.contains(author) || body.startsWith("#") || body.indexOf('«') >= 0 || body.indexOf('“') >= 0) {
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

    // ------------------------------------------------------------ quotation marks

    private void direct() {
        int lastEnd = -1;
        int lastPerson = -1;
        for (int li = 0; li < lines.size(); li++) {
            if (claimed[li]) {
                continue;
            }
            int[] l = lines.get(li);
            int depth = 0;
            int open = -1;
            boolean asciiOpen = false;
            for (int i = l[0]; i < l[1]; i++) {
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
                        add(open + 1, close, p, false);
                        lastEnd = close;
                        lastPerson = p;
                    }
                    open = -1;
                }
            }
        }
    }

    private int attribute(int open, int close, int[] line, int lastEnd, int lastPerson) {
        String inner = text.substring(open + 1, close).strip();
        int words = inner.isEmpty() ? 0 : inner.split("\\s+").length;
        if (words < 3) {
            return -1;
        }
        String before = text.substring(Math.max(line[0], open - 40), open).toLowerCase();
        String[] bw = before.split("[\\s'’]+");
        for (int k = Math.max(0, bw.length - 3); k < bw.length; k++) {
            if (TITLE_CUES.contains(bw[k])) {
                return -1;
            }
        }
        if (bw.length > 0 && (bw[bw.length - 1].equals("de") || bw[bw.length - 1].equals("d") || bw[bw.length - 1].equals("du"))) {
            return -1;
        }
        // after the quote: "», explique Hans Zimmer."
        int sentEnd = sentenceEnd(close + 1, line[1]);
        String after = text.substring(close + 1, sentEnd);
        if (speechVerbIn(after, 4)) {
            int p = personIn(close + 1, sentEnd);
            Matcher pm = PRONOUN.matcher(after);
            boolean pronounFirst = pm.find() && (p < 0 || close + 1 + pm.start() < firstMentionStart(close + 1, sentEnd));
            if (p >= 0 && !pronounFirst) {
                return p;
            }
            if (pronounFirst) {
                return speakerBefore(open, pm.group(1).startsWith("e") || pm.group(1).equals("celle") ? 'f' : 'm');
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
        for (EntityFinder.Mention m : mentions) {
            if (m.start() > open && m.end() < close && m.start() - open > 10) {
                String lead = text.substring(Math.max(open, m.start() - 25), m.start());
                int comma = lead.lastIndexOf(',');
                if (comma >= 0 && speechVerbIn(lead.substring(comma + 1), 2)) {
                    return m.person();
                }
            }
        }
        Matcher inc = INCISE.matcher(inner);
        if (inc.find()) {
            return speakerBefore(open, inc.group(1).equals("elle") ? 'f' : 'm');
        }
        // before the quote, in the same sentence: "X a déploré … : « … »"
        int sentStart = sentenceStart(open, line[0]);
        String lead = text.substring(sentStart, open);
        String leadTrim = lead.strip();
        boolean colon = leadTrim.endsWith(":");
        if (colon || speechVerbIn(lead, 99)) {
            int p = lastPersonIn(sentStart, open);
            if (p >= 0) {
                return p;
            }
            Matcher pm = PRONOUN.matcher(lead);
            if (pm.find()) {
                return speakerBefore(open, pm.group(1).equals("elle") ? 'f' : 'm');
            }
            if (colon) {
                return speakerBefore(open, 'u', 600);
            }
        }
        // a follow-up quote right after an attributed one
        if (lastPerson >= 0 && lastEnd >= line[0] && leadTrim.isEmpty()) {
            return lastPerson;
        }
        return -1;
    }

    private static boolean speechVerbIn(String s, int maxWords) {
        String[] w = s.toLowerCase().replace('’', '\'').split("[\\s,;.()]+");
        int n = 0;
        for (String x : w) {
            if (x.isEmpty()) {
                continue;
            }
            if (SPEECH.contains(x) || x.endsWith("-t-il") || x.endsWith("-t-elle")) {
                return true;
            }
            if (++n >= maxWords) {
                return false;
            }
        }
        return false;
    }

    // ------------------------------------------------------------ reported speech

    private void reported() {
        for (int li = 0; li < lines.size(); li++) {
            if (claimed[li]) {
                continue;
            }
            int[] l = lines.get(li);
            String s = line(li);
            Matcher m = SELON.matcher(s);
            boolean maybe = s.contains("elon ") || s.contains("après ") || s.contains("Pour ");
            while (maybe && m.find()) {
                String who = m.group(2).strip();
                int p;
                if (who.equals("lui") || who.equals("elle")) {
                    p = speakerBefore(l[0] + m.start(2), who.equals("elle") ? 'f' : 'm');
                } else {
                    p = personIn(l[0] + m.start(2), l[0] + m.end(2));
                }
                if (p >= 0) {
                    int from = l[0] + m.end();
                    add(from, sentenceEnd(from, l[1]), p, true);
                }
            }
            Matcher r = REPORTED.matcher(s);
            boolean mayReport = s.contains(" qu");
            while (mayReport && r.find()) {
                int at = l[0] + r.start();
                int sentStart = sentenceStart(at, l[0]);
                int p = lastPersonIn(sentStart, at);
                if (p < 0) {
                    String lead = text.substring(sentStart, at);
                    Matcher pm = LEAD_PRONOUN.matcher(lead);
                    if (pm.find()) {
                        p = speakerBefore(at, pm.group(1).equals("elle") ? 'f' : 'm');
                    }
                }
                if (p >= 0) {
                    int from = l[0] + r.end();
                    add(from, sentenceEnd(from, l[1]), p, true);
                }
            }
        }
    }

    // ------------------------------------------------------------ helpers

    private int sentenceEnd(int from, int limit) {
        for (int i = from; i < limit; i++) {
            char c = text.charAt(i);
            if ((c == '.' || c == '!' || c == '?') && (i + 1 >= limit || Character.isWhitespace(text.charAt(i + 1)))) {
                return c == '.' ? i : i + 1;
            }
        }
        return limit;
    }

    private int sentenceStart(int at, int limit) {
        for (int i = at - 1; i > limit; i--) {
            char c = text.charAt(i);
            if ((c == '.' || c == '!' || c == '?') && Character.isWhitespace(text.charAt(i + 1))) {
                return i + 1;
            }
        }
        return limit;
    }

    private int personIn(int from, int to) {
        for (EntityFinder.Mention m : mentions) {
            if (m.start() >= from && m.end() <= to) {
                return m.person();
            }
        }
        return -1;
    }

    private int firstMentionStart(int from, int to) {
        for (EntityFinder.Mention m : mentions) {
            if (m.start() >= from && m.end() <= to) {
                return m.start();
            }
        }
        return Integer.MAX_VALUE;
    }

    private int lastPersonIn(int from, int to) {
        int p = -1;
        for (EntityFinder.Mention m : mentions) {
            if (m.start() >= from && m.end() <= to) {
                p = m.person();
            }
        }
        return p;
    }

    private int speakerBefore(int at, char gender) {
        return speakerBefore(at, gender, 3000);
    }

    /** The most recent person mentioned before {@code at}, of the given gender when known. */
    private int speakerBefore(int at, char gender, int window) {
        for (int k = mentions.size() - 1; k >= 0; k--) {
            EntityFinder.Mention m = mentions.get(k);
            if (m.end() > at) {
                continue;
            }
            if (at - m.end() > window) {
                return -1;
            }
            char g = ef.people.get(m.person()).gender;
            if (gender == 'u' || g == 'u' || g == gender) {
                return m.person();
            }
        }
        return -1;
    }
}

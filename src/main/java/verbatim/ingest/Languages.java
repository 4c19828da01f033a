package verbatim.ingest;

import java.util.Locale;
import java.util.Set;

/**
 * Tells French from English by counting their most frequent function words. Enough for a corpus of French
 * articles where English shows up as quotes, spam comments or the odd English post; not a general detector.
 */
public final class Languages {

    /** The start of a text says which language it is in; reading more only costs time. */
    private static final int SAMPLE_CHARS = 2_000;
    /** Fewer words than this, or fewer function words, and there is nothing to tell. */
    private static final int MIN_WORDS = 5;
    private static final int MIN_HITS = 2;

    // Words frequent in one language and rare in the other: "a", "on", "an", "or", "but", "son" are in both,
    // and a lone "s" is as often English ("it’s") as French ("s’est").
    private static final Set<String> FRENCH = Set.of(
            "le", "la", "les", "l", "de", "des", "du", "d", "un", "une", "et", "est", "à", "en", "que", "qu",
            "qui", "dans", "pour", "pas", "sur", "au", "aux", "ce", "cette", "ces", "il", "ils", "elle", "elles",
            "nous", "vous", "je", "j", "ne", "n", "se", "sont", "mais", "ou", "où", "plus", "avec", "par",
            "sa", "ses", "leur", "été", "être", "très", "comme", "aussi", "c");
    private static final Set<String> ENGLISH = Set.of(
            "the", "of", "and", "to", "in", "is", "that", "it", "for", "was", "with", "as", "be", "are", "this",
            "by", "not", "from", "at", "have", "they", "you", "his", "her", "which", "we", "were", "has", "had",
            "will", "would", "their", "there", "what", "about", "can", "been", "if", "its", "i", "my", "your");

    private Languages() {
    }

    /**
     * {@code "fr"}, {@code "en"}, or null when the text is too short or has too few function words to tell.
     * {@code guess("Le chat est sur la table.")} is {@code "fr"}; {@code guess("The cat is on the table.")} is
     * {@code "en"}; {@code guess("OK")} is null.
     */
    public static String guess(String text) {
        if (text == null) {
            return null;
        }
        String sample = text.length() > SAMPLE_CHARS ? text.substring(0, SAMPLE_CHARS) : text;
        // Splitting on anything but letters also splits elisions: "l’association" gives "l", a French word.
        String[] words = sample.toLowerCase(Locale.ROOT).split("[^\\p{L}]+");
        int count = 0;
        int french = 0;
        int english = 0;
        for (String word : words) {
            if (word.isEmpty()) {
                continue;
            }
            count++;
            if (FRENCH.contains(word)) {
                french++;
            } else if (ENGLISH.contains(word)) {
                english++;
            }
        }
        if (count < MIN_WORDS || Math.max(french, english) < MIN_HITS || french == english) {
            return null;
        }
        return french > english ? "fr" : "en";
    }
}

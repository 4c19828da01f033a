package verbatim.ingest;

import java.text.Normalizer;

/**
 * The base letter of a character, lower case: {@code É} → {@code e}, {@code ç} → {@code c}. What the
 * cleaners and the name matcher compare words by, one char for one char (so offsets keep their meaning).
 */
public final class Letters {

    /** Worked out once for everything up to Latin Extended-B: French text is all in there. */
    private static final char[] BASE = new char[0x250];

    static {
        for (char c = 0; c < BASE.length; c++) {
            BASE[c] = compute(c);
        }
    }

    private Letters() {
    }

    /** True when {@link #base} answers from its table (Latin letters, digits, punctuation). */
    public static boolean isLatin(char c) {
        return c < BASE.length;
    }

    public static char base(char c) {
        return c < BASE.length ? BASE[c] : compute(c);
    }

    /** The first char of the canonical decomposition, lower case. */
    private static char compute(char c) {
        char base = c < 128 ? c : Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD).charAt(0);
        return Character.toLowerCase(base);
    }
}

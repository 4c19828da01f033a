package verbatim.analysis;

import verbatim.ingest.Letters;

/** Canonical keys for names, so case, accent, apostrophe and hyphen variants compare equal. */
final class NameForms {
    private NameForms() {
    }

    /**
     * What {@link #fold} makes of each char up to Latin Extended-B (nearly every char of French text): its base letter
     * or digit in lower case, or 0 for a separator. One load per char where the general path asks {@link Letters}, then
     * {@link Character} twice: fold runs on every token of every article.
     */
    private static final char[] FOLDED = new char[0x250];

    static {
        for (char c = 0; c < FOLDED.length; c++) {
            char b = Letters.base(c);
            FOLDED[c] = Character.isLetterOrDigit(b) || b == '&' || b == '+' ? Character.toLowerCase(b) : 0;
        }
    }

    /** {@code "Évidement"} and {@code "evidement"} give the same key; hyphens and apostrophes become spaces. */
    static String fold(String s) {
        if (s == null) {
            return "";
        }
        if (plain(s)) {
            return s;
        }
        int n = s.length();
        char[] b = new char[n];
        int len = 0;
        boolean space = true;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            char f;
            if (c < FOLDED.length) {
                f = FOLDED[c];
            } else if (Character.getType(c) == Character.NON_SPACING_MARK) {
                continue;
            } else {
                f = Character.isLetterOrDigit(c) ? Character.toLowerCase(c) : 0;
            }
            if (f != 0) {
                b[len++] = f;
                space = false;
            } else if (!space) {
                b[len++] = ' ';
                space = true;
            }
        }
        if (len > 0 && b[len - 1] == ' ') {
            len--;
        }
        return new String(b, 0, len);
    }

    /** Already folded: lower-case ASCII letters and digits only, not empty. */
    private static boolean plain(String s) {
        int n = s.length();
        if (n == 0) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9')) {
                return false;
            }
        }
        return true;
    }

    /** Letters of an abbreviation ({@code "P-E. C."} → {@code "pec"}). */
    static String letters(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : fold(s).toCharArray()) {
            if (Character.isLetter(c)) {
                b.append(c);
            }
        }
        return b.toString();
    }

    /**
     * Whether {@code letters} (an acronym) is spelt by {@code initials} (the first letters of a name's words): the same
     * first letter, every letter in order, and at most one initial more than letters, so small words may be skipped
     * ({@code "omdls"} spells {@code "oms"}).
     */
    static boolean spells(CharSequence initials, String letters) {
        if (initials.length() < 2 || initials.length() > letters.length() + 1 || initials.charAt(0) != letters.charAt(0)) {
            return false;
        }
        int j = 0;
        for (int k = 0; k < initials.length() && j < letters.length(); k++) {
            if (initials.charAt(k) == letters.charAt(j)) {
                j++;
            }
        }
        return j == letters.length();
    }

    /** Initials of a person's name, hyphenated first names giving one letter per part ({@code "pec"}). */
    static String personInitials(String name) {
        StringBuilder b = new StringBuilder();
        for (String w : name.split("[\\s\\-]+")) {
            if (!w.isEmpty() && Character.isUpperCase(w.charAt(0))) {
                b.append(Character.toLowerCase(w.charAt(0)));
            }
        }
        return fold(b.toString());
    }

    /** Acronym of an organisation's name: capitalised words only ({@code Mobile Marketing Association} → {@code mma}). */
    static String acronym(String name) {
        StringBuilder b = new StringBuilder();
        boolean start = true;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isWhitespace(c) || c == '-' || c == '’' || c == '\'') {
                start = true;
            } else {
                if (start && Character.isUpperCase(c)) {
                    b.append(c);
                }
                start = false;
            }
        }
        return fold(b.toString());
    }
}

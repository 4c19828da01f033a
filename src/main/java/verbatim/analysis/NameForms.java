package verbatim.analysis;

import verbatim.ingest.Letters;

/** Canonical keys for names, so case, accent, apostrophe and hyphen variants compare equal. */
final class NameForms {
    private NameForms() {
    }

    /** {@code "Évidement"} and {@code "evidement"} give the same key; hyphens and apostrophes become spaces. */
    static String fold(String s) {
        if (s == null) {
            return "";
        }
        if (plain(s)) {
            return s;
        }
        StringBuilder b = new StringBuilder(s.length());
        boolean space = true;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Letters.isLatin(c)) {
                c = Letters.base(c);
            } else if (Character.getType(c) == Character.NON_SPACING_MARK) {
                continue;
            }
            if (Character.isLetterOrDigit(c) || c == '&' || c == '+') {
                b.append(Character.toLowerCase(c));
                space = false;
            } else if (!space) {
                b.append(' ');
                space = true;
            }
        }
        int n = b.length();
        if (n > 0 && b.charAt(n - 1) == ' ') {
            b.setLength(n - 1);
        }
        return b.toString();
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

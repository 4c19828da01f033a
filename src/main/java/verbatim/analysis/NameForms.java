package verbatim.analysis;

import java.text.Normalizer;

/** Canonical keys for names, so case, accent, apostrophe and hyphen variants compare equal. */
final class NameForms {
    private NameForms() {
    }

    /** {@code "Évidement"} and {@code "evidement"} give the same key; hyphens and apostrophes become spaces. */
    static String fold(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length());
        boolean ascii = true;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) > 127) {
                ascii = false;
                break;
            }
        }
        String d = ascii ? s : Normalizer.normalize(s, Normalizer.Form.NFD);
        boolean space = true;
        for (int i = 0; i < d.length(); i++) {
            char c = d.charAt(i);
            if (Character.getType(c) == Character.NON_SPACING_MARK) {
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
        for (String w : name.split("[\\s\\-’']+")) {
            if (!w.isEmpty() && Character.isUpperCase(w.charAt(0))) {
                b.append(w.charAt(0));
            }
        }
        return fold(b.toString());
    }
}

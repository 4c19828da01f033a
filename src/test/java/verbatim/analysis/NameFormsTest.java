package verbatim.analysis;

import org.junit.jupiter.api.Test;
import verbatim.ingest.Letters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

/** Name keys: case, accents, apostrophes and hyphens do not matter. */
class NameFormsTest {

    @Test
    void variantsOfANameGiveOneKey() {
        assertEquals("evidement", NameForms.fold("Évidement"));
        assertEquals("pierre emmanuel cros", NameForms.fold("Pierre-Emmanuel  Cros"));
        assertEquals("l agence", NameForms.fold("l’Agence"));
        assertEquals("at&t", NameForms.fold("AT&T"));
        assertEquals("canal+", NameForms.fold("Canal+"));
        assertEquals("ecole", NameForms.fold("E\u0301cole"), "a combining accent goes");
        assertEquals("œuvre", NameForms.fold("Œuvre"), "a ligature is a letter of its own");
        assertEquals("αθηνα", NameForms.fold("ΑΘΗΝΑ"), "beyond Latin: lower case");
        assertEquals("", NameForms.fold(" « » "));
        assertEquals("", NameForms.fold(null));
    }

    @Test
    void aWordAlreadyFoldedIsGivenBackAsItIs() {
        String w = "engagement2026";
        assertSame(w, NameForms.fold(w));
    }

    @Test
    void everyCharFoldsAsTheDefinitionSays() {
        // fold answers from a table for Latin chars: each must give what the definition (below) gives
        for (char c = 0; c < 0x3000; c++) {
            for (String s : new String[] {String.valueOf(c), "a" + c + "b", c + "Z", "x " + c}) {
                assertEquals(definition(s), NameForms.fold(s), () -> "U+" + Integer.toHexString(s.charAt(0)) + " in \"" + s + "\"");
            }
        }
    }

    /** Base letters (accents dropped) and digits in lower case, {@code &} and {@code +} kept; anything else one space; trimmed. */
    private static String definition(String s) {
        StringBuilder b = new StringBuilder();
        boolean space = true;
        for (char c : s.toCharArray()) {
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
        return b.toString().strip();
    }
}

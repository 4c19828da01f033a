package verbatim.http;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SearchParamsTest {

    @Test
    void aPastedQueryLosesSoftHyphensAndZeroWidthSpacesInsideItsWords() {
        assertEquals("Emmanuel Macron", SearchParams.clean("Em\u00ADma\u00ADnuel Ma\u200Bcron\uFEFF"));
    }

    @Test
    void controlCharactersBecomeSpacesAndEmojiSequencesStayWhole() {
        assertEquals("retraites  réforme", SearchParams.clean("retraites\t\u0007réforme\n"));
        assertEquals("👩\u200D💻 télétravail", SearchParams.clean("👩\u200D💻 télétravail"));
    }
}

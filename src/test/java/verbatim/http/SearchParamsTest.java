package verbatim.http;

import org.junit.jupiter.api.Test;
import verbatim.ingest.TextCleaner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SearchParamsTest {

    @Test
    void aPastedQueryLosesSoftHyphensAndZeroWidthSpacesInsideItsWords() {
        assertEquals("Emmanuel Macron", SearchParams.clean("Em\u00ADma\u00ADnuel Ma\u200Bcron\uFEFF"));
    }

    @Test
    void controlCharactersBecomeSpaces() {
        assertEquals("retraites  réforme", SearchParams.clean("retraites\t\u0007réforme\n"));
    }

    @Test
    void anEmojiSequenceIsCleanedAsIngestCleansItsText() {
        String pasted = "👩\u200D💻 télétravail";
        String indexed = new TextCleaner().clean("Le " + pasted + " en entreprise").text();
        assertEquals("👩💻 télétravail", SearchParams.clean(pasted));
        assertTrue(indexed.contains(SearchParams.clean(pasted)), indexed);
    }
}

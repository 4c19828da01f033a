package verbatim.search;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class UserQueryTest {

    private static final UserQuery.Fields FIELDS = new UserQuery.Fields(Map.of("title", 3f, "text", 1f),
            Map.of("title_exact", 3f, "text_exact", 1f), Map.of());

    @Test
    void accentFreeStopWordsAreDroppedLikeTheirAccentedForms() {
        // "a" typed for "à": the index never has it (dropped before accents fold), so it must not count as a word.
        String accentFree = UserQuery.parse("evenements digital a ne pas manquer", FIELDS).toString();
        String accented = UserQuery.parse("événements digital à ne pas manquer", FIELDS).toString();
        assertFalse(accentFree.contains("text:a "), accentFree);
        assertTrue(accentFree.contains("~2"), "3 words, 2 must match: " + accentFree);
        assertTrue(accented.contains("~2"), accented);
    }

    @Test
    void memeStaysAWordWithoutItsAccent() {
        assertTrue(UserQuery.parse("meme internet", FIELDS).toString().contains("text:meme"));
    }

    @Test
    void orKeepsEitherWordEnough() {
        String or = UserQuery.parse("matériau OR rayons", FIELDS).toString();
        assertFalse(or.contains("~2"), "OR must not require both words: " + or);
    }
}

package verbatim.analysis;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The tokeniser's shortcuts for the rules answer exactly as the {@link Character} methods they stand for. */
class TokensTest {

    @Test
    void whitespaceAnswersAsCharacterIsWhitespaceForEveryChar() {
        for (int c = Character.MIN_VALUE; c <= Character.MAX_VALUE; c++) {
            assertEquals(Character.isWhitespace((char) c), Tokens.whitespace((char) c), "U+" + Integer.toHexString(c));
        }
    }
}

package verbatim.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class LanguagesTest {

    @Test
    void frenchIsFrench() {
        assertEquals("fr", Languages.guess("Les marques investissent dans le contenu pour fidéliser leurs clients."));
        assertEquals("fr", Languages.guess("L’agence s’est imposée, et c’est à l’international qu’elle grandit."));
    }

    @Test
    void englishIsEnglish() {
        assertEquals("en", Languages.guess("The brands are investing in content to keep their customers loyal."));
        assertEquals("en", Languages.guess("I don’t think it’s what they were looking for."));
    }

    @Test
    void frenchWithEnglishBuzzwordsIsStillFrench() {
        assertEquals("fr", Languages.guess("Le content marketing est une tactique, pas une stratégie de brand content."));
    }

    @Test
    void tooLittleTextIsUnknown() {
        assertNull(Languages.guess(null));
        assertNull(Languages.guess(""));
        assertNull(Languages.guess("Social CRM"));
        assertNull(Languages.guess("12 345 678 !!! ???"));
    }

    @Test
    void longTextsAreOnlySampled() {
        String huge = "Le marché de la publicité est en pleine mutation. ".repeat(200_000);
        assertTimeoutPreemptively(Duration.ofMillis(500), () -> assertEquals("fr", Languages.guess(huge)));
    }
}

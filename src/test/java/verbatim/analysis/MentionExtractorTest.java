package verbatim.analysis;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the extractor finds, on small French examples. */
class MentionExtractorTest {
    private final MentionExtractor extractor = new MentionExtractor();

    private Speaker speaker(Mentions m, String name) {
        return m.speakers().stream().filter(s -> s.name().equals(name)).findFirst().orElse(null);
    }

    @Test
    void roleAfterTheNameGivesRoleAndOrganisation() {
        Mentions m = extractor.extract(null, "Nous avons rencontré Thomas Husson, VP et Principal Analyst chez Forrester, à Paris.");
        Speaker s = speaker(m, "Thomas Husson");
        assertNotNull(s);
        assertEquals("VP et Principal Analyst", s.role());
        assertEquals("Forrester", s.org());
        assertTrue(m.companies().stream().noneMatch(c -> c.name().equals("Paris")), "places are not organisations");
    }

    @Test
    void roleBeforeTheNameAndAcronymResolveToOneOrganisation() {
        Mentions m = extractor.extract(null, "Président de la Mobile Marketing Association (MMA), Pierre-Emmanuel Cros "
                + "organise le forum. La MMA compte 200 adhérents.");
        Speaker s = speaker(m, "Pierre-Emmanuel Cros");
        assertEquals("Président", s.role());
        assertEquals("Mobile Marketing Association", s.org());
        assertEquals(1, m.companies().size(), m.companies().toString());
        assertTrue(m.companies().get(0).aliases().contains("MMA"));
    }

    @Test
    void quoteWithSpeechVerbAfterIsAttributed() {
        String text = "« Le mobile doit gagner la bataille de l’engagement », explique Jean Dupont, directeur de Mobilis.";
        Mentions m = extractor.extract("", text);
        assertEquals(1, m.quotes().size());
        Quote q = m.quotes().get(0);
        assertEquals("Jean Dupont", q.speaker());
        assertEquals("Mobilis", q.company());
        assertFalse(q.indirect());
        assertEquals(q.text(), text.substring(q.start(), q.end()));
        assertTrue(speaker(m, "Jean Dupont").quoted());
    }

    @Test
    void selonIsReportedSpeechOfTheLastNamedPerson() {
        Mentions m = extractor.extract("", "Sophie Martin a présenté les chiffres. Selon elle, le marché va doubler d’ici 2025.");
        assertEquals(1, m.quotes().size());
        assertEquals("Sophie Martin", m.quotes().get(0).speaker());
        assertTrue(m.quotes().get(0).indirect());
    }

    @Test
    void talkTitlesAreNotQuotes() {
        Mentions m = extractor.extract("", "Danny Devriendt (MAP) a donné une présentation intitulée « Messaging apps are the new social media ».");
        assertTrue(m.quotes().isEmpty(), m.quotes().toString());
        assertEquals("MAP", speaker(m, "Danny Devriendt").org());
    }

    @Test
    void labelledInterviewTurnsAndInitials() {
        String text = "Pierre-Emmanuel Cros préside l’association.\n\nINfluencia: Objectif atteint ?\n\n"
                + "Pierre-Emmanuel Cros: Absolument, nous avons doublé notre audience.\n\nIN. : Et la suite ?\n\n"
                + "P-E. C. : Nous lancerons un nouveau forum en 2021.";
        Mentions m = extractor.extract("", text);
        assertEquals(2, m.quotes().size(), m.quotes().toString());
        assertTrue(m.quotes().stream().allMatch(q -> q.speaker().equals("Pierre-Emmanuel Cros")));
        assertTrue(m.quotes().stream().noneMatch(q -> q.text().contains("?")), "the interviewer's questions are not quotes");
        assertTrue(m.speakers().stream().noneMatch(s -> s.name().contains("P-E")));
    }

    @Test
    void sentenceInitialWordsAreNotEntities() {
        Mentions m = extractor.extract("", "Néanmoins, le marché progresse. Malheureusement, Ensuite et Absolument ne sont pas des noms.");
        assertTrue(m.speakers().isEmpty(), m.speakers().toString());
        assertTrue(m.companies().isEmpty(), m.companies().toString());
    }

    @Test
    void garbageDoesNotThrow() {
        // run(), not extract(): extract() turns any failure into "no mentions", which would hide it here.
        for (String s : new String[]{"", "«", "» « « »", ":::", "\n\n\n", "A".repeat(300_000), "É-É. : « x »"}) {
            assertNotNull(extractor.run(s, s));
        }
        assertNotNull(extractor.extract(null, null));
    }

    @Test
    void pronounAfterAQuotePassesOverPeopleNamedAsAComplement() {
        Mentions m = extractor.extract("", "« La famille a changé », a expliqué Claire Dubois au magazine. Selon la spécialiste, "
                + "le prince partage peu avec son épouse Marie Leroy. « Ils suivent des chemins différents », avance-t-elle.");
        Quote last = m.quotes().get(m.quotes().size() - 1);
        assertTrue(last.text().startsWith("Ils suivent"), m.quotes().toString());
        assertEquals("Claire Dubois", last.speaker(), "not Marie Leroy, named as « son épouse »");
    }

    @Test
    void titleCuesOfThePreviousSentenceDoNotMakeAQuoteATitle() {
        Mentions m = extractor.extract("", "« Nous passerons au niveau 4 », a commenté Marc Durand, pour présenter ce concept. "
                + "« Cette voiture vous donnera une idée de l’intérieur »");
        assertEquals(2, m.quotes().size(), m.quotes().toString());
        assertEquals("Marc Durand", m.quotes().get(1).speaker());
    }

    @Test
    void aRoleAsSubjectNamesThePersonOfTheStory() {
        Mentions m = extractor.extract("", "Élu en juin, Paul Garnier avait promis de partir. Le député a répondu au site, "
                + "expliquant que la lettre « n’appelait aucune réponse de sa part ».");
        assertEquals(1, m.quotes().size());
        assertEquals("Paul Garnier", m.quotes().get(0).speaker());
    }

    @Test
    void unknownNamesInAListOfOrganisationsAreOrganisations() {
        Mentions m = extractor.extract("", "Auchan, Carrefour, Brivo et Quelmart ont retiré les produits. "
                + "Des marques comme Sofrel, Nuvia ou Tamaro sont aussi concernées.");
        for (String org : new String[]{"Brivo", "Quelmart", "Sofrel", "Nuvia", "Tamaro"}) {
            assertTrue(m.companies().stream().anyMatch(c -> c.name().equals(org)), org + " in " + m.companies());
        }
    }

    @Test
    void appositionsAndAbbreviationsDefineOrganisations() {
        Mentions m = extractor.extract("", "Le fournisseur de Brivex, une société de conditionnement, est en cause. "
                + "L'entreprise de nuanciers, Tintor, avait créé la couleur. Une patiente du Chug (Centre hospitalier "
                + "universitaire de Grenoble) est morte.");
        assertTrue(m.companies().stream().anyMatch(c -> c.name().equals("Brivex")), m.companies().toString());
        assertTrue(m.companies().stream().anyMatch(c -> c.name().equals("Tintor")), m.companies().toString());
        Company chu = m.companies().stream().filter(c -> c.name().startsWith("Centre hospitalier")).findFirst().orElse(null);
        assertNotNull(chu, m.companies().toString());
        assertTrue(chu.aliases().contains("Chug"), m.companies().toString());
    }

    @Test
    void aModelAfterItsBrandIsNotAnOrganisation() {
        Mentions m = extractor.extract("", "La BMW XM arrive. La BMW XM sera vendue en mars.");
        assertTrue(m.companies().stream().noneMatch(c -> c.name().equals("XM")), m.companies().toString());
    }

    @Test
    void aFamilyCompanyAfterAFirstNameIsASurname() {
        Mentions m = extractor.extract("", "Serge Dassault a dirigé le groupe Dassault pendant des années.");
        assertNotNull(speaker(m, "Serge Dassault"), m.speakers().toString());
    }
}

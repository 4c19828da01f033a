package verbatim.analysis;

import org.junit.jupiter.api.Test;

import java.util.List;

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
    void wordsSaidJointlyWithACounterpartGoToTheSentencesHead() {
        Mentions m = extractor.extract("", "Le sommet s'est tenu mardi. Clément Varenne et son homologue tchadien Ousmane "
                + "Karabali ont affirmé leur volonté d'« agir ensemble contre les trafics ». \n\n« Nous répondrons vite et "
                + "fermement à chaque attaque contre nos soldats », a-t-il ajouté.");
        assertEquals(List.of("Clément Varenne", "Clément Varenne"), m.quotes().stream().map(Quote::speaker).toList());
        assertNotNull(speaker(m, "Ousmane Karabali"));
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
    void presentTenseNewsIncisesAttributeTheQuoteBeforeThem() {
        Mentions m = extractor.extract("", "Le ferry est rentré au port lundi.\n\n"
                + "\"Le moteur a lâché en pleine mer sans prévenir personne\", relate Paul Martin.\n\n"
                + "\"Nous avons dû ramer pendant des heures jusqu'au quai\", rapporte Jeanne Leroy, 34 ans.\n\n"
                + "\"Il faisait nuit noire et le vent soufflait très fort\", s'enthousiasme Marc Durand, 21 ans.\n\n"
                + "« On a cru ne jamais revoir la côte ce soir-là », se souvient Lucie Bernard.\n\n"
                + "« Nous referons la traversée dès le printemps », a pour sa part assuré Hugo Petit.");
        assertEquals(List.of("Paul Martin", "Jeanne Leroy", "Marc Durand", "Lucie Bernard", "Hugo Petit"),
                m.quotes().stream().map(Quote::speaker).toList());
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

    // ------------------------------------------------------------ rules added with the third labelled sample

    @Test
    void interviewWithoutTitleCueIsTheTitlePersonsAnswers() {
        String text = "Comment est né le projet ?\n\nIl est né d’un besoin très simple des agents de terrain.\n\n"
                + "Quelle a été la principale difficulté ?\n\nLe manque de temps, clairement, pendant toute la première année.\n\n"
                + "Retrouvez les autres portraits :\n\n- Portrait #1 : une autre équipe de la série";
        Mentions m = extractor.extract("Paroles d’intrapreneurs #3 : Julie Moreau de la startup Dossier Facile", text);
        assertEquals(2, m.quotes().size(), m.quotes().toString());
        assertTrue(m.quotes().stream().allMatch(q -> q.speaker().equals("Julie Moreau")));
        assertTrue(m.quotes().stream().noneMatch(q -> q.text().contains("?") || q.text().contains("Portrait")),
                "questions and the list of other interviews are not hers");
    }

    @Test
    void questionAndAnswerTurnsBelongToTheInterviewee() {
        String text = "La sociologue Claire Dubois publie une enquête sur le télétravail.\n\n"
                + "Q: Qu’avez-vous observé?\n\nR: Les cadres travaillent plus longtemps qu’avant.\n\n"
                + "Q: Et ensuite?\n\nR: Il faudra fixer des règles claires dans chaque entreprise.";
        Mentions m = extractor.extract("Télétravail : une enquête", text);
        assertEquals(2, m.quotes().size(), m.quotes().toString());
        assertTrue(m.quotes().stream().allMatch(q -> q.speaker().equals("Claire Dubois")));
    }

    @Test
    void aQuotationParagraphSignedOnTheNextLineIsTheSigners() {
        String text = "Le service a été testé dans quatre départements.\n\n"
                + "« Nous avons choisi ces territoires pour leurs différences, et les premiers retours sont très bons. »\n\n"
                + "Marc Lefèvre, chargé de développement du programme\n\nLa phase suivante commence en septembre.";
        Mentions m = extractor.extract("", text);
        assertEquals(1, m.quotes().size(), m.quotes().toString());
        assertEquals("Marc Lefèvre", m.quotes().get(0).speaker());
        assertTrue(m.quotes().get(0).text().startsWith("Nous avons choisi"));
    }

    @Test
    void anAuxiliaryAndAParticipleMakeAnIncise() {
        Mentions m = extractor.extract("", "« Le nouveau président s’est engagé sur ce dossier », a fait valoir Thomas Girard, "
                + "avocat des salariés. « C’est de la folie », s’est indignée Hazel Moreau.");
        assertEquals(2, m.quotes().size(), m.quotes().toString());
        assertEquals("Thomas Girard", m.quotes().get(0).speaker());
        assertEquals("Hazel Moreau", m.quotes().get(1).speaker(), "a name after an incise verb is a person, known first name or not");
    }

    @Test
    void titleAndSurnameIsTheFullNamesPerson() {
        Mentions m = extractor.extract("", "Sophie Binet a été reçue à l’Elysée par Emmanuel\u00a0Macron. Mme Binet a exposé ses "
                + "revendications à M. Macron. « Je me suis adressée à lui avec gravité », confie-t-elle.");
        assertEquals(List.of("Sophie Binet", "Emmanuel Macron"), m.speakers().stream().map(Speaker::name).toList());
        assertEquals("Sophie Binet", m.quotes().get(0).speaker());
    }

    @Test
    void opinionFramesAttributeTheQuoteInTheirSentence() {
        Mentions m = extractor.extract("", "La ministre Agnès Roux a reçu les syndicats. A ses yeux, « on peut parler de "
                + "rupture avec le passé ». Mais, d’après elle, le gouvernement a écarté l’idée d’un référendum.");
        assertEquals(2, m.quotes().size(), m.quotes().toString());
        assertTrue(m.quotes().stream().allMatch(q -> q.speaker().equals("Agnès Roux")));
        assertTrue(m.quotes().get(1).indirect());
    }

    @Test
    void aClosingMarkOpeningTheNextParagraphStillClosesTheQuote() {
        Mentions m = extractor.extract("", "Claire Dubois ajoute : « Le président peut vous faire un long discours.\n\n» "
                + "La visite s’est poursuivie.");
        assertEquals(1, m.quotes().size(), m.quotes().toString());
        assertEquals("Claire Dubois", m.quotes().get(0).speaker());
    }

    @Test
    void aRepeatedHeadlineIsNoInterviewTurn() {
        String text = "Jacques Martin : l’anecdote de son ancien ministre\n\nSon ancien ministre raconte une escapade à la plage. "
                + "« Il me dit que son épouse va nous rejoindre », a-t-il révélé sur BFMTV.";
        Mentions m = extractor.extract("Jacques Martin : l’anecdote de son ancien ministre", text);
        assertTrue(m.quotes().stream().noneMatch(q -> q.text().contains("escapade")), m.quotes().toString());
    }

    @Test
    void modelNamesAfterABrandAreNotPeople() {
        Mentions m = extractor.extract("", "L’Aston Martin Valkyrie et la Lotus Mark I sont exposées. Ariel Motor Company présente "
                + "aussi un modèle, comme l’Elise Sport, selon New York Motors.");
        assertTrue(m.speakers().isEmpty(), m.speakers().toString());
    }

    @Test
    void continuingIncisesStayWithTheLastSpeaker() {
        Mentions m = extractor.extract("", "« Nous sommes en désaccord », a déclaré Dmitri Peskov, porte-parole du président "
                + "Vladimir Poutine.\n\n« Comment peut-on parler d’empoisonnement ? », a-t-il ajouté.");
        assertEquals(2, m.quotes().size(), m.quotes().toString());
        assertTrue(m.quotes().stream().allMatch(q -> q.speaker().equals("Dmitri Peskov")));
    }

    @Test
    void portfoliosAndTheStateAreNotOrganisations() {
        Mentions m = extractor.extract("", "Le ministre de l’Intérieur Christophe Castaner et le chef de l’État se sont rendus "
                + "à Lyon avec la ministre de la Santé.");
        assertTrue(m.companies().isEmpty(), m.companies().toString());
    }

    @Test
    void aSentenceEndingOnSelonAndANameIsThatPersonsReportedSpeech() {
        Mentions m = extractor.extract("", "Le porte-parole du parc, Julien Perrin, a été joint par téléphone. Des habitants ont "
                + "affirmé que l’animal avait été empoisonné, selon M. Perrin. La police enquête, selon la préfecture.");
        assertEquals(1, m.quotes().size(), m.quotes().toString());
        assertEquals("Julien Perrin", m.quotes().get(0).speaker());
        assertTrue(m.quotes().get(0).indirect());
        assertTrue(m.quotes().get(0).text().startsWith("Des habitants"));
    }

    private static List<String> quotes(Mentions m) {
        return m.quotes().stream().map(q -> q.speaker() + " <- " + q.text()).toList();
    }

    @Test
    void shortQuotesNeedASpeechVerbAndANamedSpeakerRightThere() {
        Mentions m = extractor.extract("", "Le designer Paul Verdier s’est dit « très fier » du résultat. La crise est une "
                + "« ligne rouge », a prévenu Marie Dubois. Le salon a choisi le thème « demain » pour cette année.");
        assertEquals(List.of("Paul Verdier <- très fier", "Marie Dubois <- ligne rouge"), quotes(m));
    }

    @Test
    void scareQuotesNicknamesAndListedTitlesAreNotQuotes() {
        Mentions m = extractor.extract("", "Le « made in France » séduit les jeunes acheteurs, explique Jean Morel. Avec son "
                + "complice Paul Verdier, dit « Yeux bleus », il a volé des bijoux. Marie Dubois a présenté : « Une nuit au "
                + "musée », « Le cœur des villes » ou « En vol avec les oiseaux ». Elle anime « Les matins du monde » ou le "
                + "« Grand journal du soir », dit Marie Dubois.");
        assertEquals(List.of(), quotes(m));
    }

    @Test
    void aRoleInAnInciseInsideTheQuoteIsThePersonIntroducedWithIt() {
        Mentions m = extractor.extract("", "Le journaliste Paul Verdier lance un podcast avec Marie Dubois. « Nous ne nous "
                + "étions pas vus depuis longtemps, rappelle ainsi le journaliste. Nous avons travaillé ensemble. »");
        assertEquals(List.of("Paul Verdier <- Nous ne nous étions pas vus depuis longtemps, rappelle ainsi le journaliste. "
                + "Nous avons travaillé ensemble."), quotes(m));
        Mentions nobody = extractor.extract("", "Paul Verdier lance un podcast. « Nous ne nous étions pas vus depuis "
                + "longtemps, rappelle ainsi le journaliste. »");
        assertEquals(List.of(), quotes(nobody), "no one was introduced as the journalist: no speaker rather than a guess");
    }

    @Test
    void aQuoteGoesOnIntoTheNextParagraph() {
        Mentions m = extractor.extract("", "« Ils m’ont dit qu’ils étaient surpris, raconte Chloé Martin, interrogée par un "
                + "journal local.\n\nIls n’avaient jamais vu ça. » Le bébé va bien.");
        assertEquals(1, m.quotes().size(), quotes(m).toString());
        assertEquals("Chloé Martin", m.quotes().get(0).speaker());
        assertTrue(m.quotes().get(0).text().endsWith("Ils n’avaient jamais vu ça."), m.quotes().get(0).text());
    }

    @Test
    void paragraphsAnnouncedByASpeakerAndAColonAreTheirs() {
        Mentions m = extractor.extract("", "Le projet a réussi, comme en témoigne Paul Verdier, chef du service des espaces "
                + "verts :\n\nLe projet n’aurait pas vu le jour sans cette application web.\n\nUn vrai partenariat s’est "
                + "installé avec toute l’équipe.\n\nLa suite ?\n\nÉcrivez-nous pour participer au programme de la ville.");
        assertEquals(List.of("Paul Verdier <- Le projet n’aurait pas vu le jour sans cette application web.",
                "Paul Verdier <- Un vrai partenariat s’est installé avec toute l’équipe."), quotes(m));
    }

    @Test
    void aQuoteOpeningTheSentenceAfterASpeechVerbIsItsSubjects() {
        Mentions m = extractor.extract("", "Paul Verdier aime l’Afrique. Il l’a une nouvelle fois réaffirmé. « Ce continent "
                + "pourrait penser d’abord à lui. »");
        assertEquals(List.of("Paul Verdier <- Ce continent pourrait penser d’abord à lui."), quotes(m));
    }

    @Test
    void aQuoteEndingItsSentenceTakesNoSpeechVerbFromTheNext() {
        Mentions m = extractor.extract("", "Paul Verdier a détaillé l’événement : « Nous irons à Abidjan. » Comme le rappelle "
                + "Marie Dubois, ce n’est pas une première.");
        assertEquals(List.of("Paul Verdier <- Nous irons à Abidjan."), quotes(m));
    }

    @Test
    void surnamesThatAreRoleWordsRanksAndABrandBeforeAFirstName() {
        Mentions m = extractor.extract("", "Jeanne Le Maire a présenté son plan. Le colonel Durand a ouvert une enquête. "
                + "La présentatrice de TF1 Julie Moreau était là.");
        List<String> names = m.speakers().stream().map(Speaker::name).toList();
        assertEquals(List.of("Jeanne Le Maire", "Durand", "Julie Moreau"), names);
    }

    @Test
    void twoNamesWithNoCommaBetweenThemAreTwoPeople() {
        Mentions m = extractor.extract("", "Sur la photo, Emmanuel Macron Édouard Philippe et Marine Le Pen sourient.");
        assertEquals(List.of("Emmanuel Macron", "Édouard Philippe", "Marine Le Pen"), m.speakers().stream().map(Speaker::name).toList());
    }

    @Test
    void firstNamesLearnedFromTheCorpusNamePeopleWithoutAnyCue() {
        Mentions m = extractor.extract("", "Hier soir, Rayshard Brooks et Kyriakos Papadopoulos marchaient dans la rue.");
        assertEquals(List.of("Rayshard Brooks", "Kyriakos Papadopoulos"), m.speakers().stream().map(Speaker::name).toList());
    }

    @Test
    void aRoleAloneNamesThePersonTheArticleIntroducedWithIt() {
        assertEquals(List.of("Emmanuel Macron <- Nous ne céderons rien"), quotes(extractor.extract("", "Le président Emmanuel "
                + "Macron était à Lyon avec Paul Verdier. « Nous ne céderons rien », a martelé le chef de l’État.")));
        assertEquals(List.of("Édouard Philippe <- Nous ne céderons rien"), quotes(extractor.extract("", "Le Premier ministre "
                + "Édouard Philippe était à Lyon. « Nous ne céderons rien », a affirmé le chef du gouvernement.")));
        Mentions reported = extractor.extract("", "La ministre de la Santé Agnès Buzyn était à Lyon avec Paul Verdier. Selon la "
                + "ministre, la situation reste grave.");
        assertEquals(List.of("Agnès Buzyn <- la situation reste grave"), quotes(reported));
        assertTrue(reported.quotes().get(0).indirect());
    }

    @Test
    void aRoleNoOneWasIntroducedWithGivesNoSpeaker() {
        for (String text : List.of(
                "Emmanuel Macron était à Lyon. « Nous ne céderons rien », a martelé le chef de l’État.",
                // (the role alone: "le président sud-coréen Moon Jae-in" names its speaker, a person the finder knows)
                "Un message du président américain Donald Trump a été lu. « La guerre a fait ce que nous sommes », a déclaré "
                        + "le président sud-coréen.",
                "Le président turc Recep Tayyip Erdogan soutient Tripoli. Le président français a également dit « vouloir "
                        + "tordre le cou à une idée fausse ».",
                "Maître Paul Verdier est l’avocat de Marc Joulaud. Selon l’avocat, les infractions devraient être jugées autrement.",
                "Le ministre de l’Intérieur Christophe Castaner est visé. « Pourquoi n’y a-t-il pas eu d’intervention ? », a "
                        + "déclaré l’ancien ministre.",
                "Le Premier ministre Édouard Philippe a parlé. Selon la ministre, le pic est attendu en juillet.")) {
            assertEquals(List.of(), quotes(extractor.extract("", text)), text);
        }
    }

    @Test
    void aRelativeNamedAfterTheSpeechVerbIsTheSpeaker() {
        assertEquals(List.of("Karim Benali <- C’est de la folie, je ne peux pas le supporter"), quotes(extractor.extract("",
                "La famille était là. « C’est de la folie, je ne peux pas le supporter », a déclaré son neveu Karim Benali.")));
        // before a pronoun, "son frère X" still is not the one who speaks
        assertEquals(List.of("Paul Martin <- Nous irons jusqu’au bout"), quotes(extractor.extract("",
                "Paul Martin a rejoint son frère Luc Martin. « Nous irons jusqu’au bout », a-t-il dit.")));
    }

    @Test
    void aNameInsideAQuotationDoesNotSpeakTheNextOne() {
        assertEquals(List.of("Claire Morel <- tentative de tuer Jacques une seconde fois", "Claire Morel <- salissant son image"),
                quotes(extractor.extract("", "Jacques Dupuis est mort en mai. L’avocate Claire Morel a dénoncé une « tentative "
                        + "de tuer Jacques une seconde fois » en « salissant son image ».")));
    }

    @Test
    void listedNamesAndObjectsOfAnInfinitiveAreNotTheIlWhoSpeaks() {
        assertEquals(List.of("Paul Verdier <- Je paie la cotisation au groupe", "Paul Verdier <- ne rentrait pas dans le débat"),
                quotes(extractor.extract("", "Paul Verdier a appelé à soutenir Marc Leroy. Il siège au groupe. « Je paie la "
                        + "cotisation au groupe », a-t-il indiqué. Interrogé sur le congrès, qui voit s’affronter Luc Besnard, "
                        + "Jean Morel et Henri Blanc, il a précisé qu’il « ne rentrait pas dans le débat ».")));
        // a verb with no "à" or "de" before it: the name may well be the one who goes on speaking
        assertEquals(List.of("Paul Verdier <- Je reste ici jusqu’au bout"), quotes(extractor.extract("",
                "Marie Leroy est venue voir Paul Verdier. « Je reste ici jusqu’au bout », a-t-il ajouté.")));
    }

    @Test
    void anUnattributedQuotationOpeningItsSentenceGoesWithTheNextAttributedOne() {
        assertEquals(List.of("Karine Lacombe <- Ce qu’il faut retenir de l’étude, c’est la mortalité",
                        "Karine Lacombe <- Nous en France, la mortalité était faible"),
                quotes(extractor.extract("", "« Ce qu’il faut retenir de l’étude, c’est la mortalité » chez les patients. "
                        + "« Nous en France, la mortalité était faible », a affirmé Karine Lacombe.")));
        // someone else said to speak in between: the first is not hers
        assertEquals(List.of("Karine Lacombe <- Nous en France, la mortalité était faible"),
                quotes(extractor.extract("", "« Ce qu’il faut retenir de l’étude, c’est la mortalité » chez les patients, "
                        + "ont répondu les chercheurs. « Nous en France, la mortalité était faible », a affirmé Karine Lacombe.")));
    }

    @Test
    void aDescriptionThenACommaIntroducesAnUnknownName() {
        Mentions m = extractor.extract("", "« Personne n’a le droit de pardonner à ses meurtriers », a tweeté la fiancée, "
                + "Hatice Cengiz. « Tout le monde sait qu’il n’y a ni justice ni liberté », a-t-elle ajouté.");
        assertNotNull(speaker(m, "Hatice Cengiz"));
        assertEquals(List.of("Hatice Cengiz <- Personne n’a le droit de pardonner à ses meurtriers",
                "Hatice Cengiz <- Tout le monde sait qu’il n’y a ni justice ni liberté"), quotes(m));
    }

    @Test
    void aRoleNoOneWasIntroducedWithIsTheSpeakerGoingOnOrTheOnePersonJustNamed() {
        assertEquals(List.of("Gaël Faye <- J’ai écrit ce livre pour mes enfants", "Gaël Faye <- Le film m’a vraiment ébranlé"),
                quotes(extractor.extract("", "« J’ai écrit ce livre pour mes enfants », explique Gaël Faye. Il sort un film."
                        + "\n\n« Le film m’a vraiment ébranlé », dit encore le chanteur.")));
        assertEquals(List.of("Agnès Buzyn <- La position du gouvernement sera rendue publique"), quotes(extractor.extract("",
                "Agnès Buzyn était l’invitée de RTL mercredi. « La position du gouvernement sera rendue publique », a "
                        + "déclaré la ministre.")));
        // two people named: which one is "la ministre" the text does not say
        assertEquals(List.of(), quotes(extractor.extract("", "Agnès Buzyn et Marlène Schiappa étaient à Lyon. « La position "
                + "du gouvernement sera rendue publique », a déclaré la ministre.")));
    }

    @Test
    void aQuotationParagraphGoesOnWithTheSpeakerOfTheParagraphBefore() {
        String before = "Les arômes sont « vraiment rares », selon Maxime Haure.\n\n";
        assertEquals(List.of("Maxime Haure <- vraiment rares", "Maxime Haure <- Pour l’instant, c’est le raisin, mais il y a "
                        + "des arômes cachés dans énormément de fruits et de légumes"),
                quotes(extractor.extract("", before + "« Pour l’instant, c’est le raisin, mais il y a des arômes cachés dans "
                        + "énormément de fruits et de légumes »\n\nLa suite.")));
        // a short line in quotation marks is a subheading
        assertEquals(List.of("Maxime Haure <- vraiment rares"), quotes(extractor.extract("", before
                + "« Une comparaison infâme pour les chameaux »\n\nLa suite.")));
    }

    @Test
    void aQuotationAfterAColonIsNotOfThePersonItAddresses() {
        assertEquals(List.of(), quotes(extractor.extract("", "Les internautes ont salué David Ginola. On a pu lire sur la "
                + "toile : « Un vrai bonheur et quelle empathie avec les candidats. Bravo David »")));
    }

    @Test
    void aPartyAcronymBeforeAFullNameIsAnAffiliation() {
        Mentions m = extractor.extract("", "« Ce n’est pas de l’obstruction, nous faisons notre job », s’est défendu le président "
                + "du groupe LR Christian Jacob.");
        assertEquals(List.of("Christian Jacob <- Ce n’est pas de l’obstruction, nous faisons notre job"), quotes(m));
        assertTrue(m.companies().stream().anyMatch(c -> c.name().equals("LR")), m.companies().toString());
    }

    @Test
    void theIlOfAQueClauseIsNotWhoSpeaks() {
        assertEquals(List.of(), quotes(extractor.extract("", "Paul Verdier a été entendu. Le ministère a indiqué qu’il étudiait "
                + "« les mesures susceptibles d’être prises »")));
        assertEquals(List.of("Paul Verdier <- les mesures susceptibles d’être prises"), quotes(extractor.extract("", "Paul "
                + "Verdier a été entendu. Interrogé, il a indiqué qu’il étudiait « les mesures susceptibles d’être prises »")));
    }

    // ------------------------------------------------------------ rules added with the fourth tuning sample (tuning 4)

    @Test
    void aTitleQuoteIsKeptWithNegativeOffsetsUnlessTheBodyQuotesIt() {
        String title = "Budget : pour Hélène Garnier, « la rigueur est une obligation »";
        Mentions m = extractor.extract(title, "La maire de Lunéville présente son budget. Les taxes ne bougent pas.");
        assertEquals(1, m.quotes().size(), m.quotes().toString());
        Quote q = m.quotes().get(0);
        assertEquals("Hélène Garnier", q.speaker());
        assertTrue(q.start() < 0 && q.end() < 0, "a title quote is not in the text");
        assertEquals(q.text(), title.substring(q.start() + title.length() + 2, q.end() + title.length() + 2));

        Mentions repeated = extractor.extract(title, "« Pour nous, la rigueur est une obligation », a expliqué Hélène Garnier.");
        assertEquals(1, repeated.quotes().size(), "the headline repeats the body's quote: " + repeated.quotes());
        assertTrue(repeated.quotes().get(0).start() >= 0);
    }

    @Test
    void interviewTurnsLabelledWithAFirstNameAlone() {
        String text = "Le projet, c’est quoi ?\n\nJulie : Un catalogue ouvert des collections de nos musées.\n\n"
                + "Marc : Nous avons repris un outil qui ne fonctionnait plus depuis des années.\n"
                + "Comment travaillez-vous avec les musées ?\n\nMarc : Nous allons les voir un par un, patiemment.\n\n"
                + "Capture de la page d’accueil du catalogue\n\nJulie : Chacun peut y verser ses données désormais.";
        Mentions m = extractor.extract("Un catalogue pour tous", text);
        assertEquals(4, m.quotes().size(), m.quotes().toString());
        assertEquals(List.of("Julie", "Marc", "Marc", "Julie"), m.quotes().stream().map(Quote::speaker).toList());
        assertTrue(m.quotes().stream().noneMatch(q -> q.text().contains("?") || q.text().contains("Capture")),
                "unlabelled questions and captions between turns are not answers");
        assertNotNull(speaker(m, "Julie"));
    }

    @Test
    void quotationsOfOneSentenceShareTheSpeakerOfTheNearestAttributedOne() {
        Mentions m = extractor.extract("", "Ce texte constitue « un vrai danger » pour les libraires « car il supprime les petits éditeurs », "
                + "a déclaré Claire Fontaine. Il faut évoquer le « soutien brutal » de l'État, a-t-elle ajouté.");
        assertTrue(m.quotes().stream().anyMatch(q -> q.text().equals("un vrai danger") && q.speaker().equals("Claire Fontaine")),
                m.quotes().toString());
        assertTrue(m.quotes().stream().anyMatch(q -> q.text().startsWith("car il supprime") && q.speaker().equals("Claire Fontaine")));

        Mentions colon = extractor.extract("", "Elle visite le site retenu par le « loto du patrimoine », et Claire Fontaine semble "
                + "à l'aise : « C'est le lieu où je dois être. »");
        assertTrue(colon.quotes().stream().noneMatch(q -> q.text().contains("loto")), "a colon announces only what follows it: " + colon.quotes());
    }

    @Test
    void theIncisEndingTheSentenceGivesItsQuotationsTheirSpeaker() {
        String text = "Les fouilles ont repris, a annoncé le procureur de la République de Nancy, Jean Vidal.\n\n"
                + "Les documents ont été retrouvés « presque intacts » dans le coffre, a annoncé jeudi Jean Vidal.\n\n"
                + "« La plupart des pièces, ainsi que les carnets » ont été retrouvés là où, la veille, un coffre avait été "
                + "découvert, a précisé le procureur.";
        Mentions m = extractor.extract("", text);
        assertEquals(List.of("presque intacts", "La plupart des pièces, ainsi que les carnets"), m.quotes().stream().map(Quote::text).toList());
        assertTrue(m.quotes().stream().allMatch(q -> q.speaker().equals("Jean Vidal")));

        Mentions other = extractor.extract("", "Les restes ont été découverts grâce à Paul Martin, qui a admis avoir agi « involontairement » cette "
                + "nuit-là, a annoncé Jean Vidal.");
        assertTrue(other.quotes().stream().noneMatch(q -> q.speaker().equals("Jean Vidal")), "the quote has its own speech verb: " + other.quotes());
    }

    @Test
    void shortQuotesFramedByASpeakerCountFromFourLetters() {
        Mentions m = extractor.extract("", "Paul Martin s'est dit « ravi » du résultat. Sophie Leroy a pris la parole dimanche. "
                + "Elle avait qualifié « d'inacceptables » les sifflets.");
        assertEquals(List.of("ravi", "d'inacceptables"), m.quotes().stream().map(Quote::text).toList());
        assertEquals(List.of("Paul Martin", "Sophie Leroy"), m.quotes().stream().map(Quote::speaker).toList());
    }

    @Test
    void deBeforeWordsInLowerCaseAndACueAfterDeIntroduceSpeech() {
        Mentions m = extractor.extract("", "La loi permet aux juges de « contourner les règles habituelles », selon l'avocat Marc Petit. "
                + "Le texte menace la liberté d'expression « car il pénalise l'information », a déclaré Claire Fontaine. "
                + "Marc Petit a signé la préface de « Les Règles du jeu », sorti en mai.");
        assertEquals(List.of("Marc Petit", "Claire Fontaine"), m.quotes().stream().map(Quote::speaker).toList(), m.quotes().toString());
    }

    @Test
    void theSubjectOfAReportingVerbSpeaksNotThePersonOfItsQueClause() {
        Mentions m = extractor.extract("", "Paul Martin estime que Jacques Durand « tourne le dos à ses électeurs ». "
                + "L'animatrice Julie Roux, qui a reçu Marc Petit dans son émission, a affirmé que le couple était uni.");
        assertEquals(2, m.quotes().size(), m.quotes().toString());
        assertEquals("Paul Martin", m.quotes().get(0).speaker());
        assertEquals("Julie Roux", m.quotes().get(1).speaker(), "a name in a relative clause does not report");
    }

    @Test
    void newsRolesNameThePersonOfTheParagraph() {
        String text = "Une voyante, Sophie Leroy, affirme être sa fille.\n\nUne nouvelle qui n'a pas surpris Claire Fontaine, "
                + "l'ancienne muse du peintre. « Il ne pouvait pas avoir d'enfant », révèle la chanteuse dans un entretien. "
                + "« Le site a sauvé nos films », confirme la réalisatrice Zorvanka Itembe à Kano.";
        Mentions m = extractor.extract("", text);
        assertEquals(2, m.quotes().size(), m.quotes().toString());
        assertEquals("Claire Fontaine", m.quotes().get(0).speaker());
        assertEquals("Zorvanka Itembe", m.quotes().get(1).speaker(), "a role then a name introduces that name");
    }

    @Test
    void aReflexiveLanceIsNoSpeechVerb() {
        Mentions m = extractor.extract("", "Paul Martin se lance dans une thèse pour « libérer les arômes cachés » du marc de raisin.");
        assertTrue(m.quotes().isEmpty(), m.quotes().toString());
    }

    @Test
    void aSurnameKnownAloneIsThatPersonInAFullerForm() {
        Mentions m = extractor.extract("", "M. Ramirez a présenté le décret. « Les citoyens devront faire attention à ce qu'ils publient », "
                + "a déclaré lundi le ministre de la Présidence, Zorvan Ramirez.");
        assertEquals(1, m.quotes().size(), m.quotes().toString());
        // One person, named by the fullest form the article gives (the titled surname is completed by it).
        assertEquals("Zorvan Ramirez", m.quotes().get(0).speaker());
        assertEquals(List.of("Zorvan Ramirez"), m.speakers().stream().map(Speaker::name).toList());
    }

    @Test
    void aDoctorsTitleWithoutAPeriodNamesThemAndAnUnnamedSpeakerKeepsThePronoun() {
        String text = "« C'est du pillage ! », s'est exclamé le Dr Kwame Asante.\n\n"
                + "« Nous pouvons aussi être victimes de la police », a expliqué une femme médecin.\n\n"
                + "« Quand ils nous voient, ils ne voient pas des médecins », dit-elle.";
        Mentions m = extractor.extract("", text);
        assertEquals(1, m.quotes().size(), m.quotes().toString());
        assertEquals("Kwame Asante", m.quotes().get(0).speaker());
    }

    @Test
    void aDemonstrativeRoleAndAnInvertedExclaimNameTheSpeaker() {
        String text = "Le Dr Kwame Asante soigne des malades depuis trois mois.\n\n"
                + "« Tous les jours, nous voyons les effets du racisme », dit ce médecin de 26 ans.\n\n"
                + "« C'est du pillage ! », s'est-il exclamé devant l'hôpital.";
        Mentions m = extractor.extract("", text);
        assertEquals(2, m.quotes().size(), m.quotes().toString());
        assertTrue(m.quotes().stream().allMatch(q -> q.speaker().equals("Kwame Asante")));
    }

    @Test
    void namesPassivesAndApposedNamesStayOutOfAttribution() {
        Mentions m = extractor.extract("", "Paul Martin, souvent qualifié de « président des patrons », présentera son plan lundi. "
                + "Après la « Marée citoyenne », Claire Fontaine a estimé que « les manifestants doivent rester calmes ».\n\n"
                + "Jacques Durand a été vu samedi. Le préfet de la Loire, Claude de Vries, a interdit le rassemblement, "
                + "expliquant qu'il ne voulait pas que des « casseurs gâchent le moment de recueillement ».");
        assertEquals(List.of("les manifestants doivent rester calmes", "casseurs gâchent le moment de recueillement"),
                m.quotes().stream().map(Quote::text).toList(), m.quotes().toString());
        assertEquals(List.of("Claire Fontaine", "Claude de Vries"), m.quotes().stream().map(Quote::speaker).toList(),
                "the prefect is the one named after his role, not the last man named");
    }

    @Test
    void aShortQuotationEndingTheObjectOfASpeechVerbIsTheSubjects() {
        Mentions m = extractor.extract("", "La directrice juridique de Valmont, Hélène Carpin, a jugé cette décision « totalement injuste » "
                + "et fera appel. Marc Lenoir avait confirmé la perte de « plusieurs » colis. Marc Lenoir a présenté le "
                + "« Pass Rapide ». Alors que Claire Roux a reconnu une « erreur grave », Valmont a annoncé avoir lancé une "
                + "« enquête interne ». Marc Lenoir a qualifié la réforme de « honteuse ». Marc Lenoir a expliqué le concept "
                + "de « slow food ».");
        assertEquals(List.of("Hélène Carpin <- totalement injuste", "Marc Lenoir <- plusieurs", "Claire Roux <- erreur grave",
                "Marc Lenoir <- honteuse"), quotes(m), "a name after a definite article and another subject's object are no quotes");
    }

    @Test
    void aFragmentInASentenceWhoseSubjectIsAPersonIsThatPersonsWords() {
        Mentions m = extractor.extract("", "Paul Martin a longtemps navigué sur les cargos du Nord.\n\n"
                + "Aujourd'hui, il assume sa « lassitude » et cherche un métier « qui ait du sens ». "
                + "Claire Roux se considère comme « doublement trahie » par la direction.\n\n"
                + "Marc Lenoir a été condamné pour « abus de biens sociaux ». "
                + "Marc Lenoir a dit que son avocat jugeait la peine « excessive ».");
        assertEquals(List.of("Paul Martin <- lassitude", "Paul Martin <- qui ait du sens", "Claire Roux <- doublement trahie"),
                quotes(m), "a charge and a \"que\" clause give no fragment to the subject");
    }

    @Test
    void plainPersonNounsInTheInciseNameTheOnePersonBefore() {
        Mentions m = extractor.extract("", "Jeanne Morel a tout perdu dans l'incendie.\n\n"
                + "« Je ne reviendrai pas ici », dit cette femme de 70 ans.\n\n"
                + "Le docteur Paul Garnier l'a opérée. « Deux jours de plus et c'était trop tard », confie le chirurgien.");
        assertEquals(List.of("Jeanne Morel <- Je ne reviendrai pas ici", "Paul Garnier <- Deux jours de plus et c'était trop tard"),
                quotes(m));
    }

    @Test
    void imperfectVerbsAndRolesPastTheAddresseeNameTheSpeaker() {
        Mentions m = extractor.extract("", "Karim Belhadj, correspondant régional du réseau, a examiné l'animal.\n\n"
                + "« Rien ne prouve une mutilation volontaire », a expliqué à l'AFP le correspondant.\n\n"
                + "« Il est difficile de prévoir qui guérira vite », observait l'infectiologue Nadia Ferrand dimanche.");
        assertEquals(List.of("Karim Belhadj <- Rien ne prouve une mutilation volontaire",
                "Nadia Ferrand <- Il est difficile de prévoir qui guérira vite"), quotes(m));
    }

    @Test
    void whoAnswersIsNotWhoAsked() {
        Mentions m = extractor.extract("", "« Viendrez-vous à la réunion de demain ? », a lancé Paul Martin au visiteur. "
                + "« Bien sûr, si je suis invité comme il se doit », lui a répondu le diplomate.");
        assertEquals(List.of("Paul Martin <- Viendrez-vous à la réunion de demain ?"), quotes(m));
    }

    @Test
    void straightQuotesRunOnIntoTheNextParagraph() {
        Mentions m = extractor.extract("", "\"Nous avons fermé deux jours pour tout nettoyer.\n\nEt les clients reviennent déjà\", "
                + "assure Julie Caron, porte-parole de Valmont.");
        assertEquals(List.of("Julie Caron <- Nous avons fermé deux jours pour tout nettoyer.\n\nEt les clients reviennent déjà"), quotes(m));
    }

    @Test
    void termsQuotedOftenOrGlossedAreNoOnesWords() {
        Mentions m = extractor.extract("", "Le « tanka » plaît encore. Selon Claire Mori, chercheuse, l'attrait du « tanka » vient "
                + "de loin, où « la forme compte plus que le sens ». Dans le « haiku » (poème court), « chaque syllabe est "
                + "pesée avec soin », explique-t-elle. Le « tanka » se vend bien.");
        assertEquals(List.of("Claire Mori <- la forme compte plus que le sens", "Claire Mori <- chaque syllabe est pesée avec soin"),
                quotes(m));
    }

    @Test
    void aSentenceNamingNoOneGoesOnWithTheLastSpeaker() {
        Mentions m = extractor.extract("", "« C'était la mode des grands yeux », raconte Akiko Mori. Depuis 2011, « la technique "
                + "permet de lisser la peau » pour un visage « plus doux et plus fin ».\n\n"
                + "« Tout le monde en voulait une », raconte Akiko Mori. De son côté, l'ONG Valmont a évoqué « une tendance de "
                + "fond très nette ».\n\n« Les ventes repartent enfin », raconte Akiko Mori. Le groupe prévoit « une hausse "
                + "de dix pour cent ».");
        assertEquals(List.of("Akiko Mori <- C'était la mode des grands yeux", "Akiko Mori <- la technique permet de lisser la peau",
                "Akiko Mori <- plus doux et plus fin", "Akiko Mori <- Tout le monde en voulait une",
                "Akiko Mori <- Les ventes repartent enfin"), quotes(m));
    }

    @Test
    void theSubjectPronounSpeaksNotTheNamedObject() {
        Mentions m = extractor.extract("", "Marc Lenoir entre alors en scène. Dans une réponse ironique, il a fustigé Paul Martin. "
                + "« Votre comparaison est indigne d'un élu de la République. »");
        assertEquals(List.of("Marc Lenoir <- Votre comparaison est indigne d'un élu de la République."), quotes(m));
        m = extractor.extract("", "Ce proche du ministre a traité Jean Dubois d'« ingrat ». « Il a oublié tout ce que nous "
                + "avons fait pour lui », a-t-il expliqué.");
        assertEquals(List.of(), quotes(m), "the one called an ingrate says nothing");
    }

    @Test
    void aRoleAfterAnOpeningPhraseAndAnOrganisationGoingOn() {
        Mentions m = extractor.extract("", "Le comédien Karim Belhadj croise Paul Martin sur un plateau. Après un premier "
                + "échange, le comédien ironise : « Tu devrais vraiment changer de métier. »\n\n"
                + "« Nous appelons chaque magasin un par un », a réagi Paul Martin. « Le groupe ne peut rien confirmer pour "
                + "l'instant », a encore indiqué le groupe.");
        assertEquals(List.of("Karim Belhadj <- Tu devrais vraiment changer de métier.",
                "Paul Martin <- Nous appelons chaque magasin un par un"), quotes(m));
    }

    @Test
    void selonInTheLeadReportsNoOneAndAFramingRoleIsTheOnePersonJustNamed() {
        Mentions m = extractor.extract("", "La molécule, selon des résultats publiés mardi par des chercheurs, est « déjà utilisée à "
                + "grande échelle » dans les hôpitaux, a indiqué mercredi l'infectiologue Nadia Ferrand.\n\n"
                + "Claire Roux dirige le syndicat depuis mars. Pour la syndicaliste, il n'existe qu'une voie pour « apaiser la "
                + "colère des salariés ».");
        assertEquals(List.of("Nadia Ferrand <- déjà utilisée à grande échelle", "Claire Roux <- apaiser la colère des salariés"),
                quotes(m));
    }

    @Test
    void aWatchwordIsNoQuote() {
        Mentions m = extractor.extract("", "« Nous serons là jusqu'au bout de la nuit », a expliqué Claire Roux. Un rassemblement est "
                + "prévu jeudi avec le mot d'ordre : « Pas de fermeture sans concertation ».");
        assertEquals(List.of("Claire Roux <- Nous serons là jusqu'au bout de la nuit"), quotes(m));
    }

    @Test
    void aPronounAfterANameTheFinderDoesNotKnowNamesNoOneKnown() {
        Mentions m = extractor.extract("", "La gouverneure Claire Roux a déploré des dégâts « sans précédent ».\n\n"
                + "Zyrtha Qwellon, une habitante du village, a fui les flammes. « Le feu était des deux côtés de la route », "
                + "a-t-elle raconté.");
        assertTrue(quotes(m).contains("Claire Roux <- sans précédent"), quotes(m).toString());
        assertTrue(m.quotes().stream().noneMatch(q -> q.speaker().equals("Claire Roux") && q.text().startsWith("Le feu")),
                "the pronoun is the unknown woman's, not the governor's: " + quotes(m));
    }

    @Test
    void promisesAndDemandsAreWordsSaid() {
        Mentions m = extractor.extract("", "Paul Martin a promis de « tout faire pour sauver l'usine ». Claire Roux a réclamé « une "
                + "enquête vraiment indépendante ». « Tout ira bien demain », dixit Jacques Durand.");
        assertEquals(List.of("Paul Martin <- tout faire pour sauver l'usine", "Claire Roux <- une enquête vraiment indépendante",
                "Jacques Durand <- Tout ira bien demain"), quotes(m));
    }

    @Test
    void framesAfterMaisOrEnCroireAndShortQuotesBeforeAPronounIncise() {
        Mentions m = extractor.extract("", "Mais pour Paul Martin, « rien n'est encore joué dans ce dossier ». A en croire Claire "
                + "Roux, « la décision tombera avant l'été ».\n\nJacques Durand était furieux. « C'est inadmissible », juge-t-il.");
        assertEquals(List.of("Paul Martin <- rien n'est encore joué dans ce dossier", "Claire Roux <- la décision tombera avant l'été",
                "Jacques Durand <- C'est inadmissible"), quotes(m));
    }

    @Test
    void aProfessionAfterTheVerbNamesThePersonJustIntroduced() {
        Mentions m = extractor.extract("", "Léa Morvan étudie les glaciers des Alpes depuis vingt ans.\n\n"
                + "« La fonte s'accélère partout », dit la scientifique à l'AFP.");
        assertEquals(List.of("Léa Morvan <- La fonte s'accélère partout"), quotes(m));
        m = extractor.extract("", "Paul Verdan quitte la direction du groupe.\n\n« Il faut renouveler les équipes », a justifié l'intéressé.");
        assertEquals(List.of("Paul Verdan <- Il faut renouveler les équipes"), quotes(m));
    }

    @Test
    void theSubjectSpeaksNotWhomItsRelativeClauseNamesAndAJointStatementIsTheFirstNamed() {
        Mentions m = extractor.extract("", "La maire Claire Roux, qui s'est rendue sur place avec le préfet Paul Martin, a affirmé sa « volonté "
                + "de tout reconstruire très vite ».\n\nLe président Jacques Durand et le Premier ministre belge Anne Lemoine ont exprimé leur « soutien "
                + "total aux habitants ».");
        assertEquals(List.of("Claire Roux <- volonté de tout reconstruire très vite", "Jacques Durand <- soutien total aux habitants"), quotes(m));
    }

    @Test
    void aPronounWhoseOnlyAgreeingNameIsANounsComplementStaysUnattributed() {
        Mentions m = extractor.extract("", "Ses mélanges de styles ont valu à cet admirateur de Paul Martin bien des critiques.\n\n"
                + "« Pourquoi un musicien devrait-il jouer une seule musique ? », disait-il en 1990.");
        assertEquals(List.of(), quotes(m), "the pronoun is the unnamed admirer's, not Paul Martin's");
        m = extractor.extract("", "À écouter Paul Martin, le patron de la marque, tout ira bien. « Nous devons chercher d'autres "
                + "solutions, explique-t-il dans un communiqué, pour réduire la pollution. »");
        assertEquals(1, m.quotes().size(), quotes(m).toString());
        assertEquals("Paul Martin", m.quotes().get(0).speaker(), "an infinitive's object may still be the one who speaks");
    }

    @Test
    void selonInsideTheSentenceGivesTheQuotationToTheLastOneQuotedOrTheNamedSource() {
        Mentions m = extractor.extract("", "« Nous avons signé un accord historique », a déclaré Paul Martin.\n\n"
                + "La baisse des prix passera, selon lui, par « une concurrence enfin ouverte sur tout le réseau ».");
        assertEquals(List.of("Paul Martin <- Nous avons signé un accord historique",
                "Paul Martin <- une concurrence enfin ouverte sur tout le réseau"), quotes(m));
        m = extractor.extract("", "Le ministre Paul Martin visitait l'usine.\n\n"
                + "Le site a eu selon lui « pendant des mois une seule priorité ».");
        assertEquals(List.of(), quotes(m), "a pronoun after selon is no one quoted yet: no guess");
    }

    @Test
    void wordsOfSomeoneUnnamedOrOfAWrittenTextAreNotTheNamedPersons() {
        Mentions m = extractor.extract("", "Le chanteur Paul Martin est visé par une enquête. Un proche de Paul Martin a confié que "
                + "le chanteur niait toute faute.");
        assertEquals(List.of(), quotes(m), "a relative of his speaks, not him");
        m = extractor.extract("", "Le ministre Paul Martin a signé le texte vendredi. Le nouveau décret oblige le groupe à vendre sa "
                + "filiale. Il précise que l'acheteur devra être européen.");
        assertEquals(List.of(), quotes(m), "the decree specifies, not the minister");
        m = extractor.extract("", "Le film de Paul Martin a fait scandale. Un journaliste a résumé l'affaire : « À 21 heures, tout le "
                + "pays regardait la même chaîne. »");
        assertEquals(List.of(), quotes(m), "an unnamed journalist sums up");
        m = extractor.extract("", "Le ministre Paul Martin est mis en cause. « Le maire a prévenu Paul Martin dès le premier jour », "
                + "a affirmé Matignon.");
        assertEquals(List.of(), quotes(m), "the institution's words, though they name him");
    }

    @Test
    void aRoleAsTheSubjectBeforeAnIlIsWhoSpeaksOrNoOneKnown() {
        Mentions m = extractor.extract("", "Le livre de Paul Martin décrit une équipe divisée.\n\nLe président américain s'en prend aussi "
                + "aux journalistes. « Ces gens sont des menteurs », lâche-t-il un jour.");
        assertEquals(List.of(), quotes(m), "the president speaks, whom the article never named: not the author");
        m = extractor.extract("", "Le président Jacques Durand a reçu Paul Martin.\n\nLe président s'en prend aussi aux journalistes. "
                + "« Ces gens sont des menteurs », lâche-t-il un jour.");
        assertEquals(List.of("Jacques Durand <- Ces gens sont des menteurs"), quotes(m));
    }

    @Test
    void followOnQuotesAfterAnInvertedAuxiliaryOrAnAttributingTail() {
        Mentions m = extractor.extract("", "« J'ai reçu des costumes de Jacques Durand », s'est souvenu Paul Martin.\n\n"
                + "« Je trouve ça magnifique de savoir que ces vêtements servent encore », s'est-il enthousiasmé.");
        assertEquals(List.of("Paul Martin <- J'ai reçu des costumes de Jacques Durand",
                "Paul Martin <- Je trouve ça magnifique de savoir que ces vêtements servent encore"), quotes(m));
        m = extractor.extract("", "Le médicament est « déjà utilisé à grande échelle » dans les hôpitaux, a indiqué mercredi "
                + "l'infectiologue Claire Roux.\n\n« Ce médicament fait partie de la famille des corticoïdes. En France, on en a "
                + "donné très tôt aux patients. »");
        assertEquals(List.of("Claire Roux <- déjà utilisé à grande échelle", "Claire Roux <- Ce médicament fait partie de la "
                + "famille des corticoïdes. En France, on en a donné très tôt aux patients."), quotes(m));
    }

    @Test
    void aQuotationLeftToNoOneStopsTheLastSpeakerGoingOn() {
        Mentions m = extractor.extract("", "« Il est parti ce matin », a dit Paul Martin.\n\nZyrtho Qwellan, musicien du village, "
                + "a tout osé. « Pourquoi un musicien devrait-il jouer une seule musique ? », disait-il en 1990. « Ma musique "
                + "plaît à mon village, elle plaira au monde », ajoutait-il.");
        assertEquals(List.of("Paul Martin <- Il est parti ce matin"), quotes(m));
    }

    @Test
    void anInterviewsFootnoteAndCreditAreNoAnswers() {
        Mentions m = extractor.extract("Portrait #3 : Paul Martin", "Pourquoi as-tu rejoint l'équipe ?\n\n"
                + "On m'a parlé du projet au moment où je rentrais en France.\n\nQuels conseils donnerais-tu ?\n\n"
                + "D'abord, être curieux et faire les choses pas à pas.\n\n*GIP : groupement d'intérêt public\n\n"
                + "Entretien réalisé par Claire Roux");
        assertEquals(List.of("Paul Martin <- On m'a parlé du projet au moment où je rentrais en France.",
                "Paul Martin <- D'abord, être curieux et faire les choses pas à pas."), quotes(m));
    }

    @Test
    void pourXFramesAQuotationButReportsNoSpeech() {
        Mentions m = extractor.extract("", "Pour Paul Martin, directeur de l'usine, qui suit le dossier, la situation est « intenable » à long terme.");
        assertEquals(List.of("Paul Martin <- intenable"), quotes(m));
        m = extractor.extract("", "Pour Claire Roux et sa sœur, l'aventure n'a pas eu le temps de commencer qu'elle est déjà terminée.");
        assertEquals(List.of(), quotes(m), "the writer's words about them, not theirs");
    }

    @Test
    void aFirstNameWithItsAgeIsSomeoneTheFinderDoesNotKnow() {
        Mentions m = extractor.extract("", "Les services du ministre Paul Martin ont annoncé une réunion vendredi.\n\nLa crise touche les "
                + "retraités.\n\nKarim, 64 ans et à la retraite, a voulu acheter un réfrigérateur. « C'est le double de ma retraite », a-t-il dit.");
        // With people6's "X, 64 ans et …" the finder knows Karim; before it, the quote went to no one, never the minister.
        assertEquals(List.of("Karim <- C'est le double de ma retraite"), quotes(m), "the pensioner speaks, not the minister");
    }

    @Test
    void theServicesOfThePrimeMinisterAreNotThePrimeMinister() {
        Mentions m = extractor.extract("", "Les services du Premier ministre Paul Martin ont annoncé une réunion « urgente » du gouvernement "
                + "consacrée à « la situation monétaire ».");
        assertEquals(List.of(), quotes(m));
    }

    @Test
    void aNewspaperFramingTheSentenceIsNoPerson() {
        Mentions m = extractor.extract("", "La gendarmerie parle d'une fugue. Selon Le Courrier du Sud, Claire Roux est « déjà connue pour "
                + "des fugues répétées », « la dernière datant du mois de février ».");
        assertEquals(List.of(), quotes(m));
    }
    @Test
    void aQuotationOpeningItsParagraphGoesToTheOneTheNextSentenceNames() {
        Mentions m = extractor.extract("Incendies : la vallée compte ses pertes", "Le feu a détruit trente maisons.\n\n"
                + "« Ce ne sont que des murs, on va reconstruire » : au bord des larmes, Claire Roux regarde sa maison.\n\n"
                + "« Je n'ai rien vu venir ».\n\nVoilà ce qu'a confié Paul Martin, son voisin.");
        assertEquals(List.of("Claire Roux <- Ce ne sont que des murs, on va reconstruire", "Paul Martin <- Je n'ai rien vu venir"), quotes(m));
        m = extractor.extract("Incendies : la vallée compte ses pertes", "Le feu a détruit trente maisons.\n\n"
                + "« Ce ne sont que des murs, on va reconstruire » : la mairie de Claire Roux lance une collecte.");
        assertEquals(List.of(), quotes(m), "a complement names no speaker");
    }

    @Test
    void aRoleSubjectBeforeAnIlInciseIsTheOnePersonNamedLately() {
        Mentions m = extractor.extract("", "La série s'arrête, à la surprise de Paul Martin.\n\nL'acteur de 49 ans est tombé de haut en "
                + "apprenant la nouvelle. « Je ne m'attendais pas à l'apprendre sur Twitter », explique-t-il.");
        assertEquals(List.of("Paul Martin <- Je ne m'attendais pas à l'apprendre sur Twitter"), quotes(m));
        m = extractor.extract("", "La série s'arrête, à la surprise de Claire Roux.\n\nL'acteur de 49 ans est tombé de haut en "
                + "apprenant la nouvelle. « Je ne m'attendais pas à l'apprendre sur Twitter », explique-t-il.");
        assertEquals(List.of(), quotes(m), "the one person named is no man");
    }

    @Test
    void aFragmentAfterARoleTheArticleIntroducedIsThatPersonsWords() {
        Mentions m = extractor.extract("", "La présidente de l'association Claire Roux va démissionner.\n\nLa présidente se dit "
                + "visée par des attaques « ignobles » et « répétées ».");
        assertEquals(List.of("Claire Roux <- ignobles", "Claire Roux <- répétées"), quotes(m));
        m = extractor.extract("", "Paul Martin va démissionner.\n\nLa présidente se dit visée par des attaques « ignobles ».");
        assertEquals(List.of(), quotes(m), "the only one named is no woman");
    }

    @Test
    void aRoleInTheInciseIsNotTheKinNorTheNameAfterIt() {
        Mentions m = extractor.extract("", "Claire Roux est en colère contre le documentaire.\n\nElle souligne le traitement de l'accident "
                + "de sa sœur, Lucie Roux. « C'est le mélange de fiction et de documents qui me semble le plus navrant », dénonce la comédienne.");
        assertEquals(List.of("Claire Roux <- C'est le mélange de fiction et de documents qui me semble le plus navrant"), quotes(m));
        m = extractor.extract("", "Ses bras sont bandés. Claire Roux est restée chez elle des semaines.\n\n« Il m'a sauvé deux doigts », "
                + "sourit la jeune femme de 32 ans, les yeux tournés vers le Pr Paul Martin, venu à son chevet.");
        assertEquals(List.of("Claire Roux <- Il m'a sauvé deux doigts"), quotes(m), "the surgeon is looked at, not speaking");
    }
}

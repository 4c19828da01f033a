package verbatim.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Line-level knowledge of page furniture, in French and English: what a line of extracted page text looks
 * like when it is a share button, a log-in prompt, a comment count, the start of the comment section, a
 * category list... Shared by the cleaners, which decide what to do with such lines.
 *
 * <p>Every test works on one whole line and is case-, accent- and apostrophe-insensitive:
 * {@code "S’inscrire"}, {@code "s'inscrire"} and {@code "S'INSCRIRE"} are the same. Lines longer than
 * {@value #MAX_FURNITURE_LENGTH} characters are never furniture: page furniture is short, and a long line
 * that happens to contain "laisser un commentaire" is a paragraph of the article.
 */
public final class BoilerplateText {

    /** Longer lines are prose, whatever words they contain. */
    static final int MAX_FURNITURE_LENGTH = 200;

    private BoilerplateText() {
    }

    // All patterns below run on fold(line): lower case, no accents, ' for every apostrophe, " for every quote.

    private static final String NETWORK =
            "(?:twitter|x|facebook|linkedin|instagram|youtube|pinterest|whatsapp|telegram|messenger|reddit"
                    + "|tumblr|viadeo|xing|tiktok|mastodon|bluesky|threads|google\\+?|flipboard|pocket"
                    + "|e-?mail|mail|courriel|sms|rss|print|imprimer)";

    private static final Pattern FURNITURE = Pattern.compile(String.join("|",
            // Share buttons: "Share on twitter", "Partager sur LinkedIn", "Tweet", and the bare network label.
            "(?:share|partager|partagez|partage)(?: (?:on|sur|via|par|with|avec))? " + NETWORK,
            "(?:share|partager|partagez)(?: (?:this|cet|l')(?: ?(?:article|post|page|story))?)?",
            // Bare labels, but not a bare "x": tables use it as a tick.
            "(?!x$)" + NETWORK, "tweet|tweeter|pin it|epingler|j'aime|like|like this|aimer|chargement\\.*|loading\\.*",
            // Comment widgets: counts, reply links, WordPress.com log-in forms, anti-spam badges.
            "(?:\\d+|un|une|one|aucun|no) (?:commentaires?|comments?|reponses?|replies|reactions?)(?: yet)?",
            "(?:commentaires?|comments?|reactions?) ?\\(\\d+\\)",
            "repondre|reply|signaler(?: un abus)?|report(?: abuse)?|permalien|permalink",
            "annuler la reponse|cancel reply",
            "(?:vous commentez a l'aide de votre compte|you are commenting using your) .*",
            "(?:logo|photo|image|avatar) (?:wordpress\\.com|google|twitter|facebook|gravatar)",
            "(?:connexion|deconnexion|log in|log out|logout|login|sign in|sign out|se connecter|s'identifier)"
                    + "(?: (?:a|to) (?:%s|votre compte|your account))?",
            ".{0,40}\\(? ?deconnexion ?/ ?changer ?\\)?|.{0,40}\\(? ?log ?out ?/ ?change ?\\)?",
            "(?:protected by|protege par) .*",
            "(?:votre adresse (?:de messagerie|e-?mail|mail|courriel)|your email address) (?:ne sera pas publiee"
                    + "|will not be published).*",
            "(?:les )?champs obligatoires sont (?:indiques|marques).*|required fields are marked.*",
            "(?:commentaire|comment|nom|name|e-?mail|site web|website) ?\\*",
            "(?:enregistrer mon nom|save my name|prevenez-moi|m'avertir|notify me) .*",
            // Bylines reduced to their preposition once the linked name is gone.
            "par|by|publie par|posted by|ecrit par|written by",
            // Newsletters and alerts: "S'inscrire aux alertes de X, c'est...", "Abonnez-vous à notre newsletter".
            "(?:s'inscrire|inscrivez-vous|abonnez-vous|s'abonner|recevez|recevoir|subscribe|sign up)\\b.*"
                    + "\\b(?:newsletters?|alertes?|lettre d'information|infolettre|mailing list)\\b.*",
            "(?:newsletter|infolettre)(?: :.*)?",
            // Cookie banners.
            "(?:ce site|notre site|nous|this site|this website|our site|we) (?:utilise|utilisons|uses|use)"
                    + " (?:des |les )?cookies\\b.*",
            "(?:accepter|refuser|tout accepter|accept|accept all|reject|gerer|parametrer|manage)"
                    + "(?: (?:les|all|the))? (?:cookies|preferences)",
            "en savoir plus|read more|lire la suite|continuer la lecture|continue reading|voir plus|afficher plus",
            // Related links inside the article: news sites put "À lire aussi : <headline>", or the bare heading
            // over a headline or two, between paragraphs, and the article goes on after them.
            "(?:a lire|lire|a voir|voir|read|see) (?:aussi|egalement|also)(?: ?[:|>-] ?.*)?",
            // Calls to comment that close a post: "Vous likez ? Commentez !".
            ".{0,30}\\bcommentez ?!?"));

    /**
     * Image file names left behind by a dropped {@code <img>}, one word with an image extension, an underscore or
     * a size: {@code 190826.sustainable.jpg}, {@code photo_auteur}, {@code banniere-1200x630}, {@code IMG_2041}.
     */
    private static final Pattern IMAGE_FILE = Pattern.compile(String.join("|",
            "\\S+\\.(?:jpe?g|png|gif|webp|svg|bmp|tiff?|avif)", "\\S*[\\p{L}\\p{N}]_[\\p{L}\\p{N}]\\S*",
            "\\S*\\d+x\\d+\\S*", "(?:img|dsc|pict?)[_-]?\\d+\\S*"));

    private static final Pattern TRAILER = Pattern.compile("(?:" + String.join("|",
            // Comment sections: "34 thoughts on “Title”", "12 réflexions sur « Titre »", "3 commentaires".
            "\\d+ (?:thoughts?|reflexions?|responses?|replies|reponses?|comments?|commentaires?|avis)"
                    + " (?:on|to|about|sur|a|au|pour) .*",
            // Spelled out, the count is common prose ("Une réponse à la crise"): insist on the quoted title.
            "(?:un|une|one) (?:thought|reflexion|response|reply|reponse|comment|commentaire|avis)"
                    + " (?:on|to|about|sur|a|au|pour) \".*",
            // A count or the plural: "Commentaire" and "Réactions" alone are also ordinary section headings.
            "\\d+ (?:commentaires?|comments?|reactions?)|commentaires|comments",
            "(?:laisser|laissez|ajouter|ajoutez|poster|postez|ecrire|ecrivez|rediger|donner|donnez) (?:un|une|votre)"
                    + " (?:commentaire|reponse|avis|reaction)",
            "(?:leave|post|add|write) (?:a|your) (?:comment|reply|response)",
            "(?:entrez vos coordonnees|fill in your details)(?: .*)?",
            // Related posts.
            "vous (?:aimerez|aimeriez|pourriez) (?:peut-etre )?(?:aussi|egalement)(?: aimer)?",
            "(?:a decouvrir|decouvrez) (?:aussi|egalement)",
            "(?:sur le meme (?:sujet|theme)|dans la meme rubrique|les plus lus|les plus partages|les plus commentes)",
            "(?:nos|les|d'autres|autres|derniers|plus d') articles",
            "articles? (?:similaires|lies|connexes|recommandes|recents|populaires|relatifs|associes)",
            "(?:related|similar|recent|popular|more) (?:posts|articles|stories|reading)|most (?:read|popular)",
            "you (?:may|might) (?:also )?(?:like|enjoy)|read next",
            // Author box heading.
            "a propos de l'auteur(?:e|\\.rice)?|about the author") + ")\\s*[:.!…]*");

    private static final Pattern CATEGORY_LINE = Pattern.compile(
            "(?:(?:cette entree a ete publiee|cet article a ete publie|publie|classe"
                    + "|this entry was posted|posted|filed)"
                    + " (?:dans|in|under)|(?:categories?|rubriques?|tags?|mots[- ]cles|etiquettes?|themes?)"
                    + " ?:) ?:? ?(.+)");

    private static final Pattern SPACES = Pattern.compile("[\\s\\u00A0\\u2007\\u202F\\uFEFF]+");

    /** A hashtag has a letter: "#1" is a number. */
    private static final String HASHTAG = "#[\\p{L}\\p{N}_]*\\p{L}[\\p{L}\\p{N}_]*";
    private static final Pattern HASHTAG_LINE = Pattern.compile(HASHTAG + "(?: +" + HASHTAG + ")*");

    /**
     * Whether a whole line is page furniture, to drop wherever it appears. Examples that are:
     * {@code "Share on twitter"}, {@code "LinkedIn"}, {@code "Partager sur Facebook"}, {@code "Répondre"},
     * {@code "12 commentaires"}, {@code "Logo WordPress.com"}, {@code "Connexion à %s"},
     * {@code "Vous commentez à l’aide de votre compte Google. Déconnexion / Changer )"},
     * {@code "Protected by WP Anti Spam"}, {@code "190826.sustainable.jpg"}, {@code "emmanuel_vivier_100x140"},
     * {@code "S'inscrire aux alertes de Culture RP, c'est ..."}, {@code "Ce site utilise des cookies."},
     * {@code "À lire aussi : Un autre titre"}, {@code "Lire aussi"}.
     * Blank lines are not furniture (they separate paragraphs).
     */
    public static boolean isFurniture(String line) {
        String l = candidate(line);
        if (l == null) {
            return false;
        }
        String f = fold(l);
        return FURNITURE.matcher(f).matches() || IMAGE_FILE.matcher(f).matches();
    }

    /**
     * Whether a whole line opens the tail of a page: comments, comment form, related posts or author box,
     * after which nothing belongs to the article. Examples: {@code "34 thoughts on “Mon titre”"},
     * {@code "3 commentaires"}, {@code "Laisser un commentaire"}, {@code "Leave a Reply"},
     * {@code "Vous aimerez aussi"}, {@code "Articles similaires"}, {@code "Related posts"},
     * {@code "Entrez vos coordonnées ci-dessous ou cliquez sur une icône pour vous connecter:"}.
     * A cleaner should only cut there once it has seen some of the article: the same words above the title are
     * a link to the comments.
     */
    public static boolean startsTrailer(String line) {
        String l = candidate(line);
        return l != null && TRAILER.matcher(fold(l)).matches();
    }

    /**
     * The categories or tags of a category line, else an empty list:
     * {@code "Cette entrée a été publiée dans : Intuitions, Social CRM"} → {@code [Intuitions, Social CRM]};
     * {@code "Tags : IA, RGPD"} → {@code [IA, RGPD]}; {@code "Posted in News"} → {@code [News]}.
     */
    public static List<String> categories(String line) {
        String l = candidate(line);
        if (l == null) {
            return List.of();
        }
        // fold keeps one char per char, so a group's offsets in the folded line are valid in the original.
        Matcher m = CATEGORY_LINE.matcher(fold(l));
        if (!m.matches()) {
            return List.of();
        }
        List<String> tags = new ArrayList<>();
        for (String part : l.substring(m.start(1)).split("[,;|]")) {
            String tag = part.strip().replaceAll("[.]+$", "").strip();
            if (!tag.isEmpty() && tag.length() <= 60) {
                tags.add(tag);
            }
        }
        return tags;
    }

    /**
     * The hashtags of a line made only of hashtags, without the {@code #}: {@code "#JaimeLaCom #IA"} →
     * {@code [JaimeLaCom, IA]}. Hashtags inside a sentence are the author's words, not tags.
     */
    public static List<String> hashtags(String line) {
        String l = candidate(line);
        if (l == null || !HASHTAG_LINE.matcher(l).matches()) {
            return List.of();
        }
        List<String> tags = new ArrayList<>();
        for (String word : l.split(" +")) {
            tags.add(word.substring(1));
        }
        return tags;
    }

    /** The tidied line if it is short enough to be furniture, else null; paragraphs are not even tidied. */
    private static String candidate(String line) {
        if (line == null || line.length() > 2 * MAX_FURNITURE_LENGTH) {
            return null;
        }
        String l = tidy(line);
        return l.isEmpty() || l.length() > MAX_FURNITURE_LENGTH ? null : l;
    }

    /** A line with its whitespace runs (no-break spaces included) collapsed to one space, and trimmed. */
    static String tidy(String line) {
        if (line == null) {
            return "";
        }
        return SPACES.matcher(line).replaceAll(" ").strip();
    }

    /**
     * A comparison key: lower case, accents removed, every apostrophe as {@code '} and every quote mark as
     * {@code "}. One char out for one char in, so offsets in the folded string are offsets in the original.
     */
    static String fold(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '’', '‘', 'ʼ', '′', '`', '´' -> out.append('\'');
                case '«', '»', '“', '”', '„' -> out.append('"');
                default -> out.append(Letters.base(c));
            }
        }
        return out.toString();
    }
}

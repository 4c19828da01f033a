package verbatim.ingest;

import java.util.regex.Pattern;

/**
 * Phrases and class names that mark page furniture rather than article text, in French and English.
 *
 * <p>Kept separate from the DOM logic so the lists can be reviewed (and later merged with the plain-text
 * {@code BoilerplateText} list) without touching the extractor.
 */
final class Furniture {

    private Furniture() {
    }

    // Class/id names whose element is almost never article text, whatever else it is called.
    static final Pattern STRONG_NEGATIVE_CLASS = Pattern.compile(
            "comment|disqus|respond|repl(?:y|ies)|share|sharing|social|sociaux|partag|related|similar|recommend"
                    + "|newsletter|subscri|signup|cookie|consent|gdpr|rgpd|outbrain|taboola|breadcrumb|popup|modal"
                    + "|sponsor|advert|pagination|jp-relatedposts|sharedaddy|yarpp|author-?bio|author-?box|about-?author"
                    + "|byline|post-?meta|entry-?meta|entry-?footer|article-?footer|post-?footer|read-?more|more-?stories"
                    + "|most-?(?:read|popular)|lire-?aussi|a-lire|voir-?aussi|tag-?list|tags-?list|post-?tags|entry-?tags"
                    + "|entry-?utility|post-?navigation|nav-?links|skip-?link|screen-?reader|sr-only|visually-?hidden"
                    + "|wp-caption|caption|credit|copyright|print-?only|noprint");

    // Names that usually mark furniture but also appear on wrappers: only honoured when nothing
    // in the name looks like content.
    static final Pattern WEAK_NEGATIVE_CLASS = Pattern.compile(
            "(?:^|[\\s_-])(?:header|footer|masthead|menu|nav|navbar|navigation|sidebar|banner|promo|ads?|pub"
                    + "|meta|tags|bio|author|aside|toolbar|login|search|rating|teaser|overlay|extra"
                    + "|supplemental|combx|shoutbox|skyscraper|rss|links|community|sidebar-\\w+)(?:$|[\\s_-])"
                    + "|sidebar|widget-?area|widgettitle|-ad-|adslot|ad-slot|adsbygoogle|dfp-|interstitial");

    static final Pattern POSITIVE_CLASS = Pattern.compile(
            "article|body|content|entry|main|post|story|text|blog|chapo|lead|column");

    // The CMS names that declare the article body itself (not its page).
    static final Pattern BODY_CLASS = Pattern.compile(
            "(?:^|\\s)(?:(?:entry|post|article|story|blog-?post|single|td-post|news|text)[-_]{1,2}(?:content|body|text)"
                    + "|articlebody|article__body|article-body__content|article__content|storybody|story__body"
                    + "|post__content|post__body|content__body|field-name-body|field--name-body|rich-?text"
                    + "|article-text|articletext|main-text|texte-article|article-texte|contenu-article)(?:$|\\s)");

    // A whole short block that is only a widget label or a form line.
    static final Pattern FURNITURE_LINE = Pattern.compile(
            "(?iu)^(?:"
                    // share widgets
                    + "(?:partager|partagez|partage|share|shares|tweet|tweeter|pin(?: it)?|e-?mail|imprimer|print"
                    + "|envoyer|facebook|twitter|linkedin|whatsapp|pinterest|reddit|messenger|copier le lien|copy link)"
                    + "(?: (?:sur|on|via|with|avec|par|by|this|cet|cette|l'article|the|ce|dans)\\b.{0,40})?\\s*:?"
                    + "|(?:cliquez|click) (?:pour|to) (?:partager|share|imprimer|print|envoyer|email).*"
                    + "|j'aime(?: chargement.*)?|like(?: loading.*)?|chargement…?|loading…?"
                    // comment forms and counters
                    + "|laisser un commentaire.*|laissez un commentaire.*|leave a (?:comment|reply).*|poster un commentaire.*"
                    + "|ajouter un commentaire.*|add a comment.*|post a comment.*|publier (?:le|un) commentaire.*"
                    + "|post comment|submit comment|envoyer le commentaire"
                    + "|votre adresse (?:de messagerie|e-?mail|électronique|courriel) ne sera pas publiée.*"
                    + "|your email address will not be published.*|required fields are marked.*"
                    + "|les champs (?:obligatoires|requis) sont (?:indiqués|marqués).*"
                    + "|\\d+ (?:commentaires?|comments?|réponses?|replies|repl(?:y|ies)|réactions?|responses?|thoughts? on|réflexions? sur|avis)\\b.{0,140}"
                    + "|(?:one|un|une) (?:commentaire|comment|réponse|reply|thought on|réflexion sur|response to)\\b.{0,140}"
                    + "|répondre|reply|repondre|annuler (?:la )?réponse|cancel reply|signaler(?: un abus)?|report(?: abuse)?"
                    + "|(?:connexion|se connecter|log ?in|sign ?in|s'identifier|inscription|register)(?: .{0,40})?"
                    + "|vous commentez à l'aide de votre compte.*|you are commenting using your.*"
                    + "|(?:vous devez|you must) (?:être|be) (?:connecté|logged in).*"
                    + "|protected by .{0,60}|protégé par .{0,60}"
                    + "|(?:notify|prévenez|avertissez)[- ]moi .*|m'avertir .*|notify me .*"
                    + "|enregistrer mon nom.*|save my name.*"
                    + "|(?:ce site|this site) utilise akismet.*|(?:ce site|this site) uses akismet.*"
                    + "|(?:alimenté|propulsé|powered) (?:par|by) .{0,60}|(?:un|a) site wordpress\\.com.*|wordpress\\.com.{0,40}"
                    + "|(?:nom|name|e-?mail|site web|website|commentaire|comment|message)\\s*\\*?\\s*:?\\s*\\*?"
                    // related and recirculation
                    + "|(?:à|a) lire (?:aussi|également|egalement)|lire aussi|voir aussi|à voir aussi|a voir aussi|see also"
                    + "|vous aimerez (?:aussi|peut-être aussi|peut-être|également).*|articles? similaires.*|sur le même (?:sujet|thème).*"
                    + "|dans la même rubrique.*|articles? (?:liés|connexes|recommandés).*|related (?:posts?|articles?|stories).*"
                    + "|you (?:may|might) also like.*|read (?:more|next)|lire la suite|en savoir plus|more from .{0,60}"
                    + "|les plus (?:lus|partagés|commentés)|most (?:popular|read|viewed|shared)"
                    + "|(?:article|post) (?:précédent|suivant)|(?:previous|next) (?:post|article|story)|précédent|suivant|previous|next"
                    // newsletter, cookies, ads
                    + "|(?:inscrivez|abonnez)[- ]vous.{0,100}|(?:subscribe|sign up)\\b.{0,100}|newsletter.{0,80}"
                    + "|accepter|accept(?: all)?|refuser|tout accepter|paramétrer.{0,30}"
                    + "|publicité|advertisement|advertising|sponsored|sponsorisé|contenu sponsorisé"
                    // author, byline, tags, captions
                    + "|(?:publié|posté|écrit|rédigé|posted|written|published) (?:par|by|le|on)\\b.{0,80}"
                    + "|(?:mis à jour|updated|modifié) (?:le|on)\\b.{0,60}"
                    + "|(?:par|by) [\\p{Lu}][\\p{L}.'-]+(?: [\\p{Lu}][\\p{L}.'-]+){0,3}(?:,? .{0,40})?"
                    + "|(?:à propos de l'auteur|about the author|l'auteur|the author).{0,40}"
                    + "|(?:tags?|mots[- ]clés|étiquettes|catégories?|categories|rubriques?|thèmes?)\\s*:.{0,200}"
                    + "|cette entrée a été publiée .{0,200}|posted in .{0,120}|filed under .{0,120}|classé dans .{0,120}"
                    + "|(?:crédits? ?(?:photos?)?|photos? ?(?:credits?)?|illustration|image|source)\\s*:.{0,100}"
                    + "|.{0,80}\\b(?:photos?|crédits? photos?|photo credits?|credits?|illustration)\\s?:\\s?[^.!?]{0,80}"
                    + "|©.{0,100}|.{0,60}(?:all rights reserved|tous droits réservés).{0,60}"
                    + "|\\S+\\.(?:jpe?g|png|gif|webp|svg|bmp)"
                    + "|retour en haut.*|back to top|haut de page|top"
                    + "|suivez[- ]nous.{0,60}|follow us.{0,60}"
                    + ")$");

    // A heading or short line after which the page only carries comments.
    static final Pattern COMMENTS_START = Pattern.compile(
            "(?iu)^(?:\\d+|un|une|one|no|aucun|pas de)?\\s*(?:commentaires?|comments?|réactions?|responses?|réponses?"
                    + "|thoughts? on|réflexions? sur|replies)\\b.{0,140}$"
                    + "|^(?:laisser|laissez|leave|poster|post|ajouter|add|écrire|write) (?:un |une |a |your )?(?:commentaire|comment|reply|réponse|réaction).*$"
                    + "|^(?:discussion|discussions|réagissez|réagir|votre avis|join the discussion|join the conversation)\\b.{0,60}$");

    // A heading after which the page carries recirculation rather than more of the article.
    static final Pattern RELATED_START = Pattern.compile(
            "(?iu)^(?:vous aimerez (?:aussi|peut-être aussi|peut-être|également)|articles? similaires|sur le même (?:sujet|thème)"
                    + "|dans la même rubrique|articles? (?:liés|connexes|recommandés)|(?:à|a) lire (?:aussi|également)|lire aussi"
                    + "|à voir aussi|voir aussi|nos (?:derniers|autres) articles|derniers articles|les plus (?:lus|partagés|commentés)"
                    + "|related(?: posts?| articles?| stories| content)?|you (?:may|might) also (?:like|enjoy)|more from\\b.{0,60}"
                    + "|read next|recommended(?: for you)?|more stories|most (?:popular|read|viewed)|popular posts|recent posts"
                    + "|articles récents|latest (?:posts|news|articles)|à propos de l'auteur|about the author|share this|partager (?:cet|l')article"
                    + ")\\b.{0,40}$");

    // Element names used to hide things from sighted readers or from everyone.
    static final Pattern HIDDEN_CLASS = Pattern.compile(
            "(?:^|\\s)(?:hidden|hide|d-none|is-hidden|visually-hidden|sr-only|screen-reader-text|screenreader|offscreen|element-invisible|visuallyhidden|u-hidden)(?:$|\\s)");

    // A short line that only dates or credits the piece: "AFP, publié le 20 mai 2020 à 18h03".
    static final Pattern DATELINE = Pattern.compile(
            "(?iu)^.{0,60}\\b(?:publié|publiée|mis à jour|mise à jour|modifié|posted|published|updated|last updated)\\s+(?:le|on|at|à|:)?\\s*.{0,60}$");

    static final Pattern COOKIE_WORD = Pattern.compile("(?iu)\\bcookies?\\b");
    static final Pattern COOKIE_CONTEXT = Pattern.compile(
            "(?iu)\\b(?:site|navigat\\w*|accept\\w*|consent\\w*|polic\\w*|politique|privacy|confidentialit\\w*|utilis\\w*|use|expérience|experience|partenaires|partners)\\b");
}

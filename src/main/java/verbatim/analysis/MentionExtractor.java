package verbatim.analysis;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Extracts the speakers, organisations and quotes of one cleaned French article.
 *
 * <pre>{@code
 * Mentions m = new MentionExtractor().extract("Salon du mobile",
 *         "« Le mobile doit gagner la bataille de l’engagement », explique Pierre-Emmanuel Cros, "
 *       + "président de la Mobile Marketing Association (MMA).");
 * m.speakers();  // [Speaker[name=Pierre-Emmanuel Cros, org=Mobile Marketing Association, role=président, quoted=true]]
 * m.companies(); // [Company[name=Mobile Marketing Association, aliases=[MMA]]]
 * m.quotes();    // [Quote[text=Le mobile doit gagner la bataille de l’engagement, speaker=Pierre-Emmanuel Cros, …]]
 * }</pre>
 *
 * Rules and small gazetteers only (first names, places, well-known organisations, organisation and role words): no
 * model, nothing loaded at run time beyond the class path. Thread-safe and stateless; never throws.
 */
public final class MentionExtractor {

    /** Longer texts are cut: a runaway page should not stall ingest, and quotes sit in the body anyway. */
    private static final int MAX_CHARS = 200_000;

    public Mentions extract(String title, String text) {
        try {
            return run(title == null ? "" : title, text == null ? "" : text);
        } catch (RuntimeException | StackOverflowError e) {
            // Entities are an extra: a malformed article keeps its place in the index without them.
            return Mentions.EMPTY;
        }
    }

    /** The extraction itself, without the safety net of {@link #extract}: tests call it to see real failures. */
    Mentions run(String title, String text) {
        if (text.length() > MAX_CHARS) {
            text = text.substring(0, MAX_CHARS);
        }
        if (title.length() > 1000) {
            title = title.substring(0, 1000);
        }
        // The title names people too ("3 questions à Emmanuel Vivier"); it is analysed as a first paragraph, and its
        // quotes keep offsets counted from the text's start: negative, the title and a blank line coming before it.
        int base = title.isBlank() ? 0 : title.length() + 2;
        String all = base == 0 ? text : title + "\n\n" + text;
        EntityFinder ef = new EntityFinder(all);
        List<QuoteFinder.Found> found = new QuoteFinder(all, ef).find();

        Set<Integer> quotedPeople = new HashSet<>();
        List<Quote> quotes = new ArrayList<>();
        found.sort((a, b) -> Integer.compare(a.start(), b.start()));
        for (QuoteFinder.Found f : found) {
            if (f.start() < base && repeatedInBody(f, found, all)) {
                continue; // a headline quoting words the body quotes: one quote, the body's, whose attribution is surer
            }
            EntityFinder.Person p = ef.people.get(f.person());
            quotedPeople.add(f.person());
            quotes.add(new Quote(all.substring(f.start(), f.end()), p.name, p.org, f.indirect(), f.start() - base, f.end() - base));
        }
        List<Speaker> speakers = new ArrayList<>();
        for (int i = 0; i < ef.people.size(); i++) {
            EntityFinder.Person p = ef.people.get(i);
            speakers.add(new Speaker(p.name, p.org, p.role, quotedPeople.contains(i)));
        }
        List<Company> companies = new ArrayList<>();
        for (EntityFinder.Org o : ef.orgs) {
            companies.add(new Company(o.name, List.copyOf(o.aliases)));
        }
        return new Mentions(speakers, companies, quotes);
    }

    /**
     * Whether a quote of the title is, give or take case and punctuation, inside a body quote: "Khashoggi : « Personne
     * n'a le droit de pardonner »" is a headline about him quoting what the body gives to his fiancée.
     */
    private static boolean repeatedInBody(QuoteFinder.Found titleQuote, List<QuoteFinder.Found> found, String all) {
        String words = NameForms.fold(all.substring(titleQuote.start(), titleQuote.end()));
        for (QuoteFinder.Found f : found) {
            if (f != titleQuote && f.end() - f.start() >= titleQuote.end() - titleQuote.start()
                    && NameForms.fold(all.substring(f.start(), f.end())).contains(words)) {
                return true;
            }
        }
        return false;
    }
}

package verbatim.analysis;

import java.util.List;

/** Who and what an article mentions, each entity once under its canonical name. */
public record Mentions(List<Speaker> speakers, List<Company> companies, List<Quote> quotes) {
    public static final Mentions EMPTY = new Mentions(List.of(), List.of(), List.of());

    public Mentions {
        speakers = List.copyOf(speakers);
        companies = List.copyOf(companies);
        quotes = List.copyOf(quotes);
    }
}

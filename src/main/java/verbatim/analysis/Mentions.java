package verbatim.analysis;

import java.util.List;

/** Who and what an article names, and what was said. */
public record Mentions(List<Speaker> speakers, List<Company> companies, List<Quote> quotes) {
    public static final Mentions NONE = new Mentions(List.of(), List.of(), List.of());
}

package verbatim.search;

import java.time.LocalDate;
import java.util.List;

/** An article in a list of results, with the passages that matched (HTML-escaped, matches in {@code <mark>}). */
public record Hit(String id, String title, String url, String site, LocalDate date, String author,
                  List<String> speakers, List<String> companies, List<String> tags, List<String> snippets, float score) {
}

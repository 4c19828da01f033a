package verbatim.ingest;

import java.time.LocalDate;
import java.util.List;

/**
 * What a cleaner makes of one page or text: the main content and the metadata it could find.
 * Any field but {@code text} and {@code tags} may be null.
 */
public record CleanedPage(String title, String author, LocalDate date, String site, String url,
                          List<String> tags, String lang, String text) {

    public CleanedPage {
        tags = tags == null ? List.of() : List.copyOf(tags);
        text = text == null ? "" : text;
    }
}

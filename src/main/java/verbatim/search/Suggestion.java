package verbatim.search;

/**
 * A completion for search-as-you-type.
 *
 * @param type        {@code title}, {@code speaker} or {@code company}
 * @param highlighted the text, HTML-escaped, with the typed prefix in {@code <mark>}
 */
public record Suggestion(String text, String type, String highlighted) {
}

package verbatim.analysis;

/** A passage attributed to a speaker, with its character offsets in the article text. */
public record Quote(String text, String speaker, String company, boolean indirect, int start, int end) {
}

package verbatim.analysis;

/**
 * A passage attributed to a speaker.
 *
 * @param text     the quoted passage (a sentence or a paragraph), without its quotation marks
 * @param speaker  canonical name of the speaker (see {@link Speaker#name()})
 * @param company  the speaker's organisation when the article states it, else null
 * @param indirect true for reported speech ({@code Selon lui, …}, {@code X explique que …})
 * @param start    offset of the first character of {@code text} in the article text; negative for a quote in the
 *                 title, counted as if the title and a blank line came before the text: the quote starts at
 *                 {@code start + title.length() + 2} in the title
 * @param end      offset just past its last character (likewise negative for a quote in the title)
 */
public record Quote(String text, String speaker, String company, boolean indirect, int start, int end) {
}

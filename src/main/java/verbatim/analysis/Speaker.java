package verbatim.analysis;

/**
 * A person an article names.
 *
 * @param name   canonical name, as the fullest form the article gives ({@code Pierre-Emmanuel Cros})
 * @param org    the organisation the article ties them to, or null when it states none
 * @param role   their function as written ({@code Président}, {@code VP et Principal Analyst}), or null
 * @param quoted whether at least one quote is attributed to them
 */
public record Speaker(String name, String org, String role, boolean quoted) {
}

package verbatim.analysis;

import java.util.List;

/**
 * An organisation an article names: company, brand, agency, association, union, institution, party or media.
 *
 * @param name    canonical name, the fullest form the article gives ({@code Mobile Marketing Association})
 * @param aliases other forms that resolve to it in this article ({@code MMA}, {@code IN.})
 */
public record Company(String name, List<String> aliases) {
    public Company {
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
    }
}

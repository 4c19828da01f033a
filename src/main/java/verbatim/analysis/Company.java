package verbatim.analysis;

import java.util.List;

/** An organisation an article names, under one canonical name, with the other forms it appears as. */
public record Company(String name, List<String> aliases) {
}

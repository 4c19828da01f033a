package verbatim.ingest;

/**
 * An input the ingester could not use, with the reason: reported, skipped, and never fatal to the rest.
 *
 * @param source the file (and line, for JSONL) as the user knows it
 * @param reason what is wrong, in words an operator can act on
 */
public record Problem(String source, String reason) {
    @Override
    public String toString() {
        return source + ": " + reason;
    }
}

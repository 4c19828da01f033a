package verbatim.ingest;

/** Placeholder until the plain-text cleaner lands. */
public final class TextCleaner {
    public CleanedPage clean(String text) {
        String[] lines = text.strip().split("\\R", 2);
        return new CleanedPage(lines[0].strip(), null, null, null, null, null, null, lines.length > 1 ? lines[1].strip() : "");
    }
}

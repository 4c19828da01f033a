package verbatim.analysis;

/** A person an article names, under one canonical name; org and role are null when the text does not state them. */
public record Speaker(String name, String org, String role, boolean quoted) {
}

package verbatim.ingest;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the publication dates found in records and page metadata. */
public final class Dates {

    // An ISO day (or with slashes) anywhere in the value, alone or as the start of a date-time with any
    // zone or none: only the day matters here. Or a compact 20200716 at the start.
    private static final Pattern ISO_DAY = Pattern.compile("(\\d{4})[-/](\\d{1,2})[-/](\\d{1,2})");
    private static final Pattern COMPACT_DAY = Pattern.compile("^(\\d{4})(\\d{2})(\\d{2})");

    private Dates() {
    }

    /**
     * The calendar day of an ISO-8601 date or date-time, or null when the value is absent or holds no
     * plausible publication date (years outside 1900–2100 are noise: ids, counters, templates).
     *
     * <pre>{@code
     * Dates.parse("2020-07-16T18:40:00+02:00")  // 2020-07-16
     * Dates.parse("Publié le 2020/07/16")       // 2020-07-16
     * Dates.parse("hier")                       // null
     * }</pre>
     */
    public static LocalDate parse(String value) {
        if (value == null) {
            return null;
        }
        Matcher m = ISO_DAY.matcher(value);
        if (!m.find()) {
            m = COMPACT_DAY.matcher(value.strip());
            if (!m.find()) {
                return null;
            }
        }
        try {
            LocalDate day = LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
            return day.getYear() >= 1900 && day.getYear() <= 2100 ? day : null;
        } catch (DateTimeException | NumberFormatException e) {
            return null;
        }
    }
}

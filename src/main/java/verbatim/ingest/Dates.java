package verbatim.ingest;

import java.time.LocalDate;
import java.time.DateTimeException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the publication dates found in records and page metadata. */
public final class Dates {

    // ISO dates, alone or as the start of a date-time with any zone or none: only the day matters here.
    private static final Pattern ISO_DAY = Pattern.compile("^\\s*(\\d{4})-(\\d{1,2})-(\\d{1,2})");

    private Dates() {
    }

    /**
     * The calendar day of an ISO-8601 date or date-time, or null when the value is absent or not a date.
     *
     * <pre>{@code
     * Dates.parse("2020-07-16T18:40:00+02:00")  // 2020-07-16
     * Dates.parse("hier")                       // null
     * }</pre>
     */
    public static LocalDate parse(String value) {
        if (value == null) {
            return null;
        }
        Matcher m = ISO_DAY.matcher(value);
        if (!m.find()) {
            return null;
        }
        try {
            return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
        } catch (DateTimeException | NumberFormatException e) {
            return null;
        }
    }
}

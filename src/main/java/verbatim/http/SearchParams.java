package verbatim.http;

import io.javalin.http.Context;
import verbatim.search.SearchRequest;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads a search request from query parameters, within bounds; anything out of bounds is a 400
 * that says which parameter and why.
 */
final class SearchParams {

    static final int MAX_QUERY_CHARS = verbatim.search.UserQuery.MAX_CHARS;
    static final int MAX_SIZE = 100;
    static final int MAX_FILTER_VALUES = 50;
    static final int MAX_VALUE_CHARS = 300;
    static final int MAX_CURSOR_CHARS = 1_000;
    private static final Pattern YEAR = Pattern.compile("\\d{4}");

    private SearchParams() {
    }

    static SearchRequest read(Context ctx, List<String> facets) {
        String q = ctx.queryParam("q");
        if (q != null && q.length() > MAX_QUERY_CHARS) {
            throw ApiException.badRequest("q is " + q.length() + " characters long; the limit is " + MAX_QUERY_CHARS);
        }
        Map<String, List<String>> filters = new LinkedHashMap<>();
        int values = 0;
        for (String facet : facets) {
            List<String> given = ctx.queryParams(facet).stream().map(SearchParams::clean).filter(v -> !v.isBlank()).toList();
            values += given.size();
            for (String v : given) {
                if (v.length() > MAX_VALUE_CHARS) throw ApiException.badRequest(facet + " value is longer than " + MAX_VALUE_CHARS + " characters");
                // A mistyped year would silently match nothing; say so instead.
                if (facet.equals("year") && !YEAR.matcher(v).matches()) {
                    throw ApiException.badRequest("year must be a year such as 2019, not '" + abbreviate(v) + "'");
                }
            }
            if (!given.isEmpty()) filters.put(facet, given);
        }
        if (values > MAX_FILTER_VALUES) {
            throw ApiException.badRequest(values + " filter values; the limit is " + MAX_FILTER_VALUES);
        }
        String cursor = ctx.queryParam("cursor");
        if (cursor != null && (cursor.isBlank() || cursor.length() > MAX_CURSOR_CHARS)) {
            throw ApiException.badRequest("cursor is not valid: pass back next_cursor as it was given");
        }
        LocalDate from = date(ctx, "from");
        LocalDate to = date(ctx, "to");
        if (from != null && to != null && from.isAfter(to)) {
            throw ApiException.badRequest("from (" + from + ") is after to (" + to + "): no date is in that range");
        }
        return new SearchRequest(q == null ? "" : clean(q), filters, from, to, sort(ctx),
                integer(ctx, "page", 1, 1, Integer.MAX_VALUE), integer(ctx, "size", 10, 1, MAX_SIZE), cursor);
    }

    /**
     * Control characters carry no meaning in a query; they become spaces rather than an error. Format characters
     * (soft hyphens, zero-width spaces: what a pasted query brings, and ingest removes from texts) sit inside words,
     * so they go without a space: "Ma\u00ADcron" is Macron, not "ma" and "cron". The zero-width joiner goes too, as
     * ingest drops it from texts: a pasted emoji sequence must split into the same emoji the indexed text holds.
     */
    static String clean(String value) {
        return CONTROL.matcher(FORMAT.matcher(value).replaceAll("")).replaceAll(" ").strip();
    }

    private static final Pattern FORMAT = Pattern.compile("\\p{Cf}");
    private static final Pattern CONTROL = Pattern.compile("\\p{Cc}");

    private static SearchRequest.Sort sort(Context ctx) {
        String sort = ctx.queryParam("sort");
        if (sort == null || sort.isBlank()) return null;
        return switch (sort.strip().toLowerCase(Locale.ROOT)) {
            case "relevance" -> SearchRequest.Sort.RELEVANCE;
            case "date" -> SearchRequest.Sort.DATE;
            default -> throw ApiException.badRequest("sort must be relevance or date, not '" + abbreviate(sort) + "'");
        };
    }

    private static LocalDate date(Context ctx, String name) {
        String value = ctx.queryParam(name);
        if (value == null || value.isBlank()) return null;
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest(name + " must be an ISO date such as 2020-03-14, not '" + abbreviate(value) + "'");
        }
    }

    static int integer(Context ctx, String name, int fallback, int min, int max) {
        String value = ctx.queryParam(name);
        if (value == null || value.isBlank()) return fallback;
        try {
            int n = Integer.parseInt(value.strip());
            if (n < min || n > max) throw new NumberFormatException();
            return n;
        } catch (NumberFormatException e) {
            throw ApiException.badRequest(name + " must be a whole number from " + min + " to " + max + ", not '" + abbreviate(value) + "'");
        }
    }

    static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "…";
    }
}

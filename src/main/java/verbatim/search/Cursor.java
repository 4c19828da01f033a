package verbatim.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.util.BytesRef;
import verbatim.index.Schema;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Where a page of results ended, as an opaque token. It holds sort values, not Lucene document
 * numbers, so it stays valid while the index changes; the article id breaks ties.
 */
final class Cursor {

    static final Sort BY_RELEVANCE = new Sort(SortField.FIELD_SCORE, new SortField(Schema.SORT_ID, SortField.Type.STRING));
    static final Sort BY_DATE;

    static {
        SortField day = new SortField(Schema.DAY, SortField.Type.LONG, true);
        day.setMissingValue(Long.MIN_VALUE); // undated articles come last
        BY_DATE = new Sort(day, new SortField(Schema.SORT_ID, SortField.Type.STRING));
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private Cursor() {
    }

    static String encode(FieldDoc last, SearchRequest.Sort sort) {
        ArrayNode values = JSON.createArrayNode();
        values.add(sort.name());
        if (sort == SearchRequest.Sort.DATE) values.add((Long) last.fields[0]);
        else values.add(((Number) last.fields[0]).floatValue());
        values.add(((BytesRef) last.fields[1]).utf8ToString());
        return Base64.getUrlEncoder().withoutPadding().encodeToString(values.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** @throws IllegalArgumentException when the token was not made by {@link #encode} for this sort */
    static FieldDoc decode(String token, SearchRequest.Sort sort) {
        try {
            JsonNode values = JSON.readTree(Base64.getUrlDecoder().decode(token));
            if (values == null || !values.isArray() || values.size() != 3 || !values.get(0).asText().equals(sort.name())
                    || !values.get(1).isNumber() || !values.get(2).isTextual()) {
                throw new IllegalArgumentException("cursor does not belong to a " + sort.name().toLowerCase() + " search");
            }
            Object first = sort == SearchRequest.Sort.DATE ? (Object) values.get(1).asLong() : (Object) (float) values.get(1).asDouble();
            float score = sort == SearchRequest.Sort.DATE ? Float.NaN : (float) values.get(1).asDouble();
            return new FieldDoc(Integer.MAX_VALUE, score, new Object[] {first, new BytesRef(values.get(2).asText())});
        } catch (IllegalArgumentException e) {
            throw e.getMessage() != null && e.getMessage().startsWith("cursor") ? e
                    : new IllegalArgumentException("cursor is not valid: pass back next_cursor as it was given");
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("cursor is not valid: pass back next_cursor as it was given");
        }
    }
}

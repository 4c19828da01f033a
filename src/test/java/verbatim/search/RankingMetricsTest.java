package verbatim.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** RankingMetrics against values worked out by hand. */
class RankingMetricsTest {

    private static final double EPS = 1e-9;

    /** a=3, b=2, c=1 judged; d, e unjudged (0). */
    private static final Map<String, Integer> JUDGED = Map.of("a", 3, "b", 2, "c", 1, "z", 0);

    @Test
    void dcgDiscountsByLog2OfRankPlusOne() {
        // 3/log2(2) + 2/log2(3) + 1/log2(4) = 3 + 1.261859507 + 0.5
        assertEquals(3 + 2 / (Math.log(3) / Math.log(2)) + 0.5, RankingMetrics.dcg(List.of(3, 2, 1), 10), EPS);
        assertEquals(4.761859507142915, RankingMetrics.dcg(List.of(3, 2, 1), 10), 1e-12);
        assertEquals(3.0, RankingMetrics.dcg(List.of(3, 2, 1), 1), EPS);
    }

    @Test
    void idealOrderScoresOne() {
        assertEquals(1.0, RankingMetrics.ndcg(List.of("a", "b", "c", "d"), JUDGED, 10), EPS);
    }

    @Test
    void reversedOrderScoresByHand() {
        // DCG = 1/1 + 2/log2(3) + 3/2 = 1 + 1.261859507 + 1.5 = 3.761859507
        // IDCG = 4.761859507 -> nDCG = 0.789998...
        assertEquals(3.761859507142915 / 4.761859507142915, RankingMetrics.ndcg(List.of("c", "b", "a"), JUDGED, 10), 1e-12);
    }

    @Test
    void unjudgedAndMissingDocumentsCountZeroAndTheCutOffApplies() {
        // d at rank 1 (0), a at rank 2: DCG@2 = 3/log2(3) = 1.892789261; IDCG@2 = 3 + 2/log2(3) = 4.261859507
        double expected = (3 / (Math.log(3) / Math.log(2))) / (3 + 2 / (Math.log(3) / Math.log(2)));
        assertEquals(expected, RankingMetrics.ndcg(List.of("d", "a", "b"), JUDGED, 2), EPS);
        assertEquals(0.0, RankingMetrics.ndcg(List.of(), JUDGED, 10), EPS);
        assertEquals(0.0, RankingMetrics.ndcg(List.of("a"), Map.of("a", 0), 10), EPS, "nothing relevant: 0, not NaN");
    }

    @Test
    void reciprocalRankIsOneOverTheFirstGoodEnoughRank() {
        assertEquals(1.0, RankingMetrics.reciprocalRank(List.of("a", "b"), JUDGED, 2, 10), EPS);
        assertEquals(1.0 / 3, RankingMetrics.reciprocalRank(List.of("c", "d", "b"), JUDGED, 2, 10), EPS, "c is only grade 1");
        assertEquals(0.0, RankingMetrics.reciprocalRank(List.of("c", "d", "b"), JUDGED, 2, 2), EPS, "b is beyond the cut-off");
        assertEquals(0.0, RankingMetrics.reciprocalRank(List.of("d", "e"), JUDGED, 2, 10), EPS);
        assertEquals(0.5, RankingMetrics.mean(List.of(1.0, 0.0)), EPS);
    }
}

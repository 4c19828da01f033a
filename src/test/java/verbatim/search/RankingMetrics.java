package verbatim.search;

import java.util.List;
import java.util.Map;

/**
 * Ranking metrics over graded judgments ({@code id -> grade}, 0..3; an unjudged id counts 0).
 * Kept deliberately plain so each line can be checked by hand.
 *
 * <ul>
 *   <li>nDCG@k: DCG = sum over ranks i = 1..k of {@code grade(i) / log2(i + 1)} (linear gain);
 *       the ideal DCG takes every judged grade, sorted best first, cut at k. 0 when nothing is relevant.</li>
 *   <li>Reciprocal rank: {@code 1 / rank} of the first result whose grade is at least {@code minGrade},
 *       looking at the first k results only; 0 when there is none. MRR is its mean over topics.</li>
 * </ul>
 */
final class RankingMetrics {

    private RankingMetrics() {
    }

    static double dcg(List<Integer> grades, int k) {
        double sum = 0;
        for (int i = 0; i < Math.min(k, grades.size()); i++) {
            int rank = i + 1;
            sum += grades.get(i) / log2(rank + 1);
        }
        return sum;
    }

    static double ndcg(List<String> ranked, Map<String, Integer> judgments, int k) {
        List<Integer> ideal = judgments.values().stream().filter(g -> g > 0)
                .sorted((a, b) -> Integer.compare(b, a)).toList();
        double idcg = dcg(ideal, k);
        if (idcg == 0) return 0;
        return dcg(grades(ranked, judgments), k) / idcg;
    }

    static double reciprocalRank(List<String> ranked, Map<String, Integer> judgments, int minGrade, int k) {
        for (int i = 0; i < Math.min(k, ranked.size()); i++) {
            if (judgments.getOrDefault(ranked.get(i), 0) >= minGrade) return 1.0 / (i + 1);
        }
        return 0;
    }

    static double mean(List<Double> values) {
        return values.isEmpty() ? 0 : values.stream().mapToDouble(Double::doubleValue).sum() / values.size();
    }

    private static List<Integer> grades(List<String> ranked, Map<String, Integer> judgments) {
        return ranked.stream().map(id -> judgments.getOrDefault(id, 0)).toList();
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}

package org.opencxm.text;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallzhv15.BgeSmallZhV15EmbeddingModel;
import org.jspecify.annotations.Nullable;
import org.opencxm.shared.ExperienceFactor;

/**
 * The lexicon engine with sentence embeddings added: each comment and clause is embedded
 * with an ONNX model that runs in the process (bge-small-zh-v1.5 for Chinese and mixed
 * text, all-MiniLM-L6-v2 for English), and
 * <ul>
 * <li>sentiment: the lexicon's score is moved by how much closer the text lies to a few
 * labelled positive anchor sentences than to negative ones, which reads comments whose
 * sentiment lies in facts rather than in listed words;</li>
 * <li>aspects: a clause the keyword lists gave no experience factor takes the factor whose
 * description it is closest to, and a theme no keyword found matches the clause most
 * similar to one of its example sentences.</li>
 * </ul>
 * Clauses, offsets, key phrases and keyword matches stay the lexicon engine's. The models
 * load once (a few seconds); the engine is thread-safe.
 */
public final class EmbeddingEngine implements CommentEngine {

	/** How far the embeddings may move a score: the lexicon keeps the larger say. */
	static final double EMBEDDING_WEIGHT = 0.6;

	/** Scales a difference of cosine similarities (a few hundredths) to about ±1. */
	static final double GAIN = 12;

	private final TextAnalyzer lexicon;

	private final Model chinese;

	private final Model english;

	public EmbeddingEngine() {
		this(new TextAnalyzer(), new BgeSmallZhV15EmbeddingModel(), new AllMiniLmL6V2EmbeddingModel());
	}

	EmbeddingEngine(TextAnalyzer lexicon, EmbeddingModel chinese, EmbeddingModel english) {
		this.lexicon = lexicon;
		this.chinese = new Model(chinese, Anchors.CHINESE, 0.55, 0.72);
		this.english = new Model(english, Anchors.ENGLISH, 0.30, 0.55);
	}

	@Override
	public CommentAnalysis analyze(@Nullable String text, ThemeCatalog themes) {
		CommentAnalysis base = this.lexicon.analyze(text, themes);
		if (base.clauses().isEmpty() || base.language() == Language.UNKNOWN) {
			return base;
		}
		Model model = (base.language() == Language.ENGLISH) ? this.english : this.chinese;
		String normalized = base.normalizedText();
		List<TextSegment> segments = new ArrayList<>(base.clauses().size() + 1);
		segments.add(TextSegment.from(cut(normalized, 0, normalized.length())));
		for (ClauseAnalysis clause : base.clauses()) {
			segments.add(TextSegment.from(cut(normalized, clause.start(), clause.end())));
		}
		List<float[]> vectors = model.embed(segments);
		List<Theme> themed = themes.themes().stream().filter((theme) -> !theme.examples().isEmpty()).toList();
		List<ThemeMatch> matches = new ArrayList<>(base.themes());
		if (!themed.isEmpty()) {
			matches.addAll(similarThemes(model, themes, themed, base, vectors));
		}
		List<ClauseAnalysis> clauses = new ArrayList<>(base.clauses().size());
		for (int c = 0; c < base.clauses().size(); c++) {
			ClauseAnalysis clause = base.clauses().get(c);
			float[] vector = vectors.get(c + 1);
			double score = combine(clause.score(), model.sentiment(vector));
			List<ExperienceFactor> factors = clause.factors();
			if (factors.isEmpty()) {
				ExperienceFactor factor = model.factor(vector);
				factors = (factor != null) ? List.of(factor) : List.of();
			}
			List<String> themeIds = new ArrayList<>();
			for (ThemeMatch match : matches) {
				if (match.clauseIndex() == c && !themeIds.contains(match.themeId())) {
					themeIds.add(match.themeId());
				}
			}
			clauses.add(new ClauseAnalysis(clause.text(), clause.start(), clause.end(), score,
					SentimentLabel.of(score), clause.intensity(), factors, clause.semModules(), themeIds));
		}
		double score = combine(base.score(), model.sentiment(vectors.get(0)));
		return new CommentAnalysis(base.language(), normalized, score, SentimentLabel.of(score), base.intensity(),
				clauses, base.keyPhrases(), matches);
	}

	/**
	 * The lexicon's score moved towards the embedding's reading, within [-1, 1].
	 */
	static double combine(double lexicon, double embedding) {
		return Math.max(-1, Math.min(1, lexicon + EMBEDDING_WEIGHT * embedding));
	}

	private static List<ThemeMatch> similarThemes(Model model, ThemeCatalog catalog, List<Theme> themed,
			CommentAnalysis base, List<float[]> vectors) {
		Map<String, List<float[]>> examples = model.examples(catalog, themed);
		Set<String> found = new HashSet<>(base.themeIds());
		List<ThemeMatch> matches = new ArrayList<>();
		for (Theme theme : themed) {
			if (found.contains(theme.id())) {
				continue;
			}
			List<float[]> exampleVectors = examples.getOrDefault(theme.id(), List.of());
			double best = 0;
			int bestClause = -1;
			int bestExample = -1;
			for (int c = 0; c < base.clauses().size(); c++) {
				for (int e = 0; e < exampleVectors.size(); e++) {
					double similarity = cosine(vectors.get(c + 1), exampleVectors.get(e));
					if (similarity > best) {
						best = similarity;
						bestClause = c;
						bestExample = e;
					}
				}
			}
			if (bestClause >= 0 && best >= model.themeThreshold) {
				matches.add(new ThemeMatch(theme.id(), bestClause, ThemeMatch.Via.SIMILARITY,
						Math.round(best * 1000) / 1000.0, theme.examples().get(bestExample)));
			}
		}
		return matches;
	}

	private static String cut(String text, int start, int end) {
		int from = Math.max(0, Math.min(start, text.length()));
		String cut = text.substring(from, Math.max(from, Math.min(end, text.length()))).strip();
		return cut.isEmpty() ? "." : cut;
	}

	static double cosine(float[] a, float[] b) {
		double dot = 0;
		double na = 0;
		double nb = 0;
		for (int i = 0; i < a.length; i++) {
			dot += a[i] * b[i];
			na += a[i] * a[i];
			nb += b[i] * b[i];
		}
		return (na == 0 || nb == 0) ? 0 : dot / Math.sqrt(na * nb);
	}

	/**
	 * One embedding model with its anchor vectors, computed once, and the example vectors
	 * of the theme catalogs it has seen (a catalog is rebuilt when themes change, so the
	 * old one's vectors go with it).
	 */
	private static final class Model {

		private final EmbeddingModel model;

		private final float[] positive;

		private final float[] negative;

		private final Map<ExperienceFactor, float[]> factors = new EnumMap<>(ExperienceFactor.class);

		private final double factorThreshold;

		private final double themeThreshold;

		private final Map<ThemeCatalog, Map<String, List<float[]>>> examples = Collections
			.synchronizedMap(new WeakHashMap<>());

		Model(EmbeddingModel model, Anchors anchors, double factorThreshold, double themeThreshold) {
			this.model = model;
			this.positive = centroid(anchors.positive());
			this.negative = centroid(anchors.negative());
			anchors.factors().forEach((factor, sentences) -> this.factors.put(factor, centroid(sentences)));
			this.factorThreshold = factorThreshold;
			this.themeThreshold = themeThreshold;
		}

		List<float[]> embed(List<TextSegment> segments) {
			return this.model.embedAll(segments).content().stream().map((e) -> e.vector()).toList();
		}

		/** Closer to the positive anchors than to the negative ones: above 0. */
		double sentiment(float[] vector) {
			return Math.tanh(GAIN * (cosine(vector, this.positive) - cosine(vector, this.negative)));
		}

		@Nullable ExperienceFactor factor(float[] vector) {
			ExperienceFactor best = null;
			double bestSimilarity = this.factorThreshold;
			for (Map.Entry<ExperienceFactor, float[]> entry : this.factors.entrySet()) {
				double similarity = cosine(vector, entry.getValue());
				if (similarity >= bestSimilarity) {
					best = entry.getKey();
					bestSimilarity = similarity;
				}
			}
			return best;
		}

		Map<String, List<float[]>> examples(ThemeCatalog catalog, List<Theme> themed) {
			synchronized (this.examples) {
				return this.examples.computeIfAbsent(catalog, (key) -> {
					Map<String, List<float[]>> vectors = new java.util.HashMap<>();
					for (Theme theme : themed) {
						vectors.put(theme.id(), embed(theme.examples().stream().map(TextSegment::from).toList()));
					}
					return vectors;
				});
			}
		}

		private float[] centroid(List<String> sentences) {
			List<float[]> vectors = embed(sentences.stream().map(TextSegment::from).toList());
			float[] sum = new float[vectors.get(0).length];
			for (float[] vector : vectors) {
				double norm = Math.sqrt(cosineNorm(vector));
				for (int i = 0; i < sum.length; i++) {
					sum[i] += (float) (vector[i] / norm);
				}
			}
			return sum;
		}

		private static double cosineNorm(float[] vector) {
			double norm = 0;
			for (float value : vector) {
				norm += value * value;
			}
			return (norm == 0) ? 1 : norm;
		}

	}

	/**
	 * Sentences written for OpenCXM that stand for praise, complaint and each experience
	 * factor, in one language. None is taken from the evaluation data.
	 */
	record Anchors(List<String> positive, List<String> negative, Map<ExperienceFactor, List<String>> factors) {

		static final Anchors CHINESE = new Anchors(
				List.of("非常满意，下次还会再来", "味道很好，服务也很周到", "送得很快，包装也很好", "性价比很高，推荐给朋友", "环境干净，员工很热情",
						"东西好吃，分量也足", "体验非常棒，谢谢", "办理得很顺利，很省心"),
				List.of("非常失望，再也不会来了", "太难吃了，根本不值这个价", "送得太慢，饭都凉了", "服务态度很差，没人理我", "等了一个多小时还没到",
						"质量太差，我要退款", "包装破了，洒了一地", "体验很糟糕，我要投诉"),
				factors("菜品的味道、分量和产品质量", "服务员、客服和工作人员的态度", "会员、积分和老客户的待遇", "送餐、排队、等待和办理手续是否方便",
						"品牌的口碑和形象", "价格、费用和性价比"));

		static final Anchors ENGLISH = new Anchors(
				List.of("I am very satisfied and will come back", "The food was delicious and the staff were friendly",
						"Fast delivery and great quality", "Excellent service, I highly recommend it",
						"It works perfectly and is great value", "A wonderful experience, thank you",
						"Everything was clean and well organised", "I love it"),
				List.of("I am very disappointed and will never come back", "The food was awful and overpriced",
						"Delivery was late and the food was cold", "Terrible service, nobody helped me",
						"It broke after two days, a waste of money", "We waited an hour and nobody came",
						"Poor quality, I want a refund", "The worst experience ever"),
				factors("the quality, taste and features of the product", "the staff and the customer service",
						"membership, loyalty points and how regular customers are treated",
						"delivery, queues, waiting time and how easy it is to get things done",
						"the brand's reputation and image", "the price, the fees and value for money"));

		private static Map<ExperienceFactor, List<String>> factors(String... descriptions) {
			Map<ExperienceFactor, List<String>> factors = new EnumMap<>(ExperienceFactor.class);
			ExperienceFactor[] values = ExperienceFactor.values();
			for (int i = 0; i < values.length; i++) {
				factors.put(values[i], List.of(descriptions[i]));
			}
			return factors;
		}

	}

}

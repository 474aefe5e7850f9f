package org.opencxm.text;

import java.util.List;
import java.util.Set;

/**
 * The sentiment rules, applied to the tokens of one clause.
 * <p>
 * Each sentiment word contributes its weight, changed by the modifiers before it: a
 * degree adverb multiplies it (很好, very good), a negation flips it (不好, not good),
 * flipping a negative word only half way (不难吃 and "not bad" are mildly positive), a
 * degree adverb between negation and word softens the flip (不很好, not very good) while one
 * before the negation sharpens it (很不好). The rules then look at the clause as a whole:
 * complaint patterns (太…了, 等了…小时), rhetorical questions (难道…吗 turns the literal sentiment
 * around), plain questions (a positive word in a question counts half), and repeated
 * punctuation (！！！, ???) as an intensifier.
 */
final class ClauseScorer {

	/** Sentiment of a scalar adjective said of its attribute: 价格高, high quality. */
	private static final double ATTRIBUTE_WEIGHT = 1.5;

	/** Unlisted Chinese characters a modifier may reach across: 没有(想象中)好吃. */
	private static final int HAN_GAP = 4;

	/** Words a modifier may reach across: not (a very) good. */
	private static final int LATIN_GAP = 3;

	/** Chinese characters between a wait and its time unit: 等了(一个多)小时. */
	private static final int WAIT_HAN_REACH = 10;

	/** Words between a wait and its time unit: waited (over an) hour. */
	private static final int WAIT_LATIN_REACH = 6;

	/** How much of a positive word's weight a negation turns negative. */
	private static final double NEGATED_POSITIVE = 0.85;

	/**
	 * "Not the best" is not "the worst": a negation reads a stronger word as a plain one.
	 */
	private static final double NEGATED_CAP = 2;

	/** How much of a negative word's weight a negation turns positive. */
	private static final double NEGATED_NEGATIVE = 0.5;

	/**
	 * Sentiment of 太…了 or "too" said of a word with no listed sentiment: 太咸了 is a
	 * complaint.
	 */
	private static final double EXCESS = -1.0;

	/** Sentiment of a rhetorical question that holds no sentiment word: 难道不知道要放餐具吗. */
	private static final double RHETORICAL = -1.5;

	/** Sentiment of 不是…吗 with no sentiment word: 不是说半小时送到吗. */
	private static final double REPROACH = -1.0;

	/** Sentiment of repeated question marks with no sentiment word: 我的饭呢??? */
	private static final double EXASPERATION = -0.5;

	private static final double DOUBLE_NEGATION = 0.7;

	/** Share of a positive word's weight that English "too" turns negative. */
	private static final double TOO_MUCH_OF_GOOD = 0.5;

	/** 好 in 好好吃, "pretty" in "pretty good": a degree adverb. */
	private static final Cue.Degree DUAL_DEGREE = new Cue.Degree(1.3, false, false);

	private static final double MAX_DEGREE = 2.5;

	/** After these, English "like" is a verb of liking, not a preposition. */
	private static final Set<String> SUBJECTS = Set.of("i", "we", "you", "they", "he", "she", "also", "still", "just",
			"both", "would", "i'd", "we'd", "they'd", "do", "did", "does", "will", "i'll", "must", "kids", "everyone",
			"everybody", "actually", "honestly", "genuinely");

	/**
	 * The score of one clause, before it is weighed against the others.
	 *
	 * @param raw the sum of contributions, unbounded
	 * @param magnitude the sum of their absolute values
	 * @param contrast whether the clause starts with a contrast word (but, 但是)
	 * @param concessive whether it is a concessive clause (although, 虽然)
	 * @param summary whether it sums up (overall, 总的来说)
	 */
	record Score(double raw, double magnitude, boolean contrast, boolean concessive, boolean summary) {

	}

	/**
	 * Scores a clause.
	 * @param text the analysis text
	 * @param tokens the tokens of the whole text
	 * @param span the clause
	 * @return its score
	 */
	Score score(String text, List<Token> tokens, ClauseSplitter.Span span) {
		return new Run(text, tokens, span).score();
	}

	/**
	 * The state of scoring one clause; short-lived, so that the scorer itself stays
	 * shareable.
	 */
	private static final class Run {

		private final String text;

		private final List<Token> tokens;

		private final ClauseSplitter.Span span;

		private final int from;

		private final int to;

		private final boolean[] negationUsed;

		private final boolean question;

		private boolean rhetoric;

		private boolean reproach;

		private double raw;

		private double magnitude;

		Run(String text, List<Token> tokens, ClauseSplitter.Span span) {
			this.text = text;
			this.tokens = tokens;
			this.span = span;
			this.from = span.firstToken();
			this.to = span.lastToken();
			this.negationUsed = new boolean[this.to - this.from];
			this.question = isQuestion();
		}

		Score score() {
			boolean contrast = false;
			boolean concessive = false;
			boolean summary = false;
			for (int k = this.from; k < this.to; k++) {
				Token token = this.tokens.get(k);
				switch (token.cue()) {
					case Cue.Polar polar -> {
						if (actsAsPolar(k, polar)) {
							add(modify(k, polar.weight()));
						}
					}
					case Cue.Scalar scalar -> {
						double base = scalarBase(k, scalar);
						if (base != 0) {
							add(modify(k, base));
						}
					}
					case Cue.Wait wait -> add(wait.weight() * timeUnitAfter(k));
					case Cue.Degree degree when degree.excess() && !degree.post() -> add(excess(k));
					case Cue.Contrast marker -> {
						boolean first = k == this.from;
						if (marker.concessive()) {
							concessive = true;
						}
						else if (first || marker.splits()) {
							contrast = true;
						}
					}
					case Cue.Summary marker -> summary = true;
					case Cue.Rhetoric marker -> this.rhetoric = true;
					case Cue.Negator negator when negator.rhetorical() && this.question -> this.reproach = true;
					default -> {
					}
				}
			}
			addUnattachedNegations();
			applyQuestion();
			applyPunctuation();
			return new Score(this.raw, this.magnitude, contrast, concessive, summary);
		}

		private void add(double value) {
			this.raw += value;
			this.magnitude += Math.abs(value);
		}

		private boolean actsAsPolar(int k, Cue.Polar polar) {
			return switch (polar.role()) {
				case PLAIN -> true;
				case DUAL -> !(k + 1 < this.to && adjacent(k, k + 1) && carriesSentiment(this.tokens.get(k + 1).cue()));
				case VERB -> k > this.from && isSubject(this.tokens.get(k - 1));
			};
		}

		private static boolean isSubject(Token before) {
			return before.cue() instanceof Cue.Negator || before.cue() instanceof Cue.Degree
					|| SUBJECTS.contains(before.word());
		}

		private static boolean carriesSentiment(Cue cue) {
			return cue instanceof Cue.Polar || cue instanceof Cue.Scalar;
		}

		private boolean adjacent(int left, int right) {
			int gap = this.tokens.get(right).start() - this.tokens.get(left).end();
			return gap == 0 || (gap == 1 && this.text.charAt(this.tokens.get(left).end()) == ' ');
		}

		/**
		 * Applies the degree adverbs and negations that reach the sentiment word at
		 * {@code k}.
		 */
		private double modify(int k, double base) {
			double value = base;
			if (k + 1 < this.to && this.tokens.get(k + 1).cue() instanceof Cue.Degree post && post.post()
					&& adjacent(k, k + 1)) {
				value *= post.factor();
			}
			double near = 1;
			double far = 1;
			int negations = 0;
			double strength = 1;
			int gap = 0;
			int words = 0;
			boolean tooMuch = false;
			for (int j = k - 1; j >= this.from; j--) {
				Token token = this.tokens.get(j);
				Cue cue = token.cue();
				if (cue instanceof Cue.Polar polar && polar.role() == Cue.Role.DUAL && adjacent(j, j + 1)) {
					cue = DUAL_DEGREE;
				}
				if (cue instanceof Cue.Degree degree && !degree.post()) {
					if (negations == 0) {
						near *= degree.factor();
						tooMuch |= degree.excess() && token.isLatin();
					}
					else {
						far *= degree.factor();
					}
				}
				else if (cue instanceof Cue.Negator negator && !(negator.rhetorical() && this.question)) {
					negations++;
					strength = Math.min(strength, negator.strength());
					this.negationUsed[j - this.from] = true;
				}
				else if (cue == Cue.NEUTRAL || cue instanceof Cue.Attribute || cue instanceof Cue.Question) {
					if (token.isHan()) {
						gap += token.length();
						if (gap > HAN_GAP) {
							break;
						}
					}
					else if (++words > LATIN_GAP) {
						break;
					}
				}
				else {
					break;
				}
			}
			if (negations % 2 == 1) {
				// "not very good" is only mildly bad: a degree adverb inside the negation
				// softens it
				double softness = (near > 1) ? Math.min(strength, 0.6) : strength;
				value = (value > 0) ? -Math.min(value, NEGATED_CAP) * NEGATED_POSITIVE * softness
						: -value * NEGATED_NEGATIVE * softness;
				return value * Math.min(far, MAX_DEGREE);
			}
			if (tooMuch && value > 0 && negations == 0) {
				// English "too" turns praise into a complaint (too sweet, too soft);
				// Chinese 太 does not (太好了)
				return -value * TOO_MUCH_OF_GOOD;
			}
			double degree = Math.min(near * far, MAX_DEGREE);
			return (negations > 0) ? value * degree * DOUBLE_NEGATION : value * degree;
		}

		/** The sentiment of a scalar: from the attribute it describes, or its own. */
		private double scalarBase(int k, Cue.Scalar scalar) {
			int reach = 0;
			for (int j = k - 1; j >= this.from && reach <= HAN_GAP; j--) {
				Token token = this.tokens.get(j);
				if (token.cue() instanceof Cue.Attribute attribute) {
					return ATTRIBUTE_WEIGHT * attribute.direction() * scalar.direction();
				}
				if (token.cue() instanceof Cue.Polar || token.cue() instanceof Cue.Scalar) {
					break;
				}
				reach += token.isHan() ? token.length() : 1;
			}
			Token token = this.tokens.get(k);
			// English puts the adjective first: high quality, long wait
			if (token.isLatin() && k + 1 < this.to && this.tokens.get(k + 1).cue() instanceof Cue.Attribute attribute) {
				return ATTRIBUTE_WEIGHT * attribute.direction() * scalar.direction();
			}
			return scalar.alone();
		}

		/** The factor of the first time unit after a wait, or 0 when there is none. */
		private double timeUnitAfter(int k) {
			Token wait = this.tokens.get(k);
			int words = 0;
			for (int j = k + 1; j < this.to; j++) {
				Token token = this.tokens.get(j);
				if (token.cue() instanceof Cue.TimeUnit unit) {
					boolean near = wait.isLatin() ? words <= WAIT_LATIN_REACH
							: token.start() - wait.end() <= WAIT_HAN_REACH;
					return near ? unit.factor() : 0;
				}
				words++;
			}
			return 0;
		}

		/**
		 * 太 or "too" before a word with no listed sentiment is a complaint by itself:
		 * 太咸了, too small. Before a sentiment word it is only a degree adverb, which
		 * {@link #modify} applies.
		 */
		private double excess(int k) {
			Token token = this.tokens.get(k);
			if (k + 1 >= this.to) {
				return 0;
			}
			Token next = this.tokens.get(k + 1);
			if (next.cue() instanceof Cue.Scalar scalar) {
				// 太少了, too small: a scalar with no attribute near says only "too much"
				return (scalarBase(k + 1, scalar) == 0) ? EXCESS : 0;
			}
			if (carriesSentiment(next.cue())) {
				return 0;
			}
			if (token.isHan()) {
				int limit = Math.min(this.span.end(), token.end() + HAN_GAP);
				for (int i = token.end() + 1; i < limit && Scripts.isHan(this.text.charAt(i)); i++) {
					if (this.text.charAt(i) == '了') {
						return EXCESS;
					}
				}
				return 0;
			}
			return (next.isLatin() && next.cue() == Cue.NEUTRAL && !next.word().isEmpty()
					&& Character.isLetter(next.word().charAt(0))) ? EXCESS : 0;
		}

		/** A negation that found no sentiment word: 没送餐具, "never arrived". */
		private void addUnattachedNegations() {
			for (int k = this.from; k < this.to; k++) {
				if (this.tokens.get(k).cue() instanceof Cue.Negator negator && !this.negationUsed[k - this.from]
						&& !(negator.rhetorical() && this.question)) {
					add(negator.unattached());
				}
			}
		}

		private void applyQuestion() {
			if (this.rhetoric) {
				this.raw = (this.raw != 0) ? -this.raw : RHETORICAL;
				this.magnitude = Math.max(this.magnitude, Math.abs(this.raw));
			}
			else if (this.reproach && this.raw == 0) {
				add(REPROACH);
			}
			else if (this.question && this.raw > 0) {
				// "好吃吗？" asks; it does not praise
				this.raw *= 0.5;
			}
		}

		private void applyPunctuation() {
			int exclamations = 0;
			int questions = 0;
			for (int i = this.span.start(); i < this.span.end(); i++) {
				char c = this.text.charAt(i);
				if (c == '!') {
					exclamations++;
				}
				else if (c == '?') {
					questions++;
				}
			}
			double boost = 1 + 0.1 * Math.min(exclamations, 4);
			if (questions >= 2) {
				if (this.raw == 0) {
					add(EXASPERATION);
				}
				boost += 0.1 * Math.min(questions, 4);
			}
			this.raw *= boost;
			this.magnitude *= boost;
		}

		private boolean isQuestion() {
			for (int i = this.span.start(); i < this.span.end(); i++) {
				if (this.text.charAt(i) == '?') {
					return true;
				}
			}
			for (int k = this.from; k < this.to; k++) {
				if (this.tokens.get(k).cue() instanceof Cue.Question) {
					return true;
				}
			}
			return false;
		}

	}

}

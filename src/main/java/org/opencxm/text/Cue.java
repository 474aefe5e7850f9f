package org.opencxm.text;

/**
 * What a word from the lexicons tells the sentiment rules.
 */
sealed interface Cue {

	/** A word with no cue; also stands for text outside the lexicons. */
	Neutral NEUTRAL = new Neutral();

	/**
	 * A word that carries sentiment by itself.
	 *
	 * @param weight from -3 (very negative) to 3 (very positive)
	 * @param role how the word behaves next to other words
	 */
	record Polar(double weight, Role role) implements Cue {

	}

	/**
	 * How a sentiment word behaves next to others.
	 */
	enum Role {

		/** Always a sentiment word. */
		PLAIN,

		/**
		 * An intensifier when another sentiment word follows at once (好好吃, pretty good).
		 */
		DUAL,

		/** English "like": a sentiment word only after a subject or an adverb. */
		VERB

	}

	/**
	 * A negation word.
	 *
	 * @param strength 1 flips fully; less flips a softened sentiment (不太, hardly)
	 * @param unattached sentiment added when the negation finds no sentiment word to
	 * flip, as in 没送餐具 or "never arrived"
	 * @param rhetorical whether the word turns assertive in a question (不是…吗)
	 */
	record Negator(double strength, double unattached, boolean rhetorical) implements Cue {

	}

	/**
	 * A degree adverb.
	 *
	 * @param factor multiplies the sentiment word it applies to
	 * @param post whether it follows its word (好吃极了, 难吃死了) instead of preceding it
	 * @param excess whether it says "too much" (太, too), which is a complaint by itself
	 */
	record Degree(double factor, boolean post, boolean excess) implements Cue {

	}

	/**
	 * A contrast word. The clauses before "but" weigh less than the one it starts; a
	 * concessive clause ("although") weighs less than the others.
	 *
	 * @param concessive whether it marks its own clause as the weaker one
	 * @param splits whether it starts a new clause wherever it stands, or only counts at
	 * the start of one (就是, 只是)
	 */
	record Contrast(boolean concessive, boolean splits) implements Cue {

	}

	/** A summing-up word (总的来说, overall): its clause weighs more. */
	record Summary() implements Cue {

	}

	/** Opens a rhetorical question (难道, 怎么能): the literal sentiment is turned around. */
	record Rhetoric() implements Cue {

	}

	/** A question particle (吗). */
	record Question() implements Cue {

	}

	/**
	 * Waiting (等了, waited): a complaint when a span of time follows.
	 *
	 * @param weight the sentiment when a time unit follows
	 */
	record Wait(double weight) implements Cue {

	}

	/**
	 * A span of time (分钟, 小时, hours) that makes a wait a complaint.
	 *
	 * @param factor how much longer waits hurt more
	 */
	record TimeUnit(double factor) implements Cue {

	}

	/**
	 * An attribute whose polarity follows the scalar said of it: a high price is bad, a
	 * high quality good.
	 *
	 * @param direction 1 when more is better, -1 when more is worse
	 */
	record Attribute(int direction) implements Cue {

	}

	/**
	 * A scalar adjective (高, 少, high, long) whose sentiment depends on the attribute it
	 * describes.
	 *
	 * @param direction 1 for "more", -1 for "less"
	 * @param alone the sentiment when no attribute is near
	 */
	record Scalar(int direction, double alone) implements Cue {

	}

	/**
	 * A word with no sentiment, listed to keep a shorter word from matching inside it.
	 */
	record Neutral() implements Cue {

	}

}

package org.opencxm.text;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.opencxm.analytics.Comparison;
import org.opencxm.analytics.ConfidenceInterval;
import org.opencxm.analytics.MeanEstimate;
import org.opencxm.analytics.NetPromoterScore;
import org.opencxm.shared.LocalizedText;

/**
 * What customers' comments say by theme and by experience factor over a period: how many
 * mention each, how they feel about it, and the NPS of the responses that mention it; and
 * which themes and factors detractors mention more than other customers.
 *
 * @param grain the period of the points: day, week (from Monday), month or quarter
 * @param themes one series per workspace theme mentioned, most mentioned first
 * @param factors one series per experience factor mentioned, most mentioned first
 */
public record ThemeReport(LocalDate from, LocalDate to, String grain, List<Series> themes, List<Series> factors,
		DetractorDrivers detractorDrivers) {

	/**
	 * The figures of one theme or factor over the whole period and per period.
	 *
	 * @param kind {@code THEME} or {@code FACTOR}
	 * @param code the theme's code or the factor's name
	 * @param name the name in both languages; {@code null} for a theme deleted since the
	 * comments were analysed
	 */
	public record Series(String kind, String code, @Nullable LocalizedText name, Figures total, List<Point> points) {

	}

	/**
	 * The figures of one period, which starts on {@code period}.
	 */
	public record Point(LocalDate period, Figures figures) {

	}

	/**
	 * @param comments comments that mention the theme or factor
	 * @param responses responses with such a comment
	 * @param sentiment the comments' mean sentiment in [-1, 1], with its 95% t interval
	 * @param negative the share of those comments labelled negative, with its Wilson
	 * interval
	 * @param nps the NPS of those responses that answered the NPS question, with its
	 * interval; {@code null} when none did
	 */
	public record Figures(long comments, long responses, MeanEstimate sentiment, Share negative,
			@Nullable NetPromoterScore nps) {

	}

	/**
	 * A share with its 95% Wilson interval.
	 */
	public record Share(long count, long of, double share, ConfidenceInterval interval) {

	}

	/**
	 * Which themes and factors detractors mention more than the other customers, among
	 * the responses with an NPS answer and an analysed comment.
	 *
	 * @param detractors responses of detractors (NPS 0–6) with a comment
	 * @param others responses of promoters and passives with a comment
	 * @param drivers every theme and factor mentioned, the largest excess among
	 * detractors first
	 */
	public record DetractorDrivers(long detractors, long others, List<Driver> drivers) {

	}

	/**
	 * How much more often detractors mention a theme or factor than the others do.
	 *
	 * @param detractorShare the share of detractors' responses that mention it
	 * @param otherShare the share of the others' responses that mention it
	 * @param lift {@code detractorShare / otherShare}; {@code null} when no other
	 * response mentions it
	 * @param test the two-proportion z test of the difference; {@code null} when a group
	 * is empty or nobody mentions it
	 */
	public record Driver(String kind, String code, @Nullable LocalizedText name, long detractorMentions,
			double detractorShare, long otherMentions, double otherShare, @Nullable Double lift,
			@Nullable Comparison test) {

	}

}

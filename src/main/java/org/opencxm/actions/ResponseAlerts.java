package org.opencxm.actions;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.opencxm.evaluation.ResponseEvaluated;
import org.opencxm.evaluation.ResponseEvaluations;
import org.opencxm.evaluation.ResponsesEvaluated;
import org.opencxm.org.OrgScope;
import org.opencxm.shared.ExperienceFactor;
import org.opencxm.shared.SemModule;
import org.opencxm.surveys.Answer;
import org.opencxm.surveys.Responses;
import org.opencxm.surveys.SurveyResponse;
import org.opencxm.text.CommentAnalyses;
import org.opencxm.text.CommentsAnalysed;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Checks every evaluated response against the alert rules (opening at most one case per
 * rule and response), with what the text module read in its comments (sentiment, themes,
 * experience factors: its stored analysis, so a comment is analysed once), and answers
 * the surveys module whether a customer has an open case, so that no survey goes to a
 * customer whose complaint is still being handled.
 */
@Component
class ResponseAlerts implements org.opencxm.surveys.OpenCaseCheck {

	private final AlertRules rules;

	private final ResponseEvaluations evaluations;

	private final Responses responses;

	private final CommentAnalyses text;

	private final OrgScope scope;

	private final JdbcClient jdbc;

	private final RecoverySurveys recovery;

	ResponseAlerts(AlertRules rules, ResponseEvaluations evaluations, Responses responses, CommentAnalyses text,
			OrgScope scope, JdbcClient jdbc, RecoverySurveys recovery) {
		this.rules = rules;
		this.evaluations = evaluations;
		this.responses = responses;
		this.text = text;
		this.scope = scope;
		this.jdbc = jdbc;
		this.recovery = recovery;
	}

	/**
	 * Checks a response against the rules, except an answer to a recovery survey: that
	 * one becomes its case's follow-up (and reopens the case if the problem persists)
	 * instead of opening another case.
	 */
	@ApplicationModuleListener
	void on(ResponseEvaluated evaluated) {
		SurveyResponse response = this.responses.get(evaluated.responseId());
		if (this.recovery.answersRecoverySurvey(response.invitationId())) {
			return;
		}
		this.scope.runAsSystem(() -> {
			if (this.rules.anyActive()) {
				this.rules.evaluate(input(evaluated, response, comments(List.of(response)).get(response.id())));
			}
		});
	}

	/**
	 * Checks a batch of responses against the rules, except answers to recovery surveys
	 * (responses sent together may answer invitations).
	 */
	@ApplicationModuleListener
	void on(ResponsesEvaluated batch) {
		this.scope.runAsSystem(() -> {
			if (!this.rules.anyActive()) {
				return;
			}
			Map<Long, SurveyResponse> responses = new HashMap<>();
			this.responses.getAll(batch.responseIds()).forEach((response) -> responses.put(response.id(), response));
			Map<Long, CommentsAnalysed> comments = comments(responses.values());
			List<AlertInput> inputs = new java.util.ArrayList<>();
			for (ResponseEvaluated evaluated : this.evaluations.getAll(batch.responseIds())) {
				SurveyResponse response = responses.get(evaluated.responseId());
				if (response != null && !this.recovery.answersRecoverySurvey(response.invitationId())) {
					inputs.add(input(evaluated, response, comments.get(response.id())));
				}
			}
			this.rules.evaluateAll(inputs);
		});
	}

	private Map<Long, CommentsAnalysed> comments(java.util.Collection<SurveyResponse> responses) {
		Map<Long, CommentsAnalysed> comments = new HashMap<>();
		this.text.analysesOf(responses).forEach((analysed) -> comments.put(analysed.responseId(), analysed));
		return comments;
	}

	private static AlertInput input(ResponseEvaluated evaluated, SurveyResponse response,
			@Nullable CommentsAnalysed analysed) {
		Map<String, String> answers = new LinkedHashMap<>();
		List<String> comments = new java.util.ArrayList<>();
		for (Answer answer : response.answers()) {
			switch (answer) {
				case Answer.Score score -> answers.put(score.questionCode(), String.valueOf(score.value()));
				case Answer.Gap gap -> answers.put(gap.questionCode(), String.valueOf(gap.gap()));
				case Answer.Choice choice -> answers.put(choice.questionCode(), String.join(",", choice.options()));
				case Answer.Text comment -> {
					answers.put(comment.questionCode(), comment.text());
					comments.add(comment.text());
				}
			}
		}
		Double sentiment = null;
		Set<String> themes = new LinkedHashSet<>();
		Set<ExperienceFactor> factors = EnumSet.noneOf(ExperienceFactor.class);
		if (analysed != null && !analysed.comments().isEmpty()) {
			sentiment = analysed.lowestScore();
			analysed.comments().forEach((comment) -> {
				themes.addAll(comment.themes());
				factors.addAll(comment.factors());
			});
		}
		Map<SemModule, Double> sem = new EnumMap<>(SemModule.class);
		sem.putAll(evaluated.semScores());
		return new AlertInput(evaluated.responseId(), evaluated.customerId(), evaluated.touchpointId(),
				evaluated.stageId(), evaluated.unitId(), Set.of(), evaluated.nps(),
				(evaluated.npsClass() != null) ? evaluated.npsClass().name() : null,
				(evaluated.csat() != null) ? evaluated.csat().doubleValue() : null,
				(evaluated.ces() != null) ? evaluated.ces().doubleValue() : null, sem,
				(evaluated.experienceLevel() != null) ? evaluated.experienceLevel().name() : null, answers, comments,
				sentiment, themes, factors);
	}

	@Override
	public boolean hasOpenCase(long customerId) {
		return this.jdbc.sql("""
				select count(*) from cx_case where customer_id = :customer and status not in ('RESOLVED', 'CLOSED')
				""").param("customer", customerId).query(Long.class).single() > 0;
	}

}

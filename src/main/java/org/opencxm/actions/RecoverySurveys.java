package org.opencxm.actions;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.opencxm.org.OrgScope;
import org.opencxm.org.Role;
import org.opencxm.shared.FieldViolation;
import org.opencxm.shared.InvalidInputException;
import org.opencxm.shared.SqlDialect;
import org.opencxm.shared.SqlTime;
import org.opencxm.surveys.Answer;
import org.opencxm.surveys.Invitation;
import org.opencxm.surveys.InvitationAnswered;
import org.opencxm.surveys.InvitationChannel;
import org.opencxm.surveys.InvitationRequest;
import org.opencxm.surveys.Invitations;
import org.opencxm.surveys.Question;
import org.opencxm.surveys.Responses;
import org.opencxm.surveys.Survey;
import org.opencxm.surveys.SurveyResponse;
import org.opencxm.surveys.SurveyStatus;
import org.opencxm.surveys.SurveyTemplates;
import org.opencxm.surveys.Surveys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The recovery survey: when a case with a customer is resolved, the customer is invited,
 * through the surveys module's channels and contact rules, to say whether the problem is
 * resolved and how satisfied they are now; the answer becomes the case's follow-up. One
 * survey per resolution (the case's version at resolution is part of the invitation's
 * reference), asked for after the resolution's commit so that resolving never waits for
 * mail.
 */
@Service
public class RecoverySurveys {

	/** The question codes a recovery survey must have. */
	static final String RESOLVED = "resolved";

	static final String SATISFACTION = "satisfaction";

	static final String YES = "yes";

	private static final String REFERENCE = "case:";

	private static final Logger log = LoggerFactory.getLogger(RecoverySurveys.class);

	private final JdbcClient jdbc;

	private final OrgScope scope;

	private final Surveys surveys;

	private final SurveyTemplates templates;

	private final Invitations invitations;

	private final Responses responses;

	private final CaseFollowUps followUps;

	private final Cases cases;

	private final Clock clock;

	private final String insert;

	private final TransactionTemplate ownTransaction;

	RecoverySurveys(JdbcClient jdbc, SqlDialect dialect, OrgScope scope, Surveys surveys, SurveyTemplates templates,
			Invitations invitations, Responses responses, CaseFollowUps followUps, Cases cases, Clock clock,
			PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.ownTransaction = new TransactionTemplate(transactions);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.scope = scope;
		this.surveys = surveys;
		this.templates = templates;
		this.invitations = invitations;
		this.responses = responses;
		this.followUps = followUps;
		this.cases = cases;
		this.clock = clock;
		this.insert = dialect.upsert("case_recovery_survey", List.of("case_id", "case_version"),
				List.of("case_id", "case_version", "survey_code", "requested_at"), null, null);
	}

	public RecoverySettings settings() {
		this.scope.requireRole(Role.VIEWER);
		return current();
	}

	/**
	 * Changes the settings (CX managers). The survey must have a single-choice question
	 * {@code resolved} with an option {@code yes} and a CSAT question
	 * {@code satisfaction}; the default survey may not exist yet (it is made from its
	 * template when first needed).
	 */
	@Transactional
	public RecoverySettings put(RecoverySettingsRequest request) {
		this.scope.requireRole(Role.CX_MANAGER);
		RecoverySettings defaults = RecoverySettings.DEFAULTS;
		RecoverySettings wanted = new RecoverySettings(!Boolean.FALSE.equals(request.enabled()),
				(request.survey() != null) ? request.survey() : defaults.survey(),
				(request.channels() != null) ? request.channels() : defaults.channels(),
				(request.delayMinutes() != null) ? request.delayMinutes() : defaults.delayMinutes(),
				(request.expiryHours() != null) ? request.expiryHours() : defaults.expiryHours(),
				(request.quietStart() != null || request.quietEnd() != null) ? request.quietStart()
						: defaults.quietStart(),
				(request.quietStart() != null || request.quietEnd() != null) ? request.quietEnd()
						: defaults.quietEnd());
		List<FieldViolation> violations = new ArrayList<>();
		if ((wanted.quietStart() == null) != (wanted.quietEnd() == null)) {
			violations.add(FieldViolation.of("quietEnd", "quiet hours need both a start and an end"));
		}
		if (wanted.channels().size() != Set.copyOf(wanted.channels()).size()) {
			violations.add(FieldViolation.of("channels", "must not repeat a channel"));
		}
		Optional<Survey> survey = this.surveys.find(wanted.survey());
		if (survey.isEmpty() && !wanted.survey().equals(RecoverySettings.DEFAULT_SURVEY)) {
			violations.add(FieldViolation.of("survey", "no survey has this code"));
		}
		survey.ifPresent((s) -> violations.addAll(suitability(s)));
		if (!violations.isEmpty()) {
			throw new InvalidInputException(violations);
		}
		Instant now = this.clock.instant();
		int changed = this.jdbc.sql("""
				update recovery_survey_setting set enabled = :enabled, survey_code = :survey, channels = :channels,
					delay_minutes = :delay, expiry_hours = :expiry, quiet_start = :quietStart, quiet_end = :quietEnd,
					updated_at = :now
				where id = 1
				""").params(params(wanted)).param("now", SqlTime.of(now)).update();
		if (changed == 0) {
			this.jdbc
				.sql("""
						insert into recovery_survey_setting (id, enabled, survey_code, channels, delay_minutes, expiry_hours,
							quiet_start, quiet_end, updated_at)
						values (1, :enabled, :survey, :channels, :delay, :expiry, :quietStart, :quietEnd, :now)
						""")
				.params(params(wanted))
				.param("now", SqlTime.of(now))
				.update();
		}
		return current();
	}

	/** The recovery surveys of a case the caller may see, oldest first. */
	public List<RecoverySurvey> list(long caseId) {
		this.cases.get(caseId);
		return this.jdbc.sql("select * from case_recovery_survey where case_id = :case order by case_version")
			.param("case", caseId)
			.query((rs, row) -> {
				long version = rs.getLong("case_version");
				return new Stored(version, rs.getString("survey_code"), SqlTime.requiredInstant(rs, "requested_at"));
			})
			.list()
			.stream()
			.map((stored) -> {
				Invitation invitation = this.invitations.byReference(reference(caseId, stored.version())).orElse(null);
				return new RecoverySurvey(caseId, stored.version(), stored.survey(), stored.requestedAt(),
						(invitation != null) ? invitation.id() : null,
						(invitation != null) ? invitation.status() : null,
						(invitation != null && invitation.channel() != null) ? invitation.channel().name() : null,
						(invitation != null) ? invitation.reason() : null,
						(invitation != null) ? invitation.dueAt() : null,
						(invitation != null) ? invitation.sentAt() : null,
						(invitation != null) ? invitation.answeredAt() : null);
			})
			.toList();
	}

	private record Stored(long version, String survey, Instant requestedAt) {
	}

	@ApplicationModuleListener
	void on(CaseResolved resolved) {
		if (resolved.customerId() != null) {
			this.scope.runAsSystem(() -> request(resolved));
		}
	}

	/**
	 * Asks the surveys module for the invitation of one resolution; doing it again (a
	 * redelivered event) invites nobody twice.
	 */
	void request(CaseResolved resolved) {
		RecoverySettings settings = current();
		Long customerId = resolved.customerId();
		if (!settings.enabled() || customerId == null) {
			return;
		}
		this.jdbc.sql(this.insert)
			.params(resolved.caseId(), resolved.version(), settings.survey(), SqlTime.of(this.clock.instant()))
			.update();
		Optional<Survey> survey = survey(settings.survey());
		if (survey.isEmpty()) {
			log.warn("No published recovery survey {}: case {} is not followed up", settings.survey(),
					resolved.caseId());
			return;
		}
		try {
			Invitation invitation = this.invitations
				.invite(new InvitationRequest(survey.get().code(), customerId,
						reference(resolved.caseId(), resolved.version()), resolved.unitId(), null, settings.channels(),
						Duration.ofMinutes(settings.delayMinutes()), settings.expiryHours(),
						time(settings.quietStart()), time(settings.quietEnd())))
				.value();
			this.jdbc.sql("""
					update case_recovery_survey set invitation_id = :invitation, survey_code = :survey
					where case_id = :case and case_version = :version
					""")
				.param("invitation", invitation.id())
				.param("survey", survey.get().code())
				.param("case", resolved.caseId())
				.param("version", resolved.version())
				.update();
		}
		catch (InvalidInputException ex) {
			log.warn("The recovery survey of case {} could not be asked for: {}", resolved.caseId(), ex.getMessage());
		}
	}

	/** The configured survey, made from its template if it is the default one. */
	private Optional<Survey> survey(String code) {
		Optional<Survey> survey = this.surveys.find(code);
		if (survey.isEmpty() && code.equals(RecoverySettings.DEFAULT_SURVEY)) {
			survey = Optional.of(createDefault(code));
		}
		return survey.filter((s) -> s.status() == SurveyStatus.PUBLISHED);
	}

	/**
	 * Makes the default recovery survey in a transaction of its own: when two resolutions
	 * race to make it, the loser reads the winner's survey instead of failing (a failed
	 * statement would spoil the listener's transaction on PostgreSQL).
	 */
	private Survey createDefault(String code) {
		try {
			Survey created = this.ownTransaction
				.execute((status) -> this.templates.create(SurveyTemplates.CASE_RECOVERY, code, true).value());
			return Objects.requireNonNull(created);
		}
		catch (DuplicateKeyException ex) {
			return this.surveys.find(code).orElseThrow(() -> ex);
		}
	}

	@ApplicationModuleListener
	void on(InvitationAnswered answered) {
		long[] reference = parse(answered.reference());
		if (reference != null) {
			this.scope.runAsSystem(() -> followUp(reference[0], answered.responseId()));
		}
	}

	private void followUp(long caseId, long responseId) {
		SurveyResponse response = this.responses.get(responseId);
		Boolean resolved = response.answer(RESOLVED)
			.map((answer) -> (answer instanceof Answer.Choice choice) ? choice.options().contains(YES) : null)
			.orElse(null);
		if (resolved == null) {
			log.warn("Recovery survey response {} does not say whether case {} is resolved", response.id(), caseId);
			return;
		}
		Integer satisfaction = response.answer(SATISFACTION)
			.map((answer) -> (answer instanceof Answer.Score score && score.value() >= 1 && score.value() <= 5)
					? score.value() : null)
			.orElse(null);
		this.followUps.recordFollowUp(caseId, resolved, satisfaction, response.id());
	}

	/** Whether a response answers a recovery survey (alert rules leave those alone). */
	boolean answersRecoverySurvey(@Nullable Long invitationId) {
		return invitationId != null
				&& this.jdbc.sql("select count(*) from case_recovery_survey where invitation_id = :invitation")
					.param("invitation", invitationId)
					.query(Long.class)
					.single() > 0;
	}

	static String reference(long caseId, long version) {
		return REFERENCE + caseId + ":" + version;
	}

	/** The case id and version of a recovery survey's reference, or null. */
	static long @Nullable [] parse(@Nullable String reference) {
		if (reference == null || !reference.startsWith(REFERENCE)) {
			return null;
		}
		String[] parts = reference.substring(REFERENCE.length()).split(":");
		try {
			return (parts.length == 2) ? new long[] { Long.parseLong(parts[0]), Long.parseLong(parts[1]) } : null;
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	static List<FieldViolation> suitability(Survey survey) {
		List<FieldViolation> violations = new ArrayList<>();
		boolean resolved = survey.questions()
			.stream()
			.anyMatch((q) -> q instanceof Question.SingleChoice choice && choice.code().equals(RESOLVED)
					&& choice.options().stream().anyMatch((o) -> o.code().equals(YES)));
		if (!resolved) {
			violations.add(FieldViolation.of("survey",
					"must ask a single-choice question \"resolved\" with an option \"yes\""));
		}
		boolean satisfaction = survey.questions()
			.stream()
			.anyMatch((q) -> q instanceof Question.Csat csat && csat.code().equals(SATISFACTION));
		if (!satisfaction) {
			violations.add(FieldViolation.of("survey", "must ask a CSAT question \"satisfaction\""));
		}
		return violations;
	}

	private RecoverySettings current() {
		return this.jdbc.sql("select * from recovery_survey_setting where id = 1")
			.query((rs, row) -> new RecoverySettings(rs.getBoolean("enabled"), rs.getString("survey_code"),
					Arrays.stream(rs.getString("channels").split(",")).map(InvitationChannel::valueOf).toList(),
					rs.getInt("delay_minutes"), rs.getInt("expiry_hours"), rs.getString("quiet_start"),
					rs.getString("quiet_end")))
			.optional()
			.orElse(RecoverySettings.DEFAULTS);
	}

	private static java.util.Map<String, Object> params(RecoverySettings settings) {
		java.util.Map<String, Object> params = new java.util.HashMap<>();
		params.put("enabled", settings.enabled());
		params.put("survey", settings.survey());
		params.put("channels", settings.channels().stream().map(Enum::name).collect(Collectors.joining(",")));
		params.put("delay", settings.delayMinutes());
		params.put("expiry", settings.expiryHours());
		params.put("quietStart", settings.quietStart());
		params.put("quietEnd", settings.quietEnd());
		return params;
	}

	private static @Nullable LocalTime time(@Nullable String text) {
		return (text != null) ? LocalTime.parse(text) : null;
	}

}

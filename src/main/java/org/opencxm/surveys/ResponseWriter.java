package org.opencxm.surveys;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.opencxm.journeys.Channel;
import org.opencxm.shared.ConflictException;
import org.opencxm.shared.GroupCommit;
import org.opencxm.shared.LanguageTag;
import org.opencxm.shared.SqlTime;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one path every response takes into the database, from the API and from the
 * respondent page. The response key makes it idempotent: a retry of a complete response
 * changes nothing, a partial response is updated in place, and different answers under
 * the key of a complete response are a conflict. Completing a response marks its
 * invitation answered and publishes {@link ResponseRecorded} in the same transaction;
 * responses that arrive together are written in one transaction and announced by one
 * {@link ResponsesRecorded}.
 */
@Component
class ResponseWriter {

	private static final int MAX_GROUP = 128;

	private static final Duration LINGER = Duration.ofMillis(1);

	private final ResponseStore store;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	/**
	 * Responses that arrive together are written together: one transaction, one commit
	 * and one {@link ResponsesRecorded} for all of them.
	 */
	private final GroupCommit<Submission> submissions;

	ResponseWriter(ResponseStore store, JdbcClient jdbc, TransactionTemplate transactions,
			ApplicationEventPublisher events, Clock clock) {
		this.store = store;
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.events = events;
		this.clock = clock;
		this.submissions = new GroupCommit<>(MAX_GROUP, LINGER, this::writeAlone, this::writeTogether);
	}

	record Links(@Nullable Long customerId, @Nullable Long invitationId, @Nullable Long publicLinkId,
			@Nullable Long interactionId, @Nullable Long touchpointId, @Nullable Long stageId, @Nullable Long unitId,
			@Nullable Long staffId, @Nullable Channel channel) {

	}

	record Draft(String key, SurveyVersion version, ResponseStatus status, ResponseSource source, Links links,
			LanguageTag language, @Nullable Instant submittedAt, List<Answer> answers) {

		/** What a retry must repeat to be taken as the same response. */
		String hash() {
			String basis = this.version.versionId() + "|" + this.status + "|" + this.links + "|" + this.language + "|"
					+ this.answers;
			try {
				return HexFormat.of()
					.formatHex(MessageDigest.getInstance("SHA-256").digest(basis.getBytes(StandardCharsets.UTF_8)));
			}
			catch (NoSuchAlgorithmException ex) {
				throw new IllegalStateException(ex);
			}
		}

	}

	/** The stored response's id and whether this call created it. */
	record Outcome(long id, boolean created) {

	}

	Outcome write(Draft draft) {
		Submission submission = new Submission(draft);
		this.submissions.write(submission);
		return Objects.requireNonNull(submission.outcome);
	}

	/** One response on its way in, and once it is stored, the outcome. */
	private static final class Submission {

		private final Draft draft;

		private @Nullable Outcome outcome;

		Submission(Draft draft) {
			this.draft = draft;
		}

	}

	private void writeAlone(Submission submission) {
		List<ResponseRecorded> recorded = new ArrayList<>(1);
		try {
			submission.outcome = this.transactions.execute((status) -> writeAndAnnounce(submission.draft, recorded));
		}
		catch (DuplicateKeyException ex) {
			// A concurrent request with the same key won the insert: answer as a retry.
			recorded.clear();
			submission.outcome = this.transactions.execute((status) -> writeAndAnnounce(submission.draft, recorded));
		}
	}

	private Outcome writeAndAnnounce(Draft draft, List<ResponseRecorded> recorded) {
		Outcome outcome = writeOnce(draft, recorded);
		announce(recorded);
		return outcome;
	}

	/**
	 * Responses sent together, written in one transaction and announced by one
	 * {@link ResponsesRecorded}: the keys looked up in one query and the new responses
	 * inserted in one batch, so that the group costs a few statements, not a few per
	 * response.
	 */
	private void writeTogether(List<Submission> submissions) {
		List<ResponseRecorded> recorded = new ArrayList<>(submissions.size());
		this.transactions.executeWithoutResult((status) -> {
			Instant now = this.clock.instant().truncatedTo(ChronoUnit.MICROS);
			Map<String, ResponseStore.Existing> existing = this.store
				.byKeys(submissions.stream().map((submission) -> submission.draft.key()).toList());
			List<Draft> fresh = new ArrayList<>();
			Set<String> freshKeys = new HashSet<>();
			for (Submission submission : submissions) {
				Draft draft = submission.draft;
				if (existing.containsKey(draft.key())) {
					submission.outcome = writeOnce(draft, recorded);
				}
				else if (freshKeys.add(draft.key())) {
					fresh.add(draft);
				}
				else {
					// The same new response twice in one group: each is written alone,
					// the second as a retry of the first.
					throw new DuplicateKeyException("response key " + draft.key() + " twice in one group");
				}
			}
			Map<String, Long> ids = this.store.insertAll(fresh, now);
			for (Draft draft : fresh) {
				complete(Objects.requireNonNull(ids.get(draft.key())), draft, now, recorded);
			}
			for (Submission submission : submissions) {
				if (submission.outcome == null) {
					submission.outcome = new Outcome(Objects.requireNonNull(ids.get(submission.draft.key())), true);
				}
			}
			announce(recorded);
		});
	}

	private void announce(List<ResponseRecorded> recorded) {
		if (recorded.size() == 1) {
			this.events.publishEvent(recorded.get(0));
		}
		else if (!recorded.isEmpty()) {
			this.events.publishEvent(new ResponsesRecorded(recorded));
		}
	}

	private Outcome writeOnce(Draft draft, List<ResponseRecorded> recorded) {
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MICROS);
		ResponseStore.Existing existing = this.store.byKey(draft.key()).orElse(null);
		if (existing == null) {
			long id = this.store.insert(draft, now);
			complete(id, draft, now, recorded);
			return new Outcome(id, true);
		}
		if (existing.status() == ResponseStatus.COMPLETE) {
			if (draft.hash().equals(existing.hash())) {
				return new Outcome(existing.id(), false);
			}
			throw new ConflictException("a response was recorded under this key with other answers",
					this.store.get(existing.id()).orElse(null));
		}
		this.store.update(existing.id(), draft, now);
		complete(existing.id(), draft, now, recorded);
		return new Outcome(existing.id(), false);
	}

	private void complete(long id, Draft draft, Instant now, List<ResponseRecorded> recorded) {
		if (draft.status() != ResponseStatus.COMPLETE) {
			return;
		}
		Links links = draft.links();
		if (links.invitationId() != null) {
			this.jdbc.sql("update survey_invitation set status = 'ANSWERED', answered_at = :now where id = :id")
				.param("now", SqlTime.of(now))
				.param("id", links.invitationId())
				.update();
		}
		Instant submittedAt = (draft.submittedAt() != null) ? draft.submittedAt() : now;
		recorded.add(new ResponseRecorded(id, draft.version().surveyId(), draft.version().versionId(),
				links.customerId(), links.touchpointId(), links.stageId(), links.unitId(), links.staffId(),
				links.channel(), links.interactionId(), links.invitationId(), submittedAt));
		if (links.invitationId() != null) {
			String reference = this.jdbc.sql("select reference from survey_invitation where id = :id")
				.param("id", links.invitationId())
				.query((rs, row) -> Optional.ofNullable(rs.getString("reference")))
				.list()
				.stream()
				.flatMap(Optional::stream)
				.findFirst()
				.orElse(null);
			this.events.publishEvent(new InvitationAnswered(links.invitationId(), reference, id,
					draft.version().surveyId(), links.customerId(), now));
		}
	}

}

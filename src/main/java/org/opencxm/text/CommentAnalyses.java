package org.opencxm.text;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.opencxm.org.OrgScope;
import org.opencxm.org.OrgUnit;
import org.opencxm.org.OrgUnits;
import org.opencxm.org.Role;
import org.opencxm.shared.PageRequest;
import org.opencxm.shared.PageResult;
import org.opencxm.surveys.Answer;
import org.opencxm.surveys.ResponseFilter;
import org.opencxm.surveys.ResponseRecorded;
import org.opencxm.surveys.ResponsesRecorded;
import org.opencxm.surveys.ResponseStatus;
import org.opencxm.surveys.Responses;
import org.opencxm.surveys.SurveyResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Analyses the open answers of every recorded response once, after the response is stored
 * (the respondent does not wait for it), stores what the engine read with the response,
 * and publishes {@link CommentsAnalysed}. A rebuild analyses every response again with
 * the current engine and themes.
 */
@Service
public class CommentAnalyses {

	private final CommentEngine analyzer;

	private final Themes themes;

	private final CommentStore store;

	private final Responses responses;

	private final OrgUnits units;

	private final OrgScope scope;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transactions;

	private final ResponseNps nps;

	private final Clock clock;

	private final ZoneId defaultZone;

	CommentAnalyses(CommentEngine analyzer, Themes themes, CommentStore store, Responses responses, OrgUnits units,
			OrgScope scope, ApplicationEventPublisher events, TransactionTemplate transactions, ResponseNps nps,
			Clock clock, @Value("${opencxm.default-time-zone:Asia/Shanghai}") String defaultZone) {
		this.analyzer = analyzer;
		this.themes = themes;
		this.store = store;
		this.responses = responses;
		this.units = units;
		this.scope = scope;
		this.events = events;
		this.transactions = transactions;
		this.nps = nps;
		this.clock = clock;
		this.defaultZone = ZoneId.of(defaultZone);
	}

	@ApplicationModuleListener
	void on(ResponseRecorded recorded) {
		this.scope.runAsSystem(() -> analyse(recorded.responseId()));
	}

	/**
	 * Responses imported by one batch request, read, analysed and stored in one go: each
	 * is analysed as if sent alone.
	 */
	@ApplicationModuleListener
	void on(ResponsesRecorded batch) {
		this.scope.runAsSystem(() -> {
			List<Long> ids = batch.responses().stream().map(ResponseRecorded::responseId).toList();
			analyse(this.responses.getAll(ids), this.themes.catalog());
		});
	}

	/**
	 * Analyses a complete response's open answers, once: a response already analysed is
	 * left as it is (a redelivered event changes nothing).
	 * @return the event published, empty when there was nothing to do
	 */
	@Transactional
	public Optional<CommentsAnalysed> analyse(long responseId) {
		return this.responses.find(responseId)
			.flatMap((response) -> analyse(List.of(response), this.themes.catalog()).stream().findFirst());
	}

	/**
	 * Analyses and stores the open answers of those complete responses not analysed
	 * before, and publishes a {@link CommentsAnalysed} for each.
	 */
	private List<CommentsAnalysed> analyse(List<SurveyResponse> responses, ThemeCatalog catalog) {
		List<SurveyResponse> open = responses.stream()
			.filter((response) -> response.submittedAt() != null && !texts(response).isEmpty())
			.toList();
		if (open.isEmpty()) {
			return List.of();
		}
		Set<Long> analysedBefore = this.store.analysedAmong(open.stream().map(SurveyResponse::id).toList());
		List<CommentsAnalysed> analysed = store(
				open.stream().filter((response) -> !analysedBefore.contains(response.id())).toList(), catalog);
		analysed.forEach(this.events::publishEvent);
		return analysed;
	}

	/**
	 * What the text engine read in the open answers of these complete responses, for
	 * listeners of other modules (alert rules): the stored analyses where the text
	 * module's listener has made them, so that a comment is not analysed twice. A
	 * response that listener has not reached yet is analysed here without storing it (the
	 * listener stays the only writer, so the two never contend for the same rows) and
	 * without an event. Responses without open answers are left out.
	 * @return one entry per response with comments, in the order given
	 */
	public List<CommentsAnalysed> analysesOf(Collection<SurveyResponse> responses) {
		List<SurveyResponse> commented = responses.stream()
			.filter((response) -> response.submittedAt() != null && !texts(response).isEmpty())
			.toList();
		if (commented.isEmpty()) {
			return List.of();
		}
		Map<Long, List<CommentStore.Stored>> stored = this.store
			.ofResponses(commented.stream().map(SurveyResponse::id).toList());
		List<CommentsAnalysed> analyses = new ArrayList<>(commented.size());
		ThemeCatalog catalog = null;
		for (SurveyResponse response : commented) {
			List<CommentStore.Stored> rows = stored.get(response.id());
			if (rows != null) {
				analyses.add(event(response, rows.stream().map(CommentAnalyses::comment).toList()));
				continue;
			}
			if (catalog == null) {
				catalog = this.themes.catalog();
			}
			analyses.add(analysed(response, catalog).event());
		}
		return analyses;
	}

	/**
	 * The stored analyses of a response the caller may see, with each comment's text.
	 * Empty while the response's comments wait for analysis.
	 */
	public List<AnalysedComment> comments(long responseId) {
		this.scope.requireRole(Role.VIEWER);
		SurveyResponse response = this.responses.get(responseId);
		return comments(response, this.store.ofResponse(responseId));
	}

	/**
	 * The stored analyses of responses the caller has read (through the surveys module,
	 * which limits them to the caller's units), with each comment's text, read in one go
	 * for a page that lists many. A response whose comments wait for analysis, or that
	 * has none, is left out.
	 * @return the analysed comments by response id
	 */
	public Map<Long, List<AnalysedComment>> commentsOf(Collection<SurveyResponse> responses) {
		this.scope.requireRole(Role.VIEWER);
		Map<Long, List<CommentStore.Stored>> stored = this.store
			.ofResponses(responses.stream().map(SurveyResponse::id).toList());
		Map<Long, List<AnalysedComment>> comments = new LinkedHashMap<>();
		for (SurveyResponse response : responses) {
			List<CommentStore.Stored> rows = stored.get(response.id());
			if (rows != null) {
				comments.put(response.id(), comments(response, rows));
			}
		}
		return comments;
	}

	private static List<AnalysedComment> comments(SurveyResponse response, List<CommentStore.Stored> rows) {
		List<AnalysedComment> comments = new ArrayList<>();
		for (CommentStore.Stored stored : rows) {
			String text = response.answer(stored.questionCode())
				.filter(Answer.Text.class::isInstance)
				.map((answer) -> ((Answer.Text) answer).text())
				.orElse("");
			List<AnalysedComment.MarkedClause> clauses = stored.clauses()
				.stream()
				.map((clause) -> new AnalysedComment.MarkedClause(clause.start(), clause.end(),
						cut(text, clause.start(), clause.end()), clause.score(), clause.label(), clause.intensity(),
						clause.factors(), clause.semModules(), clause.themes()))
				.toList();
			comments.add(new AnalysedComment(response.id(), stored.questionCode(), text, stored.language(),
					stored.score(), stored.label(), stored.intensity(), stored.factors(), stored.semModules(),
					stored.themes(), stored.keyPhrases(), clauses, stored.analysedAt()));
		}
		return comments;
	}

	/**
	 * How much a rebuild analysed.
	 */
	public record Rebuilt(int responses, int comments) {

	}

	/**
	 * Analyses every complete response again with the current engine and themes,
	 * replacing what was stored, a page of responses per transaction (so that incoming
	 * responses are not held up), and takes the responses' NPS classes from the stored
	 * evaluations again. Publishes no events: alerts fired on the first analysis.
	 */
	public Rebuilt rebuild() {
		this.scope.requireRole(Role.ADMIN);
		return this.scope.asSystem(() -> {
			ThemeCatalog catalog = this.themes.catalog();
			int[] counts = { 0, 0 };
			ResponseFilter filter = new ResponseFilter(null, null, null, null, null, ResponseStatus.COMPLETE);
			int next = 0;
			PageResult<SurveyResponse> batch;
			do {
				batch = this.responses.list(filter, new PageRequest(next++, PageRequest.MAX_SIZE));
				List<SurveyResponse> items = batch.items();
				int[] page = rebuildPage(items, catalog);
				counts[0] += page[0];
				counts[1] += page[1];
			}
			while ((long) next * PageRequest.MAX_SIZE < batch.total());
			this.nps.refill();
			return new Rebuilt(counts[0], counts[1]);
		});
	}

	/**
	 * Replaces the analyses of a page of responses in one transaction. A response that
	 * arrives meanwhile may be stored by its listener between our delete and insert; the
	 * page is then done again, which finds that analysis and replaces it.
	 */
	private int[] rebuildPage(List<SurveyResponse> items, ThemeCatalog catalog) {
		for (int attempt = 1;; attempt++) {
			try {
				return java.util.Objects.requireNonNull(this.transactions.execute((status) -> {
					List<SurveyResponse> open = items.stream()
						.filter((response) -> response.submittedAt() != null && !texts(response).isEmpty())
						.toList();
					open.forEach((response) -> this.store.delete(response.id()));
					int comments = store(open, catalog).stream()
						.mapToInt((analysed) -> analysed.comments().size())
						.sum();
					return new int[] { open.size(), comments };
				}));
			}
			catch (DataIntegrityViolationException ex) {
				if (attempt == 2) {
					throw ex;
				}
			}
		}
	}

	/**
	 * Analyses the responses' open answers and stores them in one batch; answers what was
	 * analysed, a response at a time.
	 */
	private List<CommentsAnalysed> store(List<SurveyResponse> responses, ThemeCatalog catalog) {
		Map<@Nullable Long, ZoneId> zones = new HashMap<>();
		Instant now = this.clock.instant();
		List<CommentStore.Analysed> rows = new ArrayList<>();
		List<CommentsAnalysed> events = new ArrayList<>(responses.size());
		for (SurveyResponse response : responses) {
			Analysed analysed = analysed(response, catalog);
			Instant submitted = java.util.Objects.requireNonNull(response.submittedAt());
			ZoneId zone = zones.computeIfAbsent(response.unitId(), this::zone);
			CommentStore.Placement placement = new CommentStore.Placement(response.id(), response.unitId(),
					response.touchpointId(), submitted, submitted.atZone(zone).toLocalDate());
			for (int i = 0; i < analysed.texts().size(); i++) {
				rows.add(new CommentStore.Analysed(placement, analysed.texts().get(i).questionCode(),
						analysed.analyses().get(i)));
			}
			events.add(analysed.event());
		}
		this.store.insertAll(rows, now);
		return events;
	}

	/**
	 * A response's comments as the engine read them, not yet stored.
	 */
	private record Analysed(SurveyResponse response, List<Answer.Text> texts, List<CommentAnalysis> analyses,
			CommentsAnalysed event) {

	}

	private Analysed analysed(SurveyResponse response, ThemeCatalog catalog) {
		List<Answer.Text> texts = texts(response);
		List<CommentAnalysis> analyses = new ArrayList<>(texts.size());
		List<CommentsAnalysed.Comment> comments = new ArrayList<>(texts.size());
		for (Answer.Text text : texts) {
			CommentAnalysis analysis = this.analyzer.analyze(text.text(), catalog);
			analyses.add(analysis);
			comments.add(new CommentsAnalysed.Comment(text.questionCode(), analysis.language(), analysis.score(),
					analysis.label(), analysis.intensity(), List.copyOf(analysis.factors()),
					List.copyOf(analysis.semModules()), List.copyOf(analysis.themeIds())));
		}
		return new Analysed(response, texts, analyses, event(response, comments));
	}

	private static CommentsAnalysed event(SurveyResponse response, List<CommentsAnalysed.Comment> comments) {
		return new CommentsAnalysed(response.id(), response.surveyId(), response.customerId(), response.touchpointId(),
				response.unitId(), java.util.Objects.requireNonNull(response.submittedAt()), comments);
	}

	private static CommentsAnalysed.Comment comment(CommentStore.Stored stored) {
		return new CommentsAnalysed.Comment(stored.questionCode(), stored.language(), stored.score(), stored.label(),
				stored.intensity(), stored.factors(), stored.semModules(), stored.themes());
	}

	private static List<Answer.Text> texts(SurveyResponse response) {
		return response.answers().stream().filter(Answer.Text.class::isInstance).map(Answer.Text.class::cast).toList();
	}

	private static String cut(String text, int start, int end) {
		int from = Math.max(0, Math.min(start, text.length()));
		return text.substring(from, Math.max(from, Math.min(end, text.length())));
	}

	private ZoneId zone(@Nullable Long unitId) {
		if (unitId == null) {
			return this.defaultZone;
		}
		return this.units.findById(unitId).map(OrgUnit::timeZone).map(ZoneId::of).orElse(this.defaultZone);
	}

}

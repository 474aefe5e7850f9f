package org.opencxm.text;

import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

import org.opencxm.evaluation.NpsClass;
import org.opencxm.evaluation.ResponseEvaluated;
import org.opencxm.evaluation.ResponseEvaluations;
import org.opencxm.evaluation.ResponsesEvaluated;
import org.opencxm.shared.SqlDialect;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps the NPS class of every evaluated response, from the evaluation module's
 * {@link ResponseEvaluated} event, for the figures by theme. A response's comments and
 * its evaluation arrive in either order; the figures join them when read.
 */
@Component
class ResponseNps {

	private static final int CHUNK = 1000;

	private final JdbcTemplate template;

	private final ResponseEvaluations evaluations;

	/**
	 * Insert or update, so that the listener and a rebuild may record the same response
	 * at the same time.
	 */
	private final String upsert;

	ResponseNps(JdbcTemplate template, ResponseEvaluations evaluations, SqlDialect dialect) {
		this.template = template;
		this.evaluations = evaluations;
		this.upsert = dialect.upsert("text_response_nps", List.of("response_id"), List.of("response_id", "nps_class"),
				"nps_class = excluded.nps_class", null);
	}

	private record Classified(long responseId, NpsClass npsClass) {

	}

	@ApplicationModuleListener
	void on(ResponseEvaluated evaluated) {
		NpsClass npsClass = evaluated.npsClass();
		if (npsClass == null) {
			return;
		}
		record(new Classified(evaluated.responseId(), npsClass));
	}

	/** Responses evaluated by one batch. */
	@ApplicationModuleListener
	void on(ResponsesEvaluated batch) {
		List<Classified> classified = new ArrayList<>();
		for (ResponseEvaluated evaluated : this.evaluations.getAll(batch.responseIds())) {
			NpsClass npsClass = evaluated.npsClass();
			if (npsClass != null) {
				classified.add(new Classified(evaluated.responseId(), npsClass));
			}
		}
		recordAll(classified);
	}

	/**
	 * Records every stored evaluation again, for responses evaluated before this table
	 * existed or events missed; part of the text rebuild.
	 */
	@Transactional
	public void refill() {
		// Only the two values are kept, so that a long history fits in memory; the writes
		// run after the replay's cursor is closed.
		List<Classified> classified = new ArrayList<>();
		this.evaluations.forEach((evaluated) -> {
			NpsClass npsClass = evaluated.npsClass();
			if (npsClass != null) {
				classified.add(new Classified(evaluated.responseId(), npsClass));
			}
		});
		recordAll(classified);
	}

	private void record(Classified classified) {
		recordAll(List.of(classified));
	}

	private void recordAll(List<Classified> classified) {
		for (int from = 0; from < classified.size(); from += CHUNK) {
			this.template.batchUpdate(this.upsert,
					classified.subList(from, Math.min(classified.size(), from + CHUNK))
						.stream()
						.map((c) -> new Object[] { c.responseId(), c.npsClass().name() })
						.toList(),
					new int[] { Types.BIGINT, Types.VARCHAR });
		}
	}

}

package org.opencxm.text;

import java.util.ArrayList;
import java.util.List;

import org.opencxm.evaluation.NpsClass;
import org.opencxm.evaluation.ResponseEvaluated;
import org.opencxm.evaluation.ResponseEvaluations;
import org.opencxm.evaluation.ResponsesEvaluated;
import org.opencxm.shared.SqlDialect;

import org.springframework.jdbc.core.simple.JdbcClient;
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

	private final JdbcClient jdbc;

	private final ResponseEvaluations evaluations;

	/**
	 * Insert or update, so that the listener and a rebuild may record the same response
	 * at the same time.
	 */
	private final String upsert;

	ResponseNps(JdbcClient jdbc, ResponseEvaluations evaluations, SqlDialect dialect) {
		this.jdbc = jdbc;
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
		this.evaluations.getAll(batch.responseIds()).forEach(this::on);
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
		classified.forEach(this::record);
	}

	private void record(Classified classified) {
		this.jdbc.sql(this.upsert).params(classified.responseId(), classified.npsClass().name()).update();
	}

}

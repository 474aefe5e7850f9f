package org.opencxm.text;

import java.util.ArrayList;
import java.util.List;

import org.opencxm.evaluation.NpsClass;
import org.opencxm.evaluation.ResponseEvaluated;
import org.opencxm.evaluation.ResponseEvaluations;

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

	ResponseNps(JdbcClient jdbc, ResponseEvaluations evaluations) {
		this.jdbc = jdbc;
		this.evaluations = evaluations;
	}

	private record Classified(long responseId, NpsClass npsClass) {

	}

	@ApplicationModuleListener
	void on(ResponseEvaluated evaluated) {
		NpsClass npsClass = evaluated.npsClass();
		if (npsClass == null) {
			return;
		}
		this.jdbc.sql("delete from text_response_nps where response_id = :response")
			.param("response", evaluated.responseId())
			.update();
		insert(new Classified(evaluated.responseId(), npsClass));
	}

	/**
	 * Records every stored evaluation again, for responses evaluated before this table
	 * existed or events missed; part of the text rebuild.
	 */
	@Transactional
	public void refill() {
		// Only the two values are kept, so that a long history fits in memory; the
		// inserts
		// run after the replay's cursor is closed.
		List<Classified> classified = new ArrayList<>();
		this.evaluations.forEach((evaluated) -> {
			NpsClass npsClass = evaluated.npsClass();
			if (npsClass != null) {
				classified.add(new Classified(evaluated.responseId(), npsClass));
			}
		});
		this.jdbc.sql("delete from text_response_nps").update();
		classified.forEach(this::insert);
	}

	private void insert(Classified classified) {
		this.jdbc.sql("insert into text_response_nps (response_id, nps_class) values (:response, :class)")
			.param("response", classified.responseId())
			.param("class", classified.npsClass().name())
			.update();
	}

}

package org.opencxm.journeys;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.opencxm.shared.LocalizedText;
import org.opencxm.shared.SqlTime;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;

/**
 * The SQL that writes journeys, their stages and lifecycle classes. Callers have checked
 * the request and the caller's rights.
 */
@Component
class JourneyStore {

	private final JdbcClient jdbc;

	private final Clock clock;

	JourneyStore(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	void insert(String code, JourneyRequest request) {
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.sql("""
				insert into journey (code, name_zh, name_en, description_zh, description_en, created_at, updated_at)
				values (:code, :nameZh, :nameEn, :descriptionZh, :descriptionEn, :now, :now)
				""")
			.params(names(request.name(), request.description()))
			.param("code", code)
			.param("now", SqlTime.of(this.clock.instant()))
			.update(keys, "id");
		long journeyId = keys.getKeyAs(Long.class);
		insertLifecycleClasses(journeyId, request.lifecycleClassesOrEmpty());
		for (int i = 0; i < request.stages().size(); i++) {
			insertStage(journeyId, i + 1, request.stages().get(i));
		}
	}

	/**
	 * Replaces the journey's names, lifecycle classes and stages; stages whose codes are
	 * kept are updated in place.
	 */
	void update(Journey current, JourneyRequest request, List<Long> removedStageIds) {
		this.jdbc.sql("""
				update journey set name_zh = :nameZh, name_en = :nameEn, description_zh = :descriptionZh,
					description_en = :descriptionEn, updated_at = :now
				where id = :id
				""")
			.params(names(request.name(), request.description()))
			.param("now", SqlTime.of(this.clock.instant()))
			.param("id", current.id())
			.update();
		this.jdbc.sql("delete from journey_lifecycle_class where journey_id = :id").param("id", current.id()).update();
		insertLifecycleClasses(current.id(), request.lifecycleClassesOrEmpty());
		if (!removedStageIds.isEmpty()) {
			this.jdbc.sql("delete from journey_stage where id in (:ids)").param("ids", removedStageIds).update();
		}
		Map<String, Long> stageIds = new HashMap<>();
		current.stages().forEach((stage) -> stageIds.put(stage.code(), stage.id()));
		for (int i = 0; i < request.stages().size(); i++) {
			JourneyRequest.StageRequest stage = request.stages().get(i);
			Long id = stageIds.get(stage.code());
			if (id == null) {
				insertStage(current.id(), i + 1, stage);
			}
			else {
				this.jdbc.sql("""
						update journey_stage set seq = :seq, name_zh = :nameZh, name_en = :nameEn,
							lifecycle_class_code = :lifecycleClass
						where id = :id
						""")
					.params(names(stage.name(), null))
					.param("seq", i + 1)
					.param("lifecycleClass", stage.lifecycleClassCode())
					.param("id", id)
					.update();
			}
		}
	}

	private void insertStage(long journeyId, int position, JourneyRequest.StageRequest stage) {
		this.jdbc.sql("""
				insert into journey_stage (journey_id, code, seq, name_zh, name_en, lifecycle_class_code)
				values (:journey, :code, :seq, :nameZh, :nameEn, :lifecycleClass)
				""")
			.params(names(stage.name(), null))
			.param("journey", journeyId)
			.param("code", stage.code())
			.param("seq", position)
			.param("lifecycleClass", stage.lifecycleClassCode())
			.update();
	}

	private void insertLifecycleClasses(long journeyId, List<JourneyRequest.LifecycleClassRequest> classes) {
		for (int i = 0; i < classes.size(); i++) {
			JourneyRequest.LifecycleClassRequest lifecycleClass = classes.get(i);
			this.jdbc.sql("""
					insert into journey_lifecycle_class (journey_id, code, seq, name_zh, name_en)
					values (:journey, :code, :seq, :nameZh, :nameEn)
					""")
				.params(names(lifecycleClass.name(), null))
				.param("journey", journeyId)
				.param("code", lifecycleClass.code())
				.param("seq", i + 1)
				.update();
		}
	}

	private static Map<String, @Nullable Object> names(LocalizedText name, @Nullable LocalizedText description) {
		Map<String, @Nullable Object> columns = new HashMap<>();
		columns.put("nameZh", name.zh());
		columns.put("nameEn", name.en());
		columns.put("descriptionZh", (description != null) ? description.zh() : null);
		columns.put("descriptionEn", (description != null) ? description.en() : null);
		return columns;
	}

}

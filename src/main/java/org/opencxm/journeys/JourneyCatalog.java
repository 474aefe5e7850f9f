package org.opencxm.journeys;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * An in-memory, immutable snapshot of the ids behind journeys, stages and touchpoints, so
 * that batch ingestion resolves codes without a query per call. A write on this node
 * reloads it once the write has committed; writes on other nodes are picked up when the
 * snapshot is older than {@code opencxm.journeys.refresh-interval}, or at once (at most
 * once a second) when a lookup misses.
 */
@Component
class JourneyCatalog {

	private static final Logger log = LoggerFactory.getLogger(JourneyCatalog.class);

	private static final Duration MISS_RELOAD_INTERVAL = Duration.ofSeconds(1);

	private final JdbcClient jdbc;

	private final Clock clock;

	private final long refreshMillis;

	private final ReentrantLock reloading = new ReentrantLock();

	private volatile @Nullable Snapshot snapshot;

	JourneyCatalog(JdbcClient jdbc, Clock clock,
			@Value("${opencxm.journeys.refresh-interval:30s}") Duration refreshInterval) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.refreshMillis = refreshInterval.toMillis();
	}

	Snapshot current() {
		Snapshot current = this.snapshot;
		if (current == null) {
			return reload();
		}
		if (olderThan(current, this.refreshMillis)) {
			return reloadUnlessBusy(current);
		}
		return current;
	}

	/**
	 * The snapshot to use after a lookup missed: a fresh one unless the current one is
	 * very recent, so that a stream of unknown codes costs at most one reload a second.
	 */
	Snapshot afterMiss(Snapshot missed) {
		Snapshot current = this.snapshot;
		if (current != null && current != missed) {
			return current;
		}
		if (current == null || olderThan(current, MISS_RELOAD_INTERVAL.toMillis())) {
			return reloadUnlessBusy(current);
		}
		return current;
	}

	/**
	 * Reloads once the current transaction has committed (at once outside one), so that a
	 * rolled-back write leaves the snapshot as it was.
	 */
	void reloadAfterCommit() {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					reloadOrForget();
				}
			});
		}
		else {
			reloadOrForget();
		}
	}

	// The write has committed: a failed reload must not turn it into an error, so the
	// snapshot is dropped and the next lookup loads it.
	private void reloadOrForget() {
		try {
			reload();
		}
		catch (RuntimeException ex) {
			this.snapshot = null;
			log.warn("Could not reload the journey catalog; it will be loaded on next use", ex);
		}
	}

	private boolean olderThan(Snapshot snapshot, long millis) {
		return this.clock.millis() - snapshot.loadedAt() > millis;
	}

	private Snapshot reloadUnlessBusy(@Nullable Snapshot current) {
		if (current != null && !this.reloading.tryLock()) {
			return current;
		}
		if (current == null) {
			return reload();
		}
		try {
			return load();
		}
		finally {
			this.reloading.unlock();
		}
	}

	// Reloads run one at a time: one that starts after a commit finishes after any that
	// started earlier, so the last snapshot stored has seen every committed write.
	Snapshot reload() {
		this.reloading.lock();
		try {
			return load();
		}
		finally {
			this.reloading.unlock();
		}
	}

	private Snapshot load() {
		long loadedAt = this.clock.millis();
		List<StageRef> stages = this.jdbc.sql("select id, code, journey_id, seq from journey_stage")
			.query((rs, row) -> new StageRef(rs.getLong("id"), rs.getString("code"), rs.getLong("journey_id"),
					rs.getInt("seq")))
			.list();
		List<TouchpointRef> touchpoints = this.jdbc
			.sql("""
					select t.id, t.code, t.journey_id, t.stage_id, s.code as stage_code, s.seq as stage_seq, t.owner_unit_id, t.channel, t.active
					from touchpoint t join journey_stage s on s.id = t.stage_id left join touchpoint p on p.id = t.parent_id
					order by t.stage_id, coalesce(p.seq, -1), coalesce(p.code, ''), t.seq, t.code
					""")
			.query((rs, row) -> new TouchpointRef(rs.getLong("id"), rs.getString("code"), rs.getLong("journey_id"),
					rs.getLong("stage_id"), rs.getString("stage_code"), rs.getInt("stage_seq"),
					rs.getObject("owner_unit_id", Long.class), Channel.valueOf(rs.getString("channel")),
					rs.getBoolean("active")))
			.list();
		Set<String> lifecycleClassCodes = new HashSet<>(
				this.jdbc.sql("select distinct code from journey_lifecycle_class").query(String.class).list());
		Snapshot loaded = Snapshot.of(stages, touchpoints, lifecycleClassCodes, loadedAt);
		this.snapshot = loaded;
		return loaded;
	}

	record Snapshot(Map<String, TouchpointRef> touchpointsByCode, Map<Long, TouchpointRef> touchpointsById,
			Map<Long, List<TouchpointRef>> touchpointsByStage, Map<Long, StageRef> stagesById,
			Map<Long, List<StageRef>> stagesByJourney, Set<String> lifecycleClassCodes, long loadedAt) {

		static Snapshot of(List<StageRef> stages, List<TouchpointRef> touchpoints, Set<String> lifecycleClassCodes,
				long loadedAt) {
			Map<String, TouchpointRef> byCode = new HashMap<>();
			Map<Long, TouchpointRef> byId = new HashMap<>();
			Map<Long, List<TouchpointRef>> byStage = new HashMap<>();
			for (TouchpointRef touchpoint : touchpoints) {
				byCode.put(touchpoint.code(), touchpoint);
				byId.put(touchpoint.id(), touchpoint);
				byStage.computeIfAbsent(touchpoint.stageId(), (id) -> new ArrayList<>()).add(touchpoint);
			}
			Map<Long, StageRef> stagesById = new HashMap<>();
			Map<Long, List<StageRef>> byJourney = new HashMap<>();
			for (StageRef stage : stages) {
				stagesById.put(stage.id(), stage);
				byJourney.computeIfAbsent(stage.journeyId(), (id) -> new ArrayList<>()).add(stage);
			}
			byJourney.values().forEach((list) -> list.sort(Comparator.comparingInt(StageRef::position)));
			return new Snapshot(Map.copyOf(byCode), Map.copyOf(byId), copyOfLists(byStage), Map.copyOf(stagesById),
					copyOfLists(byJourney), Set.copyOf(lifecycleClassCodes), loadedAt);
		}

		private static <T> Map<Long, List<T>> copyOfLists(Map<Long, List<T>> lists) {
			Map<Long, List<T>> copy = new HashMap<>();
			lists.forEach((key, list) -> copy.put(key, List.copyOf(list)));
			return Map.copyOf(copy);
		}

	}

}

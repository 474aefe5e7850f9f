package org.opencxm.shared;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.jspecify.annotations.Nullable;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A short-lived memory of small reference rows that nearly every request looks up (an org
 * unit's id by its code, a staff member's unit, the account behind an API token), so that
 * a request does not pay a query for each.
 * <ul>
 * <li>Only what a lookup found is kept; a miss asks the database again, so a row created
 * on another node is seen at once.</li>
 * <li>What was read inside a transaction is not kept: it may be that transaction's own
 * uncommitted write.</li>
 * <li>A write on this node calls {@link #forgetAfterCommit()}: everything is dropped at
 * once and again when the writing transaction ends, so a lookup that ran meanwhile does
 * not keep the old row.</li>
 * <li>A write on another node is seen once the entry is older than
 * {@code timeToLive}.</li>
 * </ul>
 *
 * @param <K> the key looked up
 * @param <V> the row kept for it
 */
public final class ReferenceCache<K, V> {

	private final Cache<K, V> cache;

	// Counts forgettings, so that rows loaded across one are not kept.
	private final AtomicLong generation = new AtomicLong();

	/**
	 * @param timeToLive how long an entry serves before the database is asked again
	 * (zero: for ever, for keys whose row never changes)
	 * @param maximumSize the most entries kept
	 */
	public ReferenceCache(Duration timeToLive, long maximumSize) {
		Caffeine<Object, Object> builder = Caffeine.newBuilder().maximumSize(maximumSize);
		this.cache = (timeToLive.isZero() ? builder : builder.expireAfterWrite(timeToLive)).build();
	}

	/**
	 * The rows of the given keys: those in memory, and the others from {@code load},
	 * which answers the rows it found by key.
	 */
	public Map<K, V> getAll(Collection<K> keys, Function<List<K>, Map<K, V>> load) {
		Map<K, V> found = new HashMap<>();
		List<K> missing = new ArrayList<>();
		for (K key : keys) {
			V value = this.cache.getIfPresent(key);
			if (value != null) {
				found.put(key, value);
			}
			else {
				missing.add(key);
			}
		}
		if (!missing.isEmpty()) {
			long before = this.generation.get();
			Map<K, V> loaded = load.apply(missing);
			found.putAll(loaded);
			if (!TransactionSynchronizationManager.isActualTransactionActive()) {
				this.cache.putAll(loaded);
				if (this.generation.get() != before) {
					// A write committed while these were read: they may be older than it.
					this.cache.invalidateAll(loaded.keySet());
				}
			}
		}
		return found;
	}

	/** The row of one key: in memory, or from {@code load} (null: there is none). */
	public @Nullable V get(K key, Function<K, @Nullable V> load) {
		return getAll(List.of(key), (keys) -> {
			V value = load.apply(key);
			return (value != null) ? Map.of(key, value) : Map.of();
		}).get(key);
	}

	/**
	 * Replaces the row kept for {@code key}, if one is kept (after a write of its own).
	 */
	public void refresh(K key, V value) {
		this.cache.asMap().computeIfPresent(key, (k, old) -> value);
	}

	/** Drops everything now, and again when the current transaction (if any) ends. */
	public void forgetAfterCommit() {
		forget();
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCompletion(int status) {
					forget();
				}
			});
		}
	}

	private void forget() {
		this.generation.incrementAndGet();
		this.cache.invalidateAll();
	}

}

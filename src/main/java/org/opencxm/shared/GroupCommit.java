package org.opencxm.shared;

import java.time.Duration;
import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;

import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Writes that arrive together are committed together. A request that finds no group being
 * written leads: it takes everything queued (itself included) and writes it in one
 * transaction; requests that arrive meanwhile wait and form the next group. One commit,
 * the costly part of a small write, then serves many requests, and each request still
 * returns only after its own write is committed.
 *
 * <p>
 * Under load (the last group had more than one request) a leader waits a moment before it
 * takes the queue, so that groups grow to what the load offers. A group of one is written
 * alone, exactly as without grouping, and so is a request made inside a transaction. When
 * a group's write fails, nothing of it is kept and each of its requests writes itself
 * alone, so that a bad request fails on its own and the others succeed as they would
 * have.
 *
 * @param <T> what one request writes
 */
public final class GroupCommit<T> {

	private final int maxGroup;

	private final Duration linger;

	private final Consumer<T> alone;

	private final Consumer<List<T>> together;

	private final ReentrantLock lock = new ReentrantLock();

	private final Condition written = this.lock.newCondition();

	private final Queue<Slot<T>> queue = new ArrayDeque<>();

	private boolean leading;

	private int lastGroup;

	/**
	 * @param maxGroup the most requests one group takes
	 * @param linger how long a leader waits for more requests before it writes, when the
	 * last group had more than one (zero: never)
	 * @param alone writes one request in its own transaction
	 * @param together writes several requests in one transaction (its own, all or
	 * nothing)
	 */
	public GroupCommit(int maxGroup, Duration linger, Consumer<T> alone, Consumer<List<T>> together) {
		this.maxGroup = maxGroup;
		this.linger = linger;
		this.alone = alone;
		this.together = together;
	}

	/**
	 * Writes {@code item}, in a group with others when some arrive together, and returns
	 * once it is committed; a failure of this item's own write is thrown here.
	 */
	public void write(T item) {
		if (TransactionSynchronizationManager.isActualTransactionActive()) {
			// Inside a caller's transaction a write commits with it, not with a group:
			// the others of a group would be answered before it commits.
			this.alone.accept(item);
			return;
		}
		Slot<T> slot = new Slot<>(item);
		this.lock.lock();
		try {
			this.queue.add(slot);
			while (true) {
				while (slot.state == State.QUEUED && this.leading) {
					this.written.awaitUninterruptibly();
				}
				if (slot.state != State.QUEUED) {
					break;
				}
				this.leading = true;
				if (this.lastGroup > 1 && this.queue.size() < this.maxGroup && !this.linger.isZero()) {
					// Busy: the requests on their way are worth a moment's wait, since
					// each group costs the same commit and listener runs whatever its
					// size.
					this.lock.unlock();
					try {
						Thread.sleep(this.linger);
					}
					catch (InterruptedException ex) {
						Thread.currentThread().interrupt();
					}
					finally {
						this.lock.lock();
					}
				}
				List<Slot<T>> group = new ArrayList<>(Math.min(this.queue.size(), this.maxGroup));
				while (!this.queue.isEmpty() && group.size() < this.maxGroup) {
					group.add(this.queue.poll());
				}
				this.lastGroup = group.size();
				this.lock.unlock();
				try {
					lead(group);
				}
				finally {
					this.lock.lock();
					this.leading = false;
					this.written.signalAll();
				}
			}
		}
		finally {
			this.lock.unlock();
		}
		RuntimeException failure = slot.failure;
		if (slot.state == State.ALONE) {
			this.alone.accept(item);
		}
		else if (failure != null) {
			throw failure;
		}
	}

	/** How many writes wait for the next group. */
	int queued() {
		this.lock.lock();
		try {
			return this.queue.size();
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * Writes a group while the next one gathers. A group of one is written alone, and its
	 * failure goes to its request; a larger group that fails sends each of its requests
	 * to write alone.
	 */
	private void lead(List<Slot<T>> group) {
		if (group.size() == 1) {
			Slot<T> only = group.get(0);
			try {
				this.alone.accept(only.item);
				only.state = State.WRITTEN;
			}
			catch (RuntimeException ex) {
				only.failure = ex;
				only.state = State.WRITTEN;
			}
			finally {
				if (only.state == State.QUEUED) {
					only.state = State.ALONE;
				}
			}
			return;
		}
		State outcome = State.ALONE;
		try {
			this.together.accept(group.stream().map((slot) -> slot.item).toList());
			outcome = State.WRITTEN;
		}
		catch (RuntimeException ex) {
			// Each request writes itself alone and meets its own failure, if it has one.
		}
		finally {
			for (Slot<T> member : group) {
				member.state = outcome;
			}
		}
	}

	private enum State {

		QUEUED, WRITTEN, ALONE

	}

	private static final class Slot<T> {

		private final T item;

		private volatile State state = State.QUEUED;

		private volatile @Nullable RuntimeException failure;

		Slot(T item) {
			this.item = item;
		}

	}

}

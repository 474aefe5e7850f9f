package org.opencxm.shared;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import org.springframework.transaction.support.TransactionSynchronizationManager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class GroupCommitTests {

	@Test
	void writesALoneRequestAloneAndHandsItItsFailure() {
		List<String> alone = new ArrayList<>();
		GroupCommit<String> commits = new GroupCommit<>(8, Duration.ofMillis(1), (item) -> {
			if (item.equals("bad")) {
				throw new IllegalStateException("bad item");
			}
			alone.add(item);
		}, (items) -> {
			throw new AssertionError("a single request is never grouped");
		});
		commits.write("a");
		assertThatIllegalStateException().isThrownBy(() -> commits.write("bad")).withMessage("bad item");
		commits.write("b");
		assertThat(alone).containsExactly("a", "b");
	}

	@Test
	void writesARequestMadeInsideATransactionAloneInIt() {
		List<String> alone = new ArrayList<>();
		GroupCommit<String> commits = new GroupCommit<>(8, Duration.ofMillis(1), alone::add, (items) -> {
			throw new AssertionError("a request inside a transaction is never grouped");
		});
		TransactionSynchronizationManager.setActualTransactionActive(true);
		try {
			commits.write("inside");
		}
		finally {
			TransactionSynchronizationManager.setActualTransactionActive(false);
		}
		assertThat(alone).containsExactly("inside");
	}

	@Test
	void writesRequestsThatArriveWhileAGroupIsWrittenTogether() throws Exception {
		CountDownLatch firstStarted = new CountDownLatch(1);
		CountDownLatch releaseFirst = new CountDownLatch(1);
		List<String> alone = Collections.synchronizedList(new ArrayList<>());
		List<List<String>> groups = Collections.synchronizedList(new ArrayList<>());
		GroupCommit<String> commits = new GroupCommit<>(8, Duration.ofMillis(1), (item) -> {
			alone.add(item);
			firstStarted.countDown();
			await(releaseFirst);
		}, groups::add);
		try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
			Future<?> first = threads.submit(() -> commits.write("first"));
			assertThat(firstStarted.await(5, TimeUnit.SECONDS)).isTrue();
			List<Future<?>> later = new ArrayList<>();
			for (int i = 0; i < 5; i++) {
				String item = "later-" + i;
				later.add(threads.submit(() -> commits.write(item)));
			}
			org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> commits.queued() == 5);
			assertThat(later).noneMatch(Future::isDone);
			releaseFirst.countDown();
			first.get(5, TimeUnit.SECONDS);
			for (Future<?> each : later) {
				each.get(5, TimeUnit.SECONDS);
			}
		}
		assertThat(alone).containsExactly("first");
		assertThat(groups).hasSize(1);
		assertThat(groups.get(0)).containsExactlyInAnyOrder("later-0", "later-1", "later-2", "later-3", "later-4");
	}

	@Test
	void writesEachRequestOfAFailedGroupAloneSoThatOnlyTheBadOneFails() throws Exception {
		CountDownLatch firstStarted = new CountDownLatch(1);
		CountDownLatch releaseFirst = new CountDownLatch(1);
		List<String> alone = Collections.synchronizedList(new ArrayList<>());
		GroupCommit<String> commits = new GroupCommit<>(8, Duration.ofMillis(1), (item) -> {
			if (item.equals("bad")) {
				throw new IllegalStateException("bad item");
			}
			alone.add(item);
			if (item.equals("first")) {
				firstStarted.countDown();
				await(releaseFirst);
			}
		}, (items) -> {
			throw new IllegalStateException("the group fails");
		});
		try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
			Future<?> first = threads.submit(() -> commits.write("first"));
			assertThat(firstStarted.await(5, TimeUnit.SECONDS)).isTrue();
			Future<?> good = threads.submit(() -> commits.write("good"));
			Future<?> bad = threads.submit(() -> commits.write("bad"));
			org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> commits.queued() == 2);
			releaseFirst.countDown();
			first.get(5, TimeUnit.SECONDS);
			good.get(5, TimeUnit.SECONDS);
			assertThat(bad).failsWithin(5, TimeUnit.SECONDS)
				.withThrowableThat()
				.havingCause()
				.isInstanceOf(IllegalStateException.class)
				.withMessage("bad item");
		}
		assertThat(alone).containsExactlyInAnyOrder("first", "good");
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await(5, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}

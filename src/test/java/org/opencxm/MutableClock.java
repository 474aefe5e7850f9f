package org.opencxm;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock that runs with the system clock, shifted by an offset that tests move forward
 * ({@link #advance}) to make deadlines pass.
 */
public class MutableClock extends Clock {

	private final AtomicReference<Duration> offset;

	private final ZoneId zone;

	public MutableClock(Duration offset) {
		this(new AtomicReference<>(offset), ZoneOffset.UTC);
	}

	private MutableClock(AtomicReference<Duration> offset, ZoneId zone) {
		this.offset = offset;
		this.zone = zone;
	}

	public void advance(Duration amount) {
		this.offset.updateAndGet((current) -> current.plus(amount));
	}

	/** Moves the clock so that it reads at least {@code instant}. */
	public void advanceTo(Instant instant) {
		Duration gap = Duration.between(instant(), instant);
		if (!gap.isNegative()) {
			advance(gap.plusMillis(1));
		}
	}

	@Override
	public ZoneId getZone() {
		return this.zone;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return new MutableClock(this.offset, zone);
	}

	@Override
	public Instant instant() {
		return Instant.now().plus(this.offset.get());
	}

}

package org.opencxm.bench;

/**
 * Command-line options shared by the benchmarks: {@code h2} or {@code postgres}, and sizes.
 */
record BenchOptions(String database, int batches, int batchConcurrency, int singles, int warmupBatches, String client,
		int seconds) {

	static BenchOptions parse(String[] args) {
		String database = "h2";
		int batches = 200;
		int concurrency = 2;
		int singles = 40_000;
		int warmup = 20;
		String client = "jdk";
		int seconds = 30;
		for (String arg : args) {
			String[] pair = arg.split("=", 2);
			switch (pair[0]) {
				case "h2", "postgres" -> database = pair[0];
				case "batches" -> batches = Integer.parseInt(pair[1]);
				case "batch-concurrency" -> concurrency = Integer.parseInt(pair[1]);
				case "singles" -> singles = Integer.parseInt(pair[1]);
				case "warmup" -> warmup = Integer.parseInt(pair[1]);
				case "client" -> client = pair[1];
				case "seconds" -> seconds = Integer.parseInt(pair[1]);
				default -> throw new IllegalArgumentException("unknown option " + arg
						+ " (use h2|postgres batches=N batch-concurrency=N singles=N warmup=N client=jdk|wrk seconds=N)");
			}
		}
		return new BenchOptions(database, batches, concurrency, singles, warmup, client, seconds);
	}

}

package org.opencxm.text;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Measures the engine on labelled review sets: accuracy and macro-F1 at the default
 * threshold, and Chinese throughput on one thread. The sets are read where they lie (by
 * default {@code ../shared/data/sentiment/} beside the project) and never copied into it.
 * <p>
 * Run with {@code bench/text/run [data directory]}. With {@code --engine=embedding} it
 * measures the embedding engine, which only a build with the {@code embeddings} Maven
 * profile has ({@code bench/text/run --embedding}); {@code --limit=N} reads every k-th
 * row so that each set gives about N, and also prints the process's resident memory.
 */
public final class SentimentBenchmark {

	private static final List<String> FILES = List.of("waimai_10k.csv", "uci_amazon_en.csv", "uci_imdb_en.csv");

	private static final String CHINESE = "waimai_10k.csv";

	private static final double MIN_SECONDS = 5;

	private SentimentBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		String directory = "../shared/data/sentiment";
		String engineName = "lexicon";
		int limit = Integer.MAX_VALUE;
		for (String arg : args) {
			if (arg.startsWith("--engine=")) {
				engineName = arg.substring("--engine=".length());
			}
			else if (arg.startsWith("--limit=")) {
				limit = Integer.parseInt(arg.substring("--limit=".length()));
			}
			else if (!arg.isBlank()) {
				directory = arg;
			}
		}
		Path data = Path.of(directory);
		if (!Files.isDirectory(data)) {
			System.err.println("No labelled data at " + data.toAbsolutePath() + "; pass the directory as argument.");
			System.exit(2);
		}
		long heapBefore = usedHeap();
		String rssBefore = rss();
		long loadStart = System.nanoTime();
		CommentEngine analyzer = engineName.equals("embedding")
				? (CommentEngine) Class.forName("org.opencxm.text.EmbeddingEngine").getConstructor().newInstance()
				: new TextAnalyzer();
		System.out.printf(Locale.ROOT, "%s engine loaded in %.0f ms%n", engineName,
				(System.nanoTime() - loadStart) / 1e6);
		System.out.printf(Locale.ROOT, "threshold: score >= %.2f is positive%n%n", SentimentLabel.POSITIVE_THRESHOLD);
		System.out.printf(Locale.ROOT, "%-20s %6s %9s %9s %9s%n", "file", "rows", "accuracy", "macro-F1", "neutral");
		for (String file : FILES) {
			Path path = data.resolve(file);
			if (Files.exists(path)) {
				report(file, sample(read(path), limit), analyzer);
			}
			else {
				System.out.printf(Locale.ROOT, "%-20s missing%n", file);
			}
		}
		Path chinese = data.resolve(CHINESE);
		if (Files.exists(chinese)) {
			throughput(sample(read(chinese), limit), analyzer, heapBefore, (limit == Integer.MAX_VALUE) ? 3 : 1);
		}
		System.out.printf(Locale.ROOT,
				"resident memory of the process: %s before the engine was built, %s at the end%n", rssBefore, rss());
	}

	/** Every k-th row, so that about {@code limit} are left in the file's order. */
	private static List<Row> sample(List<Row> rows, int limit) {
		if (rows.size() <= limit) {
			return rows;
		}
		List<Row> sample = new ArrayList<>(limit);
		double step = rows.size() / (double) limit;
		for (int i = 0; i < limit; i++) {
			sample.add(rows.get((int) (i * step)));
		}
		return sample;
	}

	/** VmRSS from /proc, where there is one. */
	private static String rss() {
		try {
			return Files.readAllLines(Path.of("/proc/self/status"))
				.stream()
				.filter((line) -> line.startsWith("VmRSS:"))
				.map((line) -> line.substring("VmRSS:".length()).strip())
				.findFirst()
				.orElse("unknown");
		}
		catch (IOException ex) {
			return "unknown";
		}
	}

	private static void report(String file, List<Row> rows, CommentEngine analyzer) {
		int[][] confusion = new int[2][2];
		int neutral = 0;
		for (Row row : rows) {
			CommentAnalysis analysis = analyzer.analyze(row.text(), ThemeCatalog.empty());
			int predicted = (analysis.score() >= SentimentLabel.POSITIVE_THRESHOLD) ? 1 : 0;
			confusion[row.label()][predicted]++;
			if (analysis.label() == SentimentLabel.NEUTRAL) {
				neutral++;
			}
		}
		double accuracy = (confusion[0][0] + confusion[1][1]) / (double) rows.size();
		double macroF1 = (f1(confusion, 0) + f1(confusion, 1)) / 2;
		System.out.printf(Locale.ROOT, "%-20s %6d %9.4f %9.4f %8.1f%%%n", file, rows.size(), accuracy, macroF1,
				100.0 * neutral / rows.size());
	}

	private static double f1(int[][] confusion, int label) {
		int truePositive = confusion[label][label];
		int predicted = confusion[0][label] + confusion[1][label];
		int actual = confusion[label][0] + confusion[label][1];
		if (truePositive == 0) {
			return 0;
		}
		double precision = truePositive / (double) predicted;
		double recall = truePositive / (double) actual;
		return 2 * precision * recall / (precision + recall);
	}

	private static long usedHeap() {
		System.gc();
		Runtime runtime = Runtime.getRuntime();
		return runtime.totalMemory() - runtime.freeMemory();
	}

	private static void throughput(List<Row> rows, CommentEngine analyzer, long heapBefore, int warmUp) {
		long checksum = 0;
		for (int pass = 0; pass < warmUp; pass++) {
			for (Row row : rows) {
				checksum += analyzer.analyze(row.text(), ThemeCatalog.empty()).clauses().size();
			}
		}
		long chars = rows.stream().mapToLong((row) -> row.text().length()).sum();
		long comments = 0;
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		long cpuStart = threads.getCurrentThreadCpuTime();
		long start = System.nanoTime();
		double seconds;
		do {
			for (Row row : rows) {
				checksum += analyzer.analyze(row.text(), ThemeCatalog.empty()).clauses().size();
			}
			comments += rows.size();
			seconds = (System.nanoTime() - start) / 1e9;
		}
		while (seconds < MIN_SECONDS);
		double cpuSeconds = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
		long heap = usedHeap();
		Runtime runtime = Runtime.getRuntime();
		System.out.printf(Locale.ROOT,
				"%nthroughput (Chinese, one thread, after warm-up): %,.0f comments/s"
						+ " (average %.1f characters; %,d comments in %.1f s)%n",
				comments / seconds, chars / (double) rows.size(), comments, seconds);
		// CPU time of the measuring thread: what one core does, whatever else runs on the
		// machine
		System.out.printf(Locale.ROOT, "per CPU second of that thread: %,.0f comments%n", comments / cpuSeconds);
		System.out.printf(Locale.ROOT,
				"heap used after GC: %.1f MB in all, %.1f MB more than before the engine was built"
						+ " (HanLP dictionaries, word lists and any models); max heap %.0f MB; checksum %d%n",
				heap / 1048576.0, (heap - heapBefore) / 1048576.0, runtime.maxMemory() / 1048576.0, checksum);
		System.out.printf(Locale.ROOT, "JVM: %s %s, %d processors%n", System.getProperty("java.vm.name"),
				System.getProperty("java.version"),
				ManagementFactory.getOperatingSystemMXBean().getAvailableProcessors());
	}

	/**
	 * Reads {@code label,review} rows; reviews may be quoted with doubled quotes inside.
	 */
	static List<Row> read(Path path) throws IOException {
		String content = Files.readString(path, StandardCharsets.UTF_8);
		List<Row> rows = new ArrayList<>();
		List<String> fields = new ArrayList<>(2);
		StringBuilder field = new StringBuilder();
		boolean quoted = false;
		boolean header = true;
		for (int i = 0; i < content.length(); i++) {
			char c = content.charAt(i);
			if (quoted) {
				if (c == '"' && i + 1 < content.length() && content.charAt(i + 1) == '"') {
					field.append('"');
					i++;
				}
				else if (c == '"') {
					quoted = false;
				}
				else {
					field.append(c);
				}
			}
			else if (c == '"') {
				quoted = true;
			}
			else if (c == ',' && fields.isEmpty()) {
				fields.add(field.toString());
				field.setLength(0);
			}
			else if (c == '\n' || c == '\r') {
				if (c == '\r' && i + 1 < content.length() && content.charAt(i + 1) == '\n') {
					i++;
				}
				header = addRow(rows, fields, field, header);
			}
			else {
				field.append(c);
			}
		}
		addRow(rows, fields, field, header);
		return rows;
	}

	private static boolean addRow(List<Row> rows, List<String> fields, StringBuilder field, boolean header) {
		fields.add(field.toString());
		field.setLength(0);
		if (fields.size() == 2 && !header) {
			rows.add(new Row(Integer.parseInt(fields.get(0).strip()), fields.get(1)));
		}
		boolean stillHeader = header && fields.size() < 2;
		fields.clear();
		return stillHeader;
	}

	record Row(int label, String text) {

	}

}

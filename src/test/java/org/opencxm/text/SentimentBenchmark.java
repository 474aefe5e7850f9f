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
 * Run with {@code bench/text/run [data directory]}.
 */
final class SentimentBenchmark {

	private static final List<String> FILES = List.of("waimai_10k.csv", "uci_amazon_en.csv", "uci_imdb_en.csv");

	private static final String CHINESE = "waimai_10k.csv";

	private static final double MIN_SECONDS = 5;

	private SentimentBenchmark() {
	}

	public static void main(String[] args) throws IOException {
		Path data = Path.of((args.length > 0) ? args[0] : "../shared/data/sentiment");
		if (!Files.isDirectory(data)) {
			System.err.println("No labelled data at " + data.toAbsolutePath() + "; pass the directory as argument.");
			System.exit(2);
		}
		long heapBefore = usedHeap();
		long loadStart = System.nanoTime();
		TextAnalyzer analyzer = new TextAnalyzer();
		System.out.printf(Locale.ROOT, "engine loaded in %.0f ms%n", (System.nanoTime() - loadStart) / 1e6);
		System.out.printf(Locale.ROOT, "threshold: score >= %.2f is positive%n%n", SentimentLabel.POSITIVE_THRESHOLD);
		System.out.printf(Locale.ROOT, "%-20s %6s %9s %9s %9s%n", "file", "rows", "accuracy", "macro-F1", "neutral");
		for (String file : FILES) {
			Path path = data.resolve(file);
			if (Files.exists(path)) {
				report(file, read(path), analyzer);
			}
			else {
				System.out.printf(Locale.ROOT, "%-20s missing%n", file);
			}
		}
		Path chinese = data.resolve(CHINESE);
		if (Files.exists(chinese)) {
			throughput(read(chinese), analyzer, heapBefore);
		}
	}

	private static void report(String file, List<Row> rows, TextAnalyzer analyzer) {
		int[][] confusion = new int[2][2];
		int neutral = 0;
		for (Row row : rows) {
			CommentAnalysis analysis = analyzer.analyze(row.text());
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

	private static void throughput(List<Row> rows, TextAnalyzer analyzer, long heapBefore) {
		long checksum = 0;
		for (int pass = 0; pass < 3; pass++) {
			for (Row row : rows) {
				checksum += analyzer.analyze(row.text()).clauses().size();
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
				checksum += analyzer.analyze(row.text()).clauses().size();
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
						+ " (HanLP dictionaries and word lists); max heap %.0f MB; checksum %d%n",
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

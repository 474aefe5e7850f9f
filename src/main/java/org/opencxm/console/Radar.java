package org.opencxm.console;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * A radar of SEM module scores on 0..100, drawn as SVG on the server: the grid rings at
 * 25, 50, 75 and 100 and the area of the scores, with a label point per axis. Drawn here
 * rather than by the chart library, whose bundle has no radar.
 *
 * @param rings polygon points of the rings, innermost first
 * @param area polygon points of the scores, empty when no axis has one
 * @param labels where each axis's label goes
 */
record Radar(List<String> rings, String area, List<Point> labels) {

	static final double SIZE = 240;

	private static final double CENTRE = SIZE / 2;

	private static final double RADIUS = 80;

	private static final double MAX = 100;

	/** A label position. */
	record Point(double x, double y) {

	}

	static Radar of(List<@Nullable Double> values) {
		int k = values.size();
		List<String> rings = new ArrayList<>();
		for (double ring : new double[] { 25, 50, 75, 100 }) {
			List<Double> level = new ArrayList<>();
			for (int i = 0; i < k; i++) {
				level.add(ring);
			}
			rings.add(points(level));
		}
		boolean any = values.stream().anyMatch((value) -> value != null);
		List<Double> scores = values.stream().map((value) -> (value != null) ? value : 0.0).toList();
		List<Point> labels = new ArrayList<>();
		for (int i = 0; i < k; i++) {
			labels.add(point(i, k, RADIUS + 22));
		}
		return new Radar(rings, any ? points(scores) : "", labels);
	}

	private static String points(List<Double> values) {
		List<String> points = new ArrayList<>();
		for (int i = 0; i < values.size(); i++) {
			double clamped = Math.max(0, Math.min(MAX, values.get(i)));
			Point point = point(i, values.size(), RADIUS * clamped / MAX);
			points.add(String.format(Locale.ROOT, "%.1f,%.1f", point.x(), point.y()));
		}
		return String.join(" ", points);
	}

	private static Point point(int i, int k, double radius) {
		double angle = -Math.PI / 2 + 2 * Math.PI * i / k;
		return new Point(Math.round(10 * (CENTRE + radius * Math.cos(angle))) / 10.0,
				Math.round(10 * (CENTRE + radius * Math.sin(angle))) / 10.0);
	}

}

package org.opencxm.console;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The editing steps of a list of form rows, named by the button that asks for them:
 * {@code add}, {@code up-N}, {@code down-N}, {@code remove-N} (N counts from 0). They
 * only re-draw the form; nothing is saved until the form is.
 */
final class RowOps {

	private RowOps() {
	}

	/**
	 * The row to put the keyboard focus on after the step: the row added, or the row
	 * moved in its new place; null after a removal.
	 */
	static @Nullable Integer focusAfter(String op, int rowsAfter) {
		if (op.equals("add")) {
			return rowsAfter - 1;
		}
		int dash = op.lastIndexOf('-');
		try {
			int index = Integer.parseInt(op.substring(dash + 1));
			int moved = switch (op.substring(0, Math.max(dash, 0))) {
				case "up" -> index - 1;
				case "down" -> index + 1;
				default -> -1;
			};
			return (moved >= 0 && moved < rowsAfter) ? moved : null;
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	/**
	 * The form field to focus after the step, from a pattern such as
	 * {@code stages[%d].code}.
	 */
	static @Nullable String focusField(String op, int rowsAfter, String pattern) {
		Integer row = focusAfter(op, rowsAfter);
		return (row != null) ? pattern.formatted(row) : null;
	}

	static <T> List<T> apply(List<T> rows, String op, T empty) {
		List<T> changed = new ArrayList<>(rows);
		if (op.equals("add")) {
			changed.add(empty);
			return changed;
		}
		int dash = op.lastIndexOf('-');
		int index;
		try {
			index = Integer.parseInt(op.substring(dash + 1));
		}
		catch (NumberFormatException ex) {
			return changed;
		}
		if (index < 0 || index >= changed.size()) {
			return changed;
		}
		switch (op.substring(0, Math.max(dash, 0))) {
			case "up" -> {
				if (index > 0) {
					Collections.swap(changed, index, index - 1);
				}
			}
			case "down" -> {
				if (index < changed.size() - 1) {
					Collections.swap(changed, index, index + 1);
				}
			}
			case "remove" -> changed.remove(index);
			default -> {
			}
		}
		return changed;
	}

}

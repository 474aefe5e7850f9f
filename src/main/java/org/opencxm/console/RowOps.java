package org.opencxm.console;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The editing steps of a list of form rows, named by the button that asks for them:
 * {@code add}, {@code up-N}, {@code down-N}, {@code remove-N} (N counts from 0). They
 * only re-draw the form; nothing is saved until the form is.
 */
final class RowOps {

	private RowOps() {
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

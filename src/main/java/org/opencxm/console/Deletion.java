package org.opencxm.console;

import org.jspecify.annotations.Nullable;

import org.springframework.ui.Model;

/**
 * The confirmation step before a design object is deleted: a page that names it, says
 * what deleting does, and posts the deletion (with its CSRF token) only when confirmed;
 * or explains why it cannot be deleted.
 *
 * @param what the kind of object in the page's language ("segment")
 * @param name its name in the page's language
 * @param tab the design tab it belongs to
 * @param action where the confirmation posts
 * @param back the page to return to
 * @param note what else deleting does, if anything
 */
record Deletion(String what, String name, String tab, String action, String back, @Nullable String note) {

	static final String VIEW = "design/delete";

	String ask(Model model) {
		model.addAttribute("deletion", this);
		model.addAttribute("problem", null);
		return VIEW;
	}

	/** The page again, with why the object cannot be deleted. */
	String refuse(Model model, String problem) {
		model.addAttribute("deletion", this);
		model.addAttribute("problem", problem);
		return VIEW;
	}

}

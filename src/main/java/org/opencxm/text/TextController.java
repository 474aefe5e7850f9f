package org.opencxm.text;

import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Comment analyses: per response, figures by theme and factor, and the rebuild.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Text analytics", description = "Analysed comments, figures by theme and factor, rebuild")
class TextController {

	private final CommentAnalyses analyses;

	private final ThemeFigures figures;

	TextController(CommentAnalyses analyses, ThemeFigures figures) {
		this.analyses = analyses;
		this.figures = figures;
	}

	@GetMapping("/responses/{id}/comments")
	List<AnalysedComment> comments(@PathVariable long id) {
		return this.analyses.comments(id);
	}

	@GetMapping("/text/themes")
	ThemeReport themes(
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
			@RequestParam(required = false) @Nullable String unit,
			@RequestParam(required = false) @Nullable String touchpoint,
			@RequestParam(required = false) @Nullable String grain) {
		return this.figures.report(new ThemeFigures.Query(from, to, unit, touchpoint, grain));
	}

	@PostMapping("/text/rebuild")
	CommentAnalyses.Rebuilt rebuild() {
		return this.analyses.rebuild();
	}

}

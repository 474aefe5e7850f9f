package org.opencxm.text;

import java.util.List;

import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The workspace themes API.
 */
@RestController
@RequestMapping("/api/v1/themes")
@Tag(name = "Themes", description = "Workspace themes that comments are tagged with")
class ThemeController {

	private final Themes themes;

	ThemeController(Themes themes) {
		this.themes = themes;
	}

	@GetMapping
	List<ThemeDefinition> list() {
		return this.themes.list();
	}

	@GetMapping("/{code}")
	ThemeDefinition get(@PathVariable String code) {
		return this.themes.get(code);
	}

	@PostMapping
	ResponseEntity<ThemeDefinition> create(@Valid @RequestBody ThemeRequest request) {
		var result = this.themes.create(request);
		return result.answer("/api/v1/themes/" + result.value().code());
	}

	@PutMapping("/{code}")
	ResponseEntity<ThemeDefinition> put(@PathVariable String code, @Valid @RequestBody ThemeRequest request) {
		var result = this.themes.put(code, request);
		return result.answer("/api/v1/themes/" + result.value().code());
	}

	@DeleteMapping("/{code}")
	ResponseEntity<Void> delete(@PathVariable String code) {
		this.themes.delete(code);
		return ResponseEntity.noContent().build();
	}

}

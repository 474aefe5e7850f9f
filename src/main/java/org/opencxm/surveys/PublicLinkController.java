package org.opencxm.surveys;

import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.opencxm.org.OrgScope;
import org.opencxm.org.Role;
import org.opencxm.shared.Created;
import org.opencxm.shared.InvalidInputException;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Public links and their QR codes.
 */
@RestController
@RequestMapping("/api/v1/public-links")
@Tag(name = "Public links", description = "Anonymous survey links of touchpoints and stores, and their QR codes")
class PublicLinkController {

	private final PublicLinks links;

	private final OrgScope scope;

	PublicLinkController(PublicLinks links, OrgScope scope) {
		this.links = links;
		this.scope = scope;
	}

	@PostMapping
	ResponseEntity<PublicLink> create(@Valid @RequestBody PublicLinkRequest request) {
		Created<PublicLink> result = this.links.create(request);
		return result.answer("/api/v1/public-links/" + result.value().code());
	}

	@GetMapping("/{code}")
	PublicLink get(@PathVariable String code) {
		this.scope.requireRole(Role.VIEWER);
		return this.links.get(code);
	}

	/**
	 * The link as a QR code in a PNG of {@code size} pixels (default 600, at most 2000).
	 */
	@GetMapping(path = "/{code}/qr.png", produces = MediaType.IMAGE_PNG_VALUE)
	ResponseEntity<byte[]> png(@PathVariable String code, @RequestParam(defaultValue = "600") int size) {
		this.scope.requireRole(Role.VIEWER);
		if (size < 100 || size > 2000) {
			throw new InvalidInputException("size", "must be from 100 to 2000 pixels");
		}
		PublicLink link = this.links.get(code);
		return ResponseEntity.ok()
			.cacheControl(CacheControl.noCache())
			.contentType(MediaType.IMAGE_PNG)
			.body(QrCodes.png(link.url(), size));
	}

	@GetMapping(path = "/{code}/qr.svg", produces = "image/svg+xml")
	ResponseEntity<String> svg(@PathVariable String code) {
		this.scope.requireRole(Role.VIEWER);
		PublicLink link = this.links.get(code);
		return ResponseEntity.ok()
			.cacheControl(CacheControl.noCache())
			.contentType(MediaType.parseMediaType("image/svg+xml"))
			.body(QrCodes.svg(link.url()));
	}

}

package org.opencxm;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

@ApplicationTest
class ApplicationApiTests {

	@Autowired
	Api api;

	@Test
	void openApiDocumentAndSwaggerUiArePublic() {
		var document = this.api.anonymous().get("/v3/api-docs").expect(200).json();
		assertThat(document.get("info").get("title").asString()).isEqualTo("OpenCXM API");
		assertThat(document.get("paths").has("/api/v1/org-units")).isTrue();
		assertThat(document.get("components").get("securitySchemes").has("bearer")).isTrue();
		assertThat(this.api.anonymous().getAny("/swagger-ui/index.html").expect(200).body()).contains("Swagger UI");
	}

	@Test
	void unknownApiPathsAnswerProblemDetailsWithoutTraces() {
		var missing = this.api.admin().get("/api/v1/no-such-thing").expect(404);
		assertThat(missing.header("Content-Type")).startsWith("application/problem+json");
		assertThat(missing.body()).doesNotContain("Exception").doesNotContain("at org.");
		var wrongMethod = this.api.admin().send("PATCH", "/api/v1/org-units", "{}", "application/json");
		assertThat(wrongMethod.status()).isEqualTo(405);
		assertThat(wrongMethod.header("Content-Type")).startsWith("application/problem+json");
	}

}

package org.opencxm.org;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * Who may reach what. The API ({@code /api/**}, actuator) is stateless and takes bearer
 * tokens or HTTP Basic; the rest (console, later survey pages) uses a form login session
 * with CSRF protection. Anonymous callers reach only health, the OpenAPI document, static
 * assets and pages explicitly opened to respondents.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

	private static final String REALM = "OpenCXM";

	@Bean
	@Order(1)
	SecurityFilterChain apiSecurity(HttpSecurity http, Accounts accounts) throws Exception {
		AuthenticationEntryPoint entryPoint = (request, response, ex) -> problem(response, 401, "Unauthorized",
				"authentication is required: a bearer token or HTTP Basic credentials");
		AccessDeniedHandler denied = (request, response, ex) -> problem(response, 403, "Forbidden",
				"your role does not allow this");
		http.securityMatcher("/api/**", "/actuator/**")
			.authorizeHttpRequests((requests) -> requests.requestMatchers("/actuator/health", "/actuator/health/**")
				.permitAll()
				.requestMatchers("/actuator/**")
				.hasRole(Role.ADMIN.name())
				.anyRequest()
				.authenticated())
			.httpBasic((basic) -> basic.realmName(REALM).authenticationEntryPoint(entryPoint))
			.oauth2ResourceServer((server) -> server.opaqueToken((token) -> token.introspector(accounts))
				.authenticationEntryPoint(entryPoint)
				.accessDeniedHandler(denied))
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf((csrf) -> csrf.disable())
			.exceptionHandling(
					(exceptions) -> exceptions.authenticationEntryPoint(entryPoint).accessDeniedHandler(denied));
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain webSecurity(HttpSecurity http) throws Exception {
		http.authorizeHttpRequests((requests) -> requests
			.requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**", "/webjars/**",
					"/css/**", "/js/**", "/img/**", "/favicon.ico", "/error", "/s/**", "/p/**", "/login", "/language")
			.permitAll()
			.anyRequest()
			.authenticated())
			// The survey builder shows its preview in a frame of the console's own pages;
			// other sites still may not frame any page.
			.headers((headers) -> headers.frameOptions((frame) -> frame.sameOrigin()))
			.formLogin((form) -> form.loginPage("/login").defaultSuccessUrl("/").permitAll())
			.logout((logout) -> logout.permitAll());
		return http.build();
	}

	@Bean
	static RoleHierarchy roleHierarchy() {
		return RoleHierarchyImpl.fromHierarchy(Role.hierarchy());
	}

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	private static void problem(HttpServletResponse response, int status, String title, String detail)
			throws IOException {
		if (status == 401) {
			response.addHeader("WWW-Authenticate", "Bearer realm=\"" + REALM + "\"");
			response.addHeader("WWW-Authenticate", "Basic realm=\"" + REALM + "\"");
		}
		response.setStatus(status);
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.getWriter()
			.write("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status + ",\"detail\":\""
					+ detail + "\"}");
	}

}

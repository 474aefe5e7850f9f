package org.opencxm.console;

import org.opencxm.org.OrgScope;
import org.opencxm.org.Users;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The console's language resolution and the layout data added to every page.
 */
@Configuration(proxyBeanMethods = false)
class ConsoleConfiguration implements WebMvcConfigurer {

	private final OrgScope scope;

	private final Users users;

	ConsoleConfiguration(OrgScope scope, Users users) {
		this.scope = scope;
		this.users = users;
	}

	/**
	 * Named {@code localeResolver} so that the dispatcher servlet uses it instead of
	 * Spring Boot's Accept-Language default.
	 */
	@Bean
	LocaleResolver localeResolver() {
		return new ConsoleLocaleResolver(this.scope);
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new ShellInterceptor(this.scope, this.users, localeResolver()))
			.excludePathPatterns("/api/**", "/actuator/**", "/v3/**", "/swagger-ui/**", "/webjars/**", "/css/**",
					"/js/**", "/img/**", "/favicon.ico");
	}

}

package org.opencxm.console;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Adds the layout data to every page request; static files and the API go without.
 */
@Configuration(proxyBeanMethods = false)
class ConsoleConfiguration implements WebMvcConfigurer {

	private final ShellInterceptor shell;

	ConsoleConfiguration(ShellInterceptor shell) {
		this.shell = shell;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(this.shell)
			.excludePathPatterns("/api/**", "/actuator/**", "/v3/**", "/swagger-ui/**", "/webjars/**", "/css/**",
					"/js/**", "/img/**", "/favicon.ico");
	}

}

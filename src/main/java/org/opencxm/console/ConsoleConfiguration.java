package org.opencxm.console;

import java.util.List;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.LiteWebJarsResourceResolver;

/**
 * Adds the layout data to every page request; static files and the API go without. Static
 * files are served from their own folders only (not from every path, which is
 * {@code spring.web.resources.add-mappings=false}): every link a page writes is checked
 * against the resource folders, and a path that could be a file anywhere was looked up on
 * the class path, uncached, for every link of every page.
 */
@Configuration(proxyBeanMethods = false)
class ConsoleConfiguration implements WebMvcConfigurer {

	private final ShellInterceptor shell;

	ConsoleConfiguration(ShellInterceptor shell) {
		this.shell = shell;
	}

	@Override
	public void addResourceHandlers(ResourceHandlerRegistry registry) {
		for (String folder : List.of("css", "js", "img")) {
			registry.addResourceHandler("/" + folder + "/**").addResourceLocations("classpath:/static/" + folder + "/");
		}
		registry.addResourceHandler("/webjars/**")
			.addResourceLocations("classpath:/META-INF/resources/webjars/")
			.resourceChain(true)
			.addResolver(new LiteWebJarsResourceResolver());
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(this.shell)
			.excludePathPatterns("/api/**", "/actuator/**", "/v3/**", "/swagger-ui/**", "/webjars/**", "/css/**",
					"/js/**", "/img/**", "/favicon.ico");
	}

}

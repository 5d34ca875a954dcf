package org.handraise.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Static files, mapped folder by folder ({@code /css/**}, {@code /js/**},
 * {@code /images/**} from {@code classpath:/static/}, {@code /webjars/**} with
 * version-less paths) instead of Spring Boot's default {@code /**}
 * ({@code spring.web.resources.add-mappings=false}).
 * <p>
 * Why: the webjars locator turns on {@code ResourceUrlEncodingFilter}, which offers every
 * {@code @{...}} link of a page to the resource handlers whose pattern matches it. Under
 * {@code /**} that was every link ({@code /requests/42}, {@code ?page=3}, ...), each
 * looked up as a classpath resource in the nested jars and, as none exists, never cached:
 * about half of the request list page's CPU. Now only links into these folders are looked
 * up, once each (the resource chain caches them).
 */
@Configuration(proxyBeanMethods = false)
class StaticResources implements WebMvcConfigurer {

	@Override
	public void addResourceHandlers(ResourceHandlerRegistry registry) {
		for (String folder : new String[] { "css", "js", "images" }) {
			registry.addResourceHandler("/" + folder + "/**")
				.addResourceLocations("classpath:/static/" + folder + "/")
				.resourceChain(true);
		}
		// resourceChain adds the webjars locator's resolver (version-less paths) when it
		// is on the classpath
		registry.addResourceHandler("/webjars/**")
			.addResourceLocations("classpath:/META-INF/resources/webjars/")
			.resourceChain(true);
	}

}

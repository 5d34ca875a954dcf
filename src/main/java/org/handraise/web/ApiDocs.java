package org.handraise.web;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.servers.Server;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The published API description ({@code /v3/api-docs}). Its server is {@code handraise.base-url} when one is
 * configured, else {@code /} (the server the document was read from): never the {@code Host} header of whoever
 * asked, which a client chooses.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocs {

	@Bean
	OpenAPI handraiseApi(@Value("${handraise.base-url:}") String baseUrl) {
		return new OpenAPI()
			.info(new Info().title("Handraise API")
				.version("0.1.0")
				.description("Ask for help, claim and answer requests, say thanks: the same rules as the pages.")
				.license(new License().name("Apache License, Version 2.0")
					.identifier("Apache-2.0")
					.url("https://www.apache.org/licenses/LICENSE-2.0")))
			.servers(List.of(new Server().url(serverUrl(baseUrl))));
	}

	/**
	 * The configured base URL without a trailing slash, or {@code /}.
	 * @throws IllegalArgumentException when it is set but not an absolute http or https URL
	 */
	static String serverUrl(String baseUrl) {
		if (baseUrl == null || baseUrl.isBlank()) {
			return "/";
		}
		String url = baseUrl.strip();
		try {
			URI uri = new URI(url);
			if (!uri.isAbsolute() || uri.getHost() == null
					|| !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
				throw new IllegalArgumentException(
						"handraise.base-url must be an absolute http or https URL, such as https://help.example.com");
			}
		}
		catch (URISyntaxException ex) {
			throw new IllegalArgumentException("handraise.base-url is not a URL: " + ex.getMessage(), ex);
		}
		return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
	}

}

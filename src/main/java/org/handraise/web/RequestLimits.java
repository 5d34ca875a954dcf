package org.handraise.web;

import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Scope;

/**
 * How much of a request Handraise reads. Bodies: {@link #API_BODY_LIMIT} of JSON under
 * {@code /api}, {@link #PAGE_BODY_LIMIT} of form on the pages (the longest form, a
 * request, is under 10 KB of text), enforced by {@link BodyLimitFilter} before anything
 * reads the body, and for forms also by Tomcat
 * ({@code server.tomcat.max-http-form-post-size}). JSON: the JSON reader of the API
 * refuses a document longer than the API's limit, a text longer than
 * {@link #MAX_JSON_STRING} characters (the longest field takes 5,000) and nesting deeper
 * than {@link #MAX_JSON_NESTING} (the API's bodies are flat), whatever reaches it.
 */
@Configuration(proxyBeanMethods = false)
class RequestLimits {

	static final int API_BODY_LIMIT = 64 * 1024;

	static final int PAGE_BODY_LIMIT = 128 * 1024;

	static final int MAX_JSON_STRING = 20_000;

	static final int MAX_JSON_NESTING = 32;

	/**
	 * Spring Boot's {@link JsonMapper.Builder} (with every
	 * {@link JsonMapperBuilderCustomizer}, so with Boot's own settings), over a
	 * {@link JsonFactory} with the limits above: Jackson 3 sets stream read constraints
	 * on the factory only, which a customizer cannot replace.
	 */
	@Bean
	@Scope("prototype")
	JsonMapper.Builder boundedJsonMapperBuilder(ObjectProvider<JsonMapperBuilderCustomizer> customizers) {
		JsonFactory factory = JsonFactory.builder()
			.streamReadConstraints(StreamReadConstraints.builder()
				.maxDocumentLength(API_BODY_LIMIT)
				.maxStringLength(MAX_JSON_STRING)
				.maxNestingDepth(MAX_JSON_NESTING)
				.build())
			.build();
		JsonMapper.Builder builder = JsonMapper.builder(factory);
		customizers.orderedStream().forEach((customizer) -> customizer.customize(builder));
		return builder;
	}

}

package org.handraise.web;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.handraise.people.Role;
import org.handraise.support.Api;
import org.handraise.support.PageClient;
import org.handraise.support.PostgresIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.handraise.support.DemoCast.OLGA;

/**
 * Every paged list, API and page, found among the application's own handler methods by
 * its {@code page} parameter: a page number whose rows would start beyond what the
 * database can be asked for is refused (400 with a field error on the API, the "nothing
 * here" page on pages), never a 500; a reasonable page number works.
 */
class PageNumberLimitIT extends PostgresIntegrationTest {

	/**
	 * Big enough that page times size overflows an int for every page size in use (20 to
	 * 100).
	 */
	private static final String HUGE = "21474837";

	/**
	 * Every paged list there is; a new one is added here, so that it is checked below.
	 */
	private static final Set<String> PAGED = Set.of("/api/requests", "/api/thanks", "/api/people", "/requests",
			"/thanks", "/people", "/admin/people", "/admin/audit", "/mentor", "/api/notifications", "/notifications");

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	private RequestMappingHandlerMapping mappings;

	@BeforeEach
	void people() {
		seed(OLGA.inTeam("Platform").withSkills("java").withRoles(Role.ADMIN, Role.MENTOR, Role.MANAGER));
	}

	@Test
	void everyPagedListIsKnown() {
		assertThat(pagedPaths()).as("paged handler methods").isEqualTo(new TreeSet<>(PAGED));
	}

	@Test
	void aPageNumberTooLargeIsRefusedOnEveryPagedList() {
		Api api = new Api(baseUrl());
		PageClient olga = PageClient.signedIn(baseUrl(), "olga", PASSWORD);
		for (String path : pagedPaths()) {
			if (path.startsWith("/api/")) {
				Api.Response fine = api.get(path + "?page=3&size=100", "olga", PASSWORD);
				assertThat(fine.status()).as("%s %s", path, fine.body()).isEqualTo(200);
				Api.Response huge = api.get(path + "?page=" + HUGE + "&size=100", "olga", PASSWORD);
				assertThat(huge.status()).as("%s %s", path, huge.body()).isEqualTo(400);
				assertThat(huge.isProblem()).isTrue();
				assertThat(huge.json().get("errors").get(0).get("field").asString()).isEqualTo("page");
				assertThat(huge.json().get("errors").get(0).get("message").asString()).contains("1,000,000");
			}
			else {
				assertThat(olga.get(path + "?page=3").status()).as(path).isEqualTo(200);
				PageClient.Response huge = olga.get(path + "?page=" + HUGE);
				assertThat(huge.status()).as("%s %s", path, huge.body()).isEqualTo(404);
				assertThat(huge.contentType()).startsWith("text/html");
			}
		}
		assertThat(pagedPaths()).isNotEmpty();
	}

	@Test
	void theLastPageNumberThatCanBeAskedForStillWorks() {
		Api.Response last = new Api(baseUrl()).get("/api/requests?page=" + PageNumbers.MAX_PAGE + "&size=100", "olga",
				PASSWORD);
		assertThat(last.status()).as(last.body()).isEqualTo(200);
		assertThat(last.json().get("content").size()).isZero();
	}

	/**
	 * The paths of the application's handler methods that take a {@code page} request
	 * parameter.
	 */
	private Set<String> pagedPaths() {
		Set<String> paths = new TreeSet<>();
		for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : this.mappings.getHandlerMethods().entrySet()) {
			if (!entry.getValue().getBeanType().getName().startsWith("org.handraise.")) {
				continue;
			}
			for (MethodParameter parameter : entry.getValue().getMethodParameters()) {
				RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
				parameter.initParameterNameDiscovery(new DefaultParameterNameDiscoverer());
				String name = (param != null && !param.name().isEmpty()) ? param.name() : parameter.getParameterName();
				if (param != null && "page".equals(name)) {
					paths.addAll(entry.getKey().getPatternValues());
				}
			}
		}
		return paths;
	}

}

package org.handraise.stats;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/**
 * The dashboard on the demo data (H2, as the app starts by default): grace the manager
 * sees the charts and tables; employees and mentors are turned away.
 */
@SpringBootTest
@AutoConfigureMockMvc
@TestPropertySource(properties = { "handraise.demo-data=true",
		"spring.datasource.url=jdbc:h2:mem:stats-demo-${random.uuid};MODE=PostgreSQL;"
				+ "DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH" })
class StatsDashboardIT {

	@Autowired
	MockMvc mvc;

	@Test
	@WithUserDetails("grace")
	void graceSeesTheDashboardWithChartsAndTables() throws Exception {
		MvcResult result = this.mvc.perform(get("/stats"))
			.andExpect(status().isOk())
			.andExpect(view().name("stats/dashboard"))
			.andReturn();
		String html = result.getResponse().getContentAsString();
		assertThat(html).contains("Help statistics", "/dist/chart.umd.js", "/js/stats.js",
				"How this page protects people who ask", "fewer than 3");
		assertThat(html.split("<canvas", -1)).hasSize(6);
		assertThat(html).contains("data-chart=\"{&quot;type&quot;:&quot;bar&quot;");
		assertThat(html).doesNotContain("<script>").doesNotContainPattern("<script(?![^>]*\\bsrc=)");
		assertThat(html).contains("id=\"weekly-table\"", "id=\"backlog-table\"", "id=\"teams-table\"",
				"id=\"helpers-table\"");
		assertThat(html).contains("href=\"/stats\"");
		// when the figures were computed (a report may be served again for
		// handraise.stats.cache-for)
		assertThat(html).containsPattern("Figures as of\\s*</span>\\s*"
				+ "<time datetime=\"\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ\">[^<]+ UTC</time>");
	}

	@Test
	@WithUserDetails("admin")
	void administratorsSeeItToo() throws Exception {
		this.mvc.perform(get("/stats").param("team", "Platform").param("topic", "java")).andExpect(status().isOk());
	}

	@Test
	@WithUserDetails("grace")
	void invalidFiltersAreShownOnThePage() throws Exception {
		String html = this.mvc.perform(get("/stats").param("from", "2026-03-01").param("to", "2026-02-01"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(html).contains("is-invalid", "must not be after to").doesNotContain("<canvas");
	}

	@Test
	@WithUserDetails("grace")
	void theCsvDownloadWorksWithTheSession() throws Exception {
		MvcResult result = this.mvc.perform(get("/stats/export.csv"))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.startsWith("attachment")))
			.andReturn();
		assertThat(result.getResponse().getContentType()).startsWith("text/csv");
		assertThat(StatsApiIT.sectionNames(result.getResponse().getContentAsString())).contains("teams", "helpers",
				"weekly");
	}

	@Test
	void employeesAndMentorsAreForbidden() throws Exception {
		for (String username : new String[] { "alice", "bob", "maria" }) {
			String role = "maria".equals(username) ? "MENTOR" : "EMPLOYEE";
			this.mvc.perform(get("/stats").with(user(username).roles("EMPLOYEE", role)))
				.andExpect(status().isForbidden());
			this.mvc.perform(get("/stats/export.csv").with(user(username).roles("EMPLOYEE", role)))
				.andExpect(status().isForbidden());
		}
		this.mvc.perform(get("/stats")).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login"));
	}

	@Test
	@WithUserDetails("alice")
	void theMenuShowsStatsOnlyToManagersAndAdministrators() throws Exception {
		String html = this.mvc.perform(get("/")).andReturn().getResponse().getContentAsString();
		assertThat(html).doesNotContain("href=\"/stats\"");
	}

}

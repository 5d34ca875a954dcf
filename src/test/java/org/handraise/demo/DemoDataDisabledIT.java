package org.handraise.demo;

import org.junit.jupiter.api.Test;

import org.handraise.people.PeopleService;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With {@code handraise.demo-data=false} (as on the postgres profile) the database starts
 * empty.
 */
// The default mock web environment starts no server; NONE would not do, since the
// security filter chains need the servlet-only HttpSecurity bean.
@SpringBootTest
@TestPropertySource(properties = { "handraise.demo-data=false",
		"spring.datasource.url=jdbc:h2:mem:demo-off-${random.uuid};MODE=PostgreSQL;"
				+ "DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH" })
class DemoDataDisabledIT {

	@Autowired
	PeopleService people;

	@Autowired
	ApplicationContext context;

	@Test
	void switchedOffItLoadsNobody() {
		assertThat(this.context.getBeanNamesForType(DemoData.class)).isEmpty();
		assertThat(this.people.count()).isZero();
	}

}

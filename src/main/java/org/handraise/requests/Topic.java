package org.handraise.requests;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * What a request is about ("java", "kubernetes"): lower case, matched against mentors'
 * skills.
 */
@Entity
@Table(name = "topics")
class Topic {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(nullable = false, length = 30, unique = true)
	private String name;

	protected Topic() {
	}

	Topic(String name) {
		this.name = name;
	}

	Long getId() {
		return this.id;
	}

	String getName() {
		return this.name;
	}

}

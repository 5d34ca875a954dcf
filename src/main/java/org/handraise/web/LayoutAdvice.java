package org.handraise.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Helpers every page template can use: {@code ${times.relative(instant)}},
 * {@code ${pages.link(n)}}.
 */
@ControllerAdvice(annotations = Controller.class)
class LayoutAdvice {

	private final Times times;

	private final PageLinks pages;

	LayoutAdvice(Times times, PageLinks pages) {
		this.times = times;
		this.pages = pages;
	}

	@ModelAttribute("times")
	Times times() {
		return this.times;
	}

	@ModelAttribute("pages")
	PageLinks pages() {
		return this.pages;
	}

}

package org.handraise.audit.web;

import java.util.Arrays;
import java.util.List;

import org.handraise.audit.AuditAction;
import org.handraise.audit.AuditLog;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The audit log for administrators: newest first, 50 a page, filtered by action and
 * actor.
 */
@Controller
@RequestMapping("/admin/audit")
class AuditController {

	private final AuditLog audit;

	AuditController(AuditLog audit) {
		this.audit = audit;
	}

	@GetMapping
	String list(@RequestParam(required = false) String action, @RequestParam(required = false) String actor,
			@RequestParam(defaultValue = "0") int page, Model model) {
		AuditAction chosen = Arrays.stream(AuditAction.values())
			.filter((a) -> a.name().equals(action))
			.findFirst()
			.orElse(null);
		model.addAttribute("page", this.audit.events(chosen, actor, page, 50));
		model.addAttribute("actions", List.of(AuditAction.values()));
		model.addAttribute("action", (chosen != null) ? chosen.name() : "");
		model.addAttribute("actor", (actor != null) ? actor : "");
		return "admin/audit";
	}

}

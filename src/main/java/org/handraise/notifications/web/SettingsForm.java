package org.handraise.notifications.web;

import org.handraise.notifications.NotificationSettings;

/**
 * The email settings as the profile page's form sends them: a delivery's name per
 * category, checked by {@link NotificationSettings#parse}.
 */
public class SettingsForm {

	private String myRequests;

	private String helping;

	private String skillMatches;

	private String thanks;

	static SettingsForm of(NotificationSettings settings) {
		SettingsForm form = new SettingsForm();
		form.myRequests = settings.myRequests().name();
		form.helping = settings.helping().name();
		form.skillMatches = settings.skillMatches().name();
		form.thanks = settings.thanks().name();
		return form;
	}

	NotificationSettings parse() {
		return NotificationSettings.parse(this.myRequests, this.helping, this.skillMatches, this.thanks);
	}

	public String getMyRequests() {
		return this.myRequests;
	}

	public void setMyRequests(String myRequests) {
		this.myRequests = myRequests;
	}

	public String getHelping() {
		return this.helping;
	}

	public void setHelping(String helping) {
		this.helping = helping;
	}

	public String getSkillMatches() {
		return this.skillMatches;
	}

	public void setSkillMatches(String skillMatches) {
		this.skillMatches = skillMatches;
	}

	public String getThanks() {
		return this.thanks;
	}

	public void setThanks(String thanks) {
		this.thanks = thanks;
	}

}

package org.handraise.people;

/**
 * How to reach a person: who they are and their email address, for features that tell
 * people about something. A deactivated person is never a contact.
 */
public record Contact(String username, String displayName, String email) {
}

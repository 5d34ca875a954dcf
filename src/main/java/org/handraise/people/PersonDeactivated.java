package org.handraise.people;

/**
 * Published, inside the transaction, when an administrator deactivates a person: the
 * requests module releases every claim the person holds in that same transaction, so that
 * the deactivation and the releases commit together or not at all, and nobody is left
 * waiting on a helper who is gone.
 *
 * @param username who was deactivated
 * @param by the administrator who deactivated them
 */
public record PersonDeactivated(String username, String by) {
}

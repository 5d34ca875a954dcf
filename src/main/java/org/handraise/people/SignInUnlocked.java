package org.handraise.people;

/**
 * Published, inside the transaction, when an administrator unlocks a person's sign-in:
 * the security module forgets the failed sign-ins of that account name, and so any lock
 * on it.
 */
public record SignInUnlocked(String username) {
}

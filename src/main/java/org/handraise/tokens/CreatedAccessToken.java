package org.handraise.tokens;

/**
 * A token just made: the only moment the token itself ({@code token}) exists outside its
 * owner's hands.
 */
public record CreatedAccessToken(AccessTokenView view, String token) {

	@Override
	public String toString() {
		return "CreatedAccessToken[" + this.view + ", token=(hidden)]";
	}

}

package uk.safeguarding.explorer.security;

import java.util.List;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/** A user signed in to the browser through OpenID Connect (production). */
public class ExplorerOidcUser extends DefaultOidcUser implements ExplorerPrincipal {

    private final ExplorerPrincipal who;

    ExplorerOidcUser(ExplorerPrincipal who, OidcUser user, String userClaim) {
        super(
                List.of(new SimpleGrantedAuthority(who.role().authority())),
                user.getIdToken(),
                user.getUserInfo(),
                userClaim);
        this.who = who;
    }

    @Override
    public String username() {
        return who.username();
    }

    @Override
    public Role role() {
        return who.role();
    }

    @Override
    public String agency() {
        return who.agency();
    }
}

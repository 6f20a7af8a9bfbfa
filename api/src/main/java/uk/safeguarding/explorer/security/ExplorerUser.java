package uk.safeguarding.explorer.security;

import java.util.List;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;

/** A demo user of local mode: name, password, role and the agency they work for (null for admin and auditor). */
public class ExplorerUser extends User implements ExplorerPrincipal {

    private final Role role;
    private final String agency;

    public ExplorerUser(String username, String encodedPassword, Role role, String agency) {
        super(username, encodedPassword, List.of(new SimpleGrantedAuthority(role.authority())));
        this.role = role;
        this.agency = agency;
    }

    @Override
    public String username() {
        return getUsername();
    }

    @Override
    public Role role() {
        return role;
    }

    @Override
    public String agency() {
        return agency;
    }
}

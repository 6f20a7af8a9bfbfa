package uk.safeguarding.explorer.security;

import java.util.List;

import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;

/** A signed-in user: name, role and the agency they work for (null for admin and auditor). */
public class ExplorerUser extends User {

    private final Role role;
    private final String agency;

    public ExplorerUser(String username, String encodedPassword, Role role, String agency) {
        super(username, encodedPassword, List.of(new SimpleGrantedAuthority(role.authority())));
        this.role = role;
        this.agency = agency;
    }

    public Role role() {
        return role;
    }

    public String agency() {
        return agency;
    }
}

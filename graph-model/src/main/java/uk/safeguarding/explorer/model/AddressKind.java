package uk.safeguarding.explorer.model;

/** What kind of place an address is (DESIGN §3). */
public enum AddressKind {
    HOME,
    PLACEMENT,
    APPROVED_PREMISES,
    HOSTEL,
    TEMPORARY
}

package uk.safeguarding.explorer.model;

/** How a parent is a parent of a child (PARENT_OF.kind). */
public enum ParentKind {
    BIRTH,
    ADOPTIVE,
    STEP,
    FOSTER,
    GUARDIAN
}

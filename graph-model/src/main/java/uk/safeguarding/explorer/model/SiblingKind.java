package uk.safeguarding.explorer.model;

/** Kinds of sibling link, derived from parents or recorded explicitly (SIBLING_OF.kind). */
public enum SiblingKind {
    FULL,
    HALF,
    STEP,
    FOSTER,
    ADOPTIVE
}
